/**
 * The .xlsx parts inflated ahead, natively, where the reader runs without Node's zlib (the
 * browser's import worker): each deflated part goes through the platform's DecompressionStream
 * ('deflate-raw', native code) before the synchronous read, which then takes the inflated bytes as
 * its raw inflater instead of inflating in JavaScript (fflate). Each part is held to the size the
 * zip's directory declares for it (a part inflating past it is dropped: the reader then finds it
 * damaged and leaves the file to SheetJS, as with fflate), and the parts together to the limit.
 */
import { READ_LIMITS } from './limits';
import type { RawInflate } from './nodeInflate';
import { rawInflater, setNativeInflate, ZipParts } from './xlsxZip';

/** A part's inflated bytes, or null when it is damaged or grows past `size` bytes. */
async function inflated(data: Uint8Array, size: number): Promise<Uint8Array | null> {
  try {
    const stream = new Blob([data as BlobPart])
      .stream()
      .pipeThrough(new DecompressionStream('deflate-raw'));
    const reader = stream.getReader();
    const out = new Uint8Array(size);
    let at = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (at + value.length > size) {
        await reader.cancel();
        return null;
      }
      out.set(value, at);
      at += value.length;
    }
    return at === size ? out : out.slice(0, at);
  } catch {
    return null;
  }
}

/**
 * A raw inflater serving the deflated parts of `bytes` inflated ahead (keyed by where their data
 * starts in `bytes`); null when there is nothing to do (no zip, no DecompressionStream, parts past
 * the limit: the reader inflates as before).
 */
export async function partsInflatedAhead(bytes: Uint8Array): Promise<RawInflate | null> {
  if (typeof DecompressionStream !== 'function' || typeof Blob !== 'function') return null;
  const zip = ZipParts.open(bytes);
  // an .ods (its manifest) is read by SheetJS alone, which inflates it itself
  if (!zip || zip.has('META-INF/manifest.xml')) return null;
  if (zip.declaredTotal() > READ_LIMITS.inflatedBytes) return null;
  // the package's XML (sheets, strings, styles, relationships); pictures and the like are not read
  const parts = zip.deflated().filter((p) => /\.(xml|rels)$/i.test(p.name));
  if (!parts.length) return null;
  const done = new Map<number, Uint8Array | null>();
  await Promise.all(
    parts.map(async (p) => done.set(p.data.byteOffset, await inflated(p.data, p.size))),
  );
  return (data, maxBytes) => {
    const out = done.get(data.byteOffset);
    return out && out.length <= maxBytes ? out : null;
  };
}

/** Runs `read` with the parts of `bytes` inflated ahead when that can be done (see above). */
export async function withPartsInflatedAhead<T>(
  bytes: Uint8Array,
  read: () => Promise<T>,
): Promise<T> {
  const saved = rawInflater();
  const ahead = saved ? null : await partsInflatedAhead(bytes);
  if (ahead) setNativeInflate(ahead);
  try {
    return await read();
  } finally {
    if (ahead) setNativeInflate(saved);
  }
}
