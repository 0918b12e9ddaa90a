/**
 * Where Node's zlib is at hand (the CLI, the server, tests, the bench), SheetJS inflates the zip
 * streams it meets with it instead of its own inflater, which loops for ever on some damaged
 * deflate streams (a zip nested in an .xls: fixtures/damaged/slow-record.xls). Any caller of
 * `gridsFromWorkbook` in Node is covered, not only the CLI's reader process. Browsers keep
 * SheetJS's inflater: the app reads in a worker with a time limit (app/importer.ts).
 */
import { READ_LIMITS } from './limits';
import type { SheetJs } from './sheetJs';

interface InfoZlib {
  inflateRawSync(
    data: Uint8Array,
    o: { info: true; maxOutputLength: number },
  ): { buffer: Uint8Array; engine: { bytesWritten: number } };
  deflateRawSync(data: Uint8Array): Uint8Array;
}

/**
 * The part of Node's zlib SheetJS's `use_zlib` asks for (an `InflateRaw` whose `_processChunk`
 * inflates a whole stream and sets `bytesRead`), built on `inflateRawSync` so the deprecated
 * `bytesRead` of zlib is never read; null outside Node. A damaged stream throws, an output past
 * the read limit (bytes) throws too. SheetJS's writer deflates through the same hook
 * (`deflateRawSync`), which is zlib's own.
 */
export function zlibForSheetJs(): object | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  let zlib: InfoZlib | undefined;
  try {
    zlib = proc?.getBuiltinModule?.('node:zlib') as InfoZlib | undefined;
  } catch {
    return null;
  }
  if (!zlib || typeof zlib.inflateRawSync !== 'function') return null;
  const z = zlib;
  class InflateRaw {
    readonly _finishFlushFlag = 4;
    bytesRead = 0;
    _processChunk(data: Uint8Array): Uint8Array {
      const out = z.inflateRawSync(data, {
        info: true,
        maxOutputLength: READ_LIMITS.inflatedBytes,
      });
      this.bytesRead = out.engine.bytesWritten;
      return out.buffer;
    }
  }
  return { InflateRaw, deflateRawSync: (data: Uint8Array) => z.deflateRawSync(data) };
}

/** Makes SheetJS inflate with Node's zlib, where there is one (a set-up hook of sheetJs.ts). */
export function inflateWithNodeZlib(X: SheetJs): void {
  const z = zlibForSheetJs();
  if (z) (X.CFB as unknown as { utils: { use_zlib: (z: object) => void } }).utils.use_zlib(z);
}
