/**
 * The parts of a zip package (.xlsx), read from its central directory, and each part inflated as a
 * stream of text chunks (fflate), so a large sheet is parsed while it is decompressed and never held
 * whole. Anything unusual (zip64, encryption, an unknown method) answers null: the caller falls back.
 */
import { Inflate } from 'fflate';
import { nodeInflater, type RawInflate } from './nodeInflate';

export type { RawInflate } from './nodeInflate';
/** Node's zlib wherever the reader runs in Node; null in a browser (fflate streams the parts). */
let nativeInflate: RawInflate | null = nodeInflater();

/** Uses a native inflater for the parts (null: fflate's, as in a browser). */
export function setNativeInflate(f: RawInflate | null): void {
  nativeInflate = f;
}

/** The native inflater registered, if any. */
export function rawInflater(): RawInflate | null {
  return nativeInflate;
}

/** Text chunks of at most this many bytes are decoded and handed on at a time. */
const TEXT_CHUNK = 1 << 20;

/**
 * The last place k in (from, end] (bytes) where bytes k - 1 and k are both ASCII, looked for in the
 * last 4 KiB before `end` (`end` < bytes.length); -1 when none. A UTF-8 text cut there is two texts
 * that decode to its own (no character is split, and the second part starts with no byte-order mark).
 */
export function asciiCut(bytes: Uint8Array, from: number, end: number): number {
  const floor = Math.max(from, end - 4096);
  for (let k = end; k > floor; k--) if (bytes[k - 1] < 0x80 && bytes[k] < 0x80) return k;
  return -1;
}

interface Entry {
  method: number;
  offset: number;
  compressed: number;
  size: number;
}

/** A zip's entries by name; null when the central directory cannot be read simply. */
export class ZipParts {
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** Reads the central directory; null for anything but a plain (non-zip64, unencrypted) zip. */
  static open(bytes: Uint8Array): ZipParts | null {
    const n = bytes.length;
    if (n < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let eocd = -1;
    for (let i = n - 22; i >= Math.max(0, n - 65_557); i--)
      if (dv.getUint32(i, true) === 0x06054b50) {
        eocd = i;
        break;
      }
    if (eocd < 0) return null;
    const count = dv.getUint16(eocd + 10, true);
    let p = dv.getUint32(eocd + 16, true);
    if (count === 0xffff || p === 0xffffffff) return null;
    const entries = new Map<string, Entry>();
    const names = new TextDecoder();
    for (let k = 0; k < count; k++) {
      if (p + 46 > n || dv.getUint32(p, true) !== 0x02014b50) return null;
      const flags = dv.getUint16(p + 8, true);
      const method = dv.getUint16(p + 10, true);
      const compressed = dv.getUint32(p + 20, true);
      const size = dv.getUint32(p + 24, true);
      const nameLen = dv.getUint16(p + 28, true);
      const extra = dv.getUint16(p + 30, true);
      const comment = dv.getUint16(p + 32, true);
      const local = dv.getUint32(p + 42, true);
      if (flags & 1 || (method !== 0 && method !== 8)) return null;
      if (compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return null;
      const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLen));
      if (local + 30 > n || dv.getUint32(local, true) !== 0x04034b50) return null;
      const offset = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
      if (offset + compressed > n) return null;
      entries.set(name, { method, offset, compressed, size });
      p += 46 + nameLen + extra + comment;
    }
    return new ZipParts(bytes, entries);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The parts' names, as the directory lists them. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The uncompressed size of every part together, as the directory declares it (bytes). */
  declaredTotal(): number {
    let total = 0;
    for (const e of this.entries.values()) total += e.size;
    return total;
  }

  /** The deflated parts: name, compressed data (a view into the zip), declared size (bytes). */
  deflated(): { name: string; data: Uint8Array; size: number }[] {
    const out: { name: string; data: Uint8Array; size: number }[] = [];
    for (const [name, e] of this.entries)
      if (e.method === 8)
        out.push({
          name,
          data: this.bytes.subarray(e.offset, e.offset + e.compressed),
          size: e.size,
        });
    return out;
  }

  /** The uncompressed size the directory declares (bytes), or -1 when absent. */
  size(name: string): number {
    return this.entries.get(name)?.size ?? -1;
  }

  /**
   * Streams a part's text (UTF-8, BOM dropped) to `onText` in chunks; false when the part is absent
   * or damaged, or grows past `maxBytes` or past the size the directory declares for it (the reading
   * stops there: a directory that lies about sizes is left to the checks of the fallback reader).
   */
  stream(name: string, onText: (text: string) => void, maxBytes: number): boolean {
    const e = this.entries.get(name);
    if (!e) return false;
    maxBytes = Math.min(maxBytes, e.size);
    const dec = new TextDecoder('utf-8');
    const data = this.bytes.subarray(e.offset, e.offset + e.compressed);
    let total = 0;
    let over = false;
    // `whole`: the chunk ends where a character ends and the next begins with ASCII (decoded alone)
    const take = (chunk: Uint8Array, final: boolean, whole = false) => {
      total += chunk.length;
      if (total > maxBytes) over = true;
      if (!over) onText(dec.decode(chunk, { stream: !final && !whole }));
    };
    try {
      if (e.method === 0 || nativeInflate) {
        const all = e.method === 0 ? data : nativeInflate!(data, maxBytes);
        if (!all) return false;
        // chunks cut between two ASCII bytes are decoded each alone (a streaming decode costs ~3x
        // in Node); where no such cut is near, the rest is decoded as a stream
        let whole = true;
        for (let i = 0; i < all.length && !over;) {
          let end = Math.min(all.length, i + TEXT_CHUNK);
          if (whole && end < all.length) {
            const k = asciiCut(all, i, end);
            if (k > i) end = k;
            else whole = false;
          }
          take(all.subarray(i, end), end >= all.length, whole);
          i = end;
        }
        if (!all.length) take(all, true);
        return !over;
      }
      let ended = false;
      const inf = new Inflate((chunk, final) => {
        take(chunk, final);
        if (final) ended = true;
      });
      const STEP = 1 << 18;
      for (let i = 0; i < data.length && !over; i += STEP)
        inf.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
      if (!ended && !over) return false;
      return !over;
    } catch {
      return false;
    }
  }

  /** A whole part as text; null when absent, damaged or larger than `maxBytes`. */
  text(name: string, maxBytes: number): string | null {
    const parts: string[] = [];
    return this.stream(name, (t) => parts.push(t), maxBytes) ? parts.join('') : null;
  }
}
