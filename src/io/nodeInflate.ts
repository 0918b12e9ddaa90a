/**
 * Node's zlib as the .xlsx parts' raw inflater where the reader runs in Node (the CLI, the server,
 * tests, the bench), found at run time so the browser bundles never reference it: native inflate is
 * several times faster than fflate's. Browsers get null (fflate), or the parts inflated ahead natively (partsInflate.ts).
 */

/** A whole-part raw inflater; null when the data is damaged or its output passes `maxBytes`. */
export type RawInflate = (data: Uint8Array, maxBytes: number) => Uint8Array | null;

interface Zlib {
  inflateRawSync(data: Uint8Array, o: { maxOutputLength: number; chunkSize: number }): Uint8Array;
}

/**
 * The output buffer zlib fills, in bytes: room for the whole part (its size is known) so zlib
 * returns that one buffer instead of concatenating 16 KiB pieces; at most 64 MiB (bigger parts
 * are joined from pieces of that size), at least zlib's minimum of 64.
 */
export const outputChunk = (maxBytes: number) => Math.min(64 << 20, Math.max(64, maxBytes + 1));

/** Node's `zlib.inflateRawSync` as a RawInflate, or null outside Node (or a Node without getBuiltinModule). */
export function nodeInflater(): RawInflate | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  let zlib: Zlib | undefined;
  try {
    zlib = proc?.getBuiltinModule?.('node:zlib') as Zlib | undefined;
  } catch {
    return null;
  }
  if (!zlib || typeof zlib.inflateRawSync !== 'function') return null;
  const z = zlib;
  return (data, maxBytes) => {
    try {
      // zlib refuses a limit of 0: an empty part is asked for with room for one byte, then held to 0
      const out = z.inflateRawSync(data, {
        maxOutputLength: Math.max(1, maxBytes),
        chunkSize: outputChunk(maxBytes),
      });
      return out.length > maxBytes ? null : out;
    } catch {
      return null;
    }
  };
}
