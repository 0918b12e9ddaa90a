/**
 * A zip package (.xlsx) written part by part: each part's text is encoded and deflated in chunks as
 * it is written, so no part is ever held whole (only the compressed bytes are kept). The deflater is
 * fflate's unless a native one is registered (the command line registers Node's zlib).
 */
import { Deflate } from 'fflate';

/** A part's deflater: raw deflate of the chunks pushed, handing compressed bytes to `out`. */
export interface PartDeflater {
  push(chunk: Uint8Array, final: boolean): void;
}
export type DeflaterFactory = (out: (data: Uint8Array) => void) => PartDeflater;

/** Compression level of the parts (speed over the last few percent of size). */
export const LEVEL = 3;

const fflateDeflater: DeflaterFactory = (out) => {
  const d = new Deflate({ level: LEVEL }, (data) => out(data));
  return { push: (chunk, final) => d.push(chunk, final) };
};
let factory: DeflaterFactory = fflateDeflater;

/** Uses a native deflater for the parts (null: fflate's again). */
export function setNativeDeflate(f: DeflaterFactory | null): void {
  factory = f ?? fflateDeflater;
}

/** Raw deflate of whole bytes with the registered deflater. */
export function deflateRaw(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  factory((d) => parts.push(d)).push(bytes, true);
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

/** Characters of text gathered before they are encoded and deflated. */
const TEXT_CHUNK = 1 << 17;

interface Entry {
  name: Uint8Array;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** Writes a zip of deflated parts (one part open at a time); `finish` gives its bytes. */
export class ZipWriter {
  private out: Uint8Array[] = [];
  private at = 0;
  private entries: Entry[] = [];
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

  private emit(b: Uint8Array): void {
    this.out.push(b);
    this.at += b.length;
  }

  /** Opens a part; its text is written through the answer. */
  part(path: string): PartOut {
    if (this.open) throw new Error('a zip part is still open');
    this.open = true;
    const name = this.encoder.encode(path);
    const entry: Entry = { name, crc: 0, compressed: 0, size: 0, offset: this.at };
    const head = new Uint8Array(30 + name.length);
    const v = new DataView(head.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 0x0808, true); // sizes in a data descriptor; UTF-8 names
    v.setUint16(8, 8, true);
    v.setUint16(10, this.time, true);
    v.setUint16(12, this.date, true);
    v.setUint16(26, name.length, true);
    head.set(name, 30);
    this.emit(head);
    const deflater = factory((d) => {
      entry.compressed += d.length;
      this.emit(d);
    });
    let texts: string[] = [];
    let pending = 0;
    const flush = (final: boolean) => {
      const bytes = this.encoder.encode(texts.join(''));
      texts = [];
      pending = 0;
      entry.crc = crc32(bytes, entry.crc);
      entry.size += bytes.length;
      deflater.push(bytes, final);
    };
    return {
      write: (s) => {
        texts.push(s);
        pending += s.length;
        if (pending >= TEXT_CHUNK) flush(false);
      },
      end: () => {
        flush(true);
        const d = new Uint8Array(16);
        const dv = new DataView(d.buffer);
        dv.setUint32(0, 0x08074b50, true);
        dv.setUint32(4, entry.crc, true);
        dv.setUint32(8, entry.compressed, true);
        dv.setUint32(12, entry.size, true);
        this.emit(d);
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

  /** The central directory written; the package's bytes. */
  finish(): Uint8Array {
    const start = this.at;
    for (const e of this.entries) {
      const h = new Uint8Array(46 + e.name.length);
      const v = new DataView(h.buffer);
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, 20, true);
      v.setUint16(8, 0x0808, true);
      v.setUint16(10, 8, true);
      v.setUint16(12, this.time, true);
      v.setUint16(14, this.date, true);
      v.setUint32(16, e.crc, true);
      v.setUint32(20, e.compressed, true);
      v.setUint32(24, e.size, true);
      v.setUint16(28, e.name.length, true);
      v.setUint32(42, e.offset, true);
      h.set(e.name, 46);
      this.emit(h);
    }
    const end = new Uint8Array(22);
    const v = new DataView(end.buffer);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, this.entries.length, true);
    v.setUint16(10, this.entries.length, true);
    v.setUint32(12, this.at - start, true);
    v.setUint32(16, start, true);
    this.emit(end);
    const all = concat(this.out);
    this.out = [];
    return all;
  }
}
