/**
 * A zip package (.xlsx) written part by part: each part's text is encoded and deflated in chunks as
 * it is written, so no part is ever held whole (only the compressed bytes are kept). The deflater is
 * the platform's native one (CompressionStream, whose output may arrive later: `done` waits for it),
 * else fflate's, unless one is registered (the command line registers Node's zlib).
 */
import { Deflate } from 'fflate';
import { streamDeflater } from './streamDeflate';

/** A part's deflater: raw deflate of the chunks pushed, handing compressed bytes to `out`. */
export interface PartDeflater {
  push(chunk: Uint8Array, final: boolean): void;
  /** Settles when every compressed byte has been handed to `out` (a deflater that answers later). */
  done?: Promise<void>;
  /** The CRC-32 of the bytes pushed, when the deflater computes it (then the writer does not). */
  crc?: Promise<number>;
}
export type DeflaterFactory = (out: (data: Uint8Array) => void) => PartDeflater;

/** Compression level of the parts (speed over the last few percent of size). */
export const LEVEL = 3;

/** fflate's deflater (JavaScript: everywhere, and synchronous). */
export const fflateDeflater: DeflaterFactory = (out) => {
  const d = new Deflate({ level: LEVEL }, (data) => out(data));
  return { push: (chunk, final) => d.push(chunk, final) };
};
let factory: DeflaterFactory = streamDeflater() ?? fflateDeflater;

/** Uses a deflater of one's own for the parts (null: the platform's native one, else fflate's). */
export function setNativeDeflate(f: DeflaterFactory | null): void {
  factory = f ?? streamDeflater() ?? fflateDeflater;
}

/** The deflater the parts are written with now. */
export function deflaterInUse(): DeflaterFactory {
  return factory;
}

/** Raw deflate of whole bytes with the registered deflater. */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const d = factory((x) => parts.push(x));
  d.push(bytes, true);
  await d.done;
  return concat(parts);
}

function concat(parts: Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

// CRC-32 (IEEE), slicing by 4
const CRC = (() => {
  const t = new Int32Array(256 * 4);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++)
    for (let k = 1; k < 4; k++)
      t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  return t;
})();

/** The CRC-32 of `b` continued from `crc` (0 to start). */
export function crc32(b: Uint8Array, crc = 0): number {
  let c = ~crc;
  let i = 0;
  const n4 = b.length - (b.length % 4);
  for (; i < n4; i += 4) {
    c ^= b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
    c =
      CRC[768 + (c & 0xff)] ^
      CRC[512 + ((c >>> 8) & 0xff)] ^
      CRC[256 + ((c >>> 16) & 0xff)] ^
      CRC[c >>> 24];
  }
  for (; i < b.length; i++) c = CRC[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** Text written into one part; `end` closes it. */
export interface PartOut {
  write(s: string): void;
  end(): void;
}

/** Bytes of encoded text gathered before they are deflated. */
const BYTE_CHUNK = 1 << 18;

interface Entry {
  name: Uint8Array;
  /** 0: stored, 8: deflated. */
  method: number;
  crc: number;
  compressed: number;
  size: number;
  /** The part's bytes as written (compressed, or stored). */
  data: Uint8Array[];
}

/**
 * Writes a zip of parts (one part open at a time); `finish` gives its bytes once every part's
 * compressed bytes are in. Each local header carries its part's CRC and sizes (no data descriptor).
 */
export class ZipWriter {
  private entries: Entry[] = [];
  private waits: Promise<void>[] = [];
  private open = false;
  private readonly encoder = new TextEncoder();
  private readonly time: number;
  private readonly date: number;

  constructor(now = new Date()) {
    this.time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
    this.date =
      ((Math.max(1980, now.getFullYear()) - 1980) << 9) |
      ((now.getMonth() + 1) << 5) |
      now.getDate();
  }

  /**
   * Opens a part; its text is written through the answer. A `stored` part is not compressed (for
   * text that is already compressed data, such as the packed plan's base64).
   */
  part(path: string, stored = false): PartOut {
    if (this.open) throw new Error('a zip part is still open');
    this.open = true;
    const name = this.encoder.encode(path);
    const entry: Entry = { name, method: stored ? 0 : 8, crc: 0, compressed: 0, size: 0, data: [] };
    const take = (d: Uint8Array) => {
      entry.compressed += d.length;
      entry.data.push(d);
    };
    const deflater: PartDeflater = stored ? { push: (chunk) => take(chunk) } : factory(take);
    // each text is encoded where it lands (no joined copy of the chunk's texts): UTF-8 takes at
    // most 3 bytes per UTF-16 unit
    let buf = new Uint8Array(BYTE_CHUNK);
    let at = 0;
    const ownCrc = !deflater.crc;
    const flush = (final: boolean) => {
      const bytes = buf.subarray(0, at);
      if (ownCrc) entry.crc = crc32(bytes, entry.crc);
      entry.size += at;
      // the deflater may read the bytes later: the next ones go into a buffer of their own
      deflater.push(bytes, final);
      if (!final) buf = new Uint8Array(BYTE_CHUNK);
      at = 0;
    };
    return {
      write: (s) => {
        if (at + 3 * s.length > buf.length) {
          if (at > 0) flush(false);
          if (3 * s.length > buf.length) buf = new Uint8Array(3 * s.length);
        }
        at += this.encoder.encodeInto(s, buf.subarray(at)).written;
      },
      end: () => {
        flush(true);
        if (deflater.done) this.waits.push(deflater.done);
        if (deflater.crc) this.waits.push(deflater.crc.then((c) => void (entry.crc = c)));
        this.entries.push(entry);
        this.open = false;
      },
    };
  }

  /** A whole part at once. */
  file(path: string, text: string): void {
    const p = this.part(path);
    p.write(text);
    p.end();
  }

  /** The package's bytes: local headers and parts, then the central directory. */
  async finish(): Promise<Uint8Array> {
    await Promise.all(this.waits);
    const out: Uint8Array[] = [];
    const offsets: number[] = [];
    let at = 0;
    const emit = (b: Uint8Array) => {
      out.push(b);
      at += b.length;
    };
    for (const e of this.entries) {
      offsets.push(at);
      const head = new Uint8Array(30 + e.name.length);
      const v = new DataView(head.buffer);
      v.setUint32(0, 0x04034b50, true);
      this.common(v, 4, e);
      head.set(e.name, 30);
      emit(head);
      for (const d of e.data) emit(d);
      e.data = [];
    }
    const start = at;
    this.entries.forEach((e, i) => {
      const h = new Uint8Array(46 + e.name.length);
      const v = new DataView(h.buffer);
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, 20, true);
      this.common(v, 6, e);
      v.setUint32(42, offsets[i], true);
      h.set(e.name, 46);
      emit(h);
    });
    const end = new Uint8Array(22);
    const v = new DataView(end.buffer);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, this.entries.length, true);
    v.setUint16(10, this.entries.length, true);
    v.setUint32(12, at - start, true);
    v.setUint32(16, start, true);
    emit(end);
    return concat(out);
  }

  /** The fields a local header and a central record share, from `at` (version needed on). */
  private common(v: DataView, at: number, e: Entry): void {
    v.setUint16(at, 20, true);
    v.setUint16(at + 2, 0x0800, true); // UTF-8 names
    v.setUint16(at + 4, e.method, true);
    v.setUint16(at + 6, this.time, true);
    v.setUint16(at + 8, this.date, true);
    v.setUint32(at + 10, e.crc, true);
    v.setUint32(at + 14, e.compressed, true);
    v.setUint32(at + 18, e.size, true);
    v.setUint16(at + 22, e.name.length, true);
  }
}
