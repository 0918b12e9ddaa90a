/** The reader process's set-up: .xlsx parts are inflated by zlib (native), not in JavaScript. */
import { inflateRawSync } from 'node:zlib';
import { setNativeInflate } from '../io/xlsxZip';

/** Makes the .xlsx reader inflate with Node's zlib (the reader process calls it first). */
export function nativeInflate(): void {
  setNativeInflate((data, maxBytes) => {
    try {
      return inflateRawSync(data, { maxOutputLength: maxBytes });
    } catch {
      return null;
    }
  });
}
