/** The export's parts deflated by Node's zlib (native, several times faster than fflate's). */
import { constants, deflateRawSync } from 'node:zlib';
import { type DeflaterFactory, LEVEL, setNativeDeflate } from '../io/export/zipWriter';

/**
 * Each chunk is deflated apart and ended with a sync flush (a byte-aligned, non-final block), the
 * last one finishes the stream: together one valid raw deflate stream.
 */
export const zlibDeflater: DeflaterFactory = (out) => ({
  push: (chunk, final) =>
    out(
      deflateRawSync(chunk, {
        level: LEVEL,
        finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      }),
    ),
});

/** Makes the .xlsx writer deflate with Node's zlib (the command line calls it before exporting). */
export function nativeDeflate(): void {
  setNativeDeflate(zlibDeflater);
}
