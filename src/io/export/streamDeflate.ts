/**
 * The export's parts deflated by the platform's CompressionStream: native zlib in browsers and in
 * Node (level 6: smaller files than fflate's level 3, and faster than fflate). It writes gzip, whose
 * header is dropped and whose trailer gives the part's CRC-32, computed natively off the thread
 * writing the rows (the zip needs it; the raw deflate in between is what `deflate-raw` gives).
 * Its output comes asynchronously: the writer waits for `done` before the package is assembled.
 */
import type { DeflaterFactory } from './zipWriter';

/** Whether this platform's CompressionStream writes gzip (Chromium 80+, Firefox 113+, Safari 16.4+, Node 18+). */
function hasGzipStream(): boolean {
  if (typeof CompressionStream === 'undefined') return false;
  try {
    new CompressionStream('gzip');
    return true;
  } catch {
    return false;
  }
}

/**
 * Bytes of a gzip header (RFC 1952 §2.3) at the start of `h`, or -1 while it is not all there;
 * throws on what is no gzip stream of deflate.
 */
export function gzipHeaderLength(h: Uint8Array): number {
  if (h.length < 10) return -1;
  if (h[0] !== 0x1f || h[1] !== 0x8b || h[2] !== 8) throw new Error('not a gzip deflate stream');
  const flags = h[3];
  let p = 10;
  if (flags & 4) {
    if (h.length < p + 2) return -1;
    p += 2 + (h[p] | (h[p + 1] << 8));
  }
  // a file name, then a comment: each ends with a zero byte
  for (const bit of [8, 16])
    if (flags & bit) {
      while (p < h.length && h[p] !== 0) p++;
      if (p >= h.length) return -1;
      p++;
    }
  if (flags & 2) p += 2;
  return p > h.length ? -1 : p;
}

/**
 * Takes a gzip stream's bytes as they come and hands on the raw deflate inside (the header
 * dropped, the 8-byte trailer held back); `end` gives the trailer's CRC-32, checking its size.
 */
export function gzipToRaw(out: (data: Uint8Array) => void): {
  take(chunk: Uint8Array): void;
  end(size: number): number;
} {
  let head: Uint8Array | null = new Uint8Array(0);
  let tail = new Uint8Array(0);
  const join = (a: Uint8Array, b: Uint8Array) => {
    const all = new Uint8Array(a.length + b.length);
    all.set(a);
    all.set(b, a.length);
    return all;
  };
  return {
    take: (chunk) => {
      if (head) {
        head = join(head, chunk);
        const n = gzipHeaderLength(head);
        if (n < 0) return;
        chunk = head.subarray(n);
        head = null;
      }
      if (chunk.length >= 8) {
        if (tail.length) out(tail);
        if (chunk.length > 8) out(chunk.subarray(0, chunk.length - 8));
        tail = chunk.slice(chunk.length - 8);
        return;
      }
      const all = join(tail, chunk);
      if (all.length > 8) out(all.subarray(0, all.length - 8));
      tail = all.slice(Math.max(0, all.length - 8));
    },
    end: (size) => {
      if (head || tail.length !== 8) throw new Error('the gzip stream ended early');
      const v = new DataView(tail.buffer, tail.byteOffset, 8);
      if (v.getUint32(4, true) !== size >>> 0) throw new Error('the gzip stream lost bytes');
      return v.getUint32(0, true);
    },
  };
}

/** A deflater on CompressionStream (with the CRC-32), or null where the platform has none. */
export function streamDeflater(): DeflaterFactory | null {
  if (!hasGzipStream()) return null;
  return (out) => {
    const stream = new CompressionStream('gzip');
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    const raw = gzipToRaw(out);
    let size = 0;
    const crc = (async () => {
      for (;;) {
        const r = await reader.read();
        if (r.done) return raw.end(size);
        raw.take(r.value as Uint8Array);
      }
    })();
    // a failed write fails the reading too, where it is reported (`done`)
    const ignore = () => undefined;
    return {
      push: (chunk, final) => {
        size += chunk.length;
        writer.write(chunk as Uint8Array<ArrayBuffer>).catch(ignore);
        if (final) writer.close().catch(ignore);
      },
      done: crc.then(() => undefined),
      crc,
    };
  };
}
