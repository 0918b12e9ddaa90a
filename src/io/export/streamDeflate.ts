/**
 * The export's parts deflated by the platform's CompressionStream('deflate-raw'): native zlib in
 * browsers and in Node (level 6: smaller files than fflate's level 3, and faster than fflate).
 * Its output comes asynchronously: the writer waits for `done` before the package is assembled.
 */
import type { DeflaterFactory } from './zipWriter';

/** Whether this platform's CompressionStream deflates raw (Chromium 103+, Firefox 113+, Safari 16.4+, Node 18+). */
function hasRawStream(): boolean {
  if (typeof CompressionStream === 'undefined') return false;
  try {
    new CompressionStream('deflate-raw' as CompressionFormat);
    return true;
  } catch {
    return false;
  }
}

/** A deflater on CompressionStream, or null where the platform has none for raw deflate. */
export function streamDeflater(): DeflaterFactory | null {
  if (!hasRawStream()) return null;
  return (out) => {
    const stream = new CompressionStream('deflate-raw' as CompressionFormat);
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    const done = (async () => {
      for (;;) {
        const r = await reader.read();
        if (r.done) return;
        out(r.value as Uint8Array);
      }
    })();
    // a failed write fails the reading too, where it is reported (`done`)
    const ignore = () => undefined;
    return {
      push: (chunk, final) => {
        writer.write(chunk as Uint8Array<ArrayBuffer>).catch(ignore);
        if (final) writer.close().catch(ignore);
      },
      done,
    };
  };
}
