/**
 * SheetJS (`@e965/xlsx`, about 1 MB of code), loaded only when a read needs it: an .xlsx the
 * streaming reader reads whole (xlsxStream.ts) and delimited text never load it, so `planbook check`
 * of such a file does not pay for compiling it. Synchronous readers ask for it with `sheetJs()`,
 * which throws `SheetJsNotLoaded` until it is loaded; `withSheetJs` loads it then and runs the read
 * again. Callers that cannot wait import `./sheetJsEager` once (it provides the library statically).
 */
import type * as XLSXModule from '@e965/xlsx';
import { inflateWithNodeZlib } from './sheetJsInflate';

export type SheetJs = typeof XLSXModule;

let lib: SheetJs | null = null;
// SheetJS's own inflater loops for ever on some damaged streams: Node's zlib where there is one
const hooks: ((x: SheetJs) => void)[] = [inflateWithNodeZlib];

/** Thrown by `sheetJs()` before SheetJS is loaded: the caller loads it and reads again. */
export class SheetJsNotLoaded extends Error {
  constructor() {
    super('SheetJS is needed for this file and was not loaded (call withSheetJs)');
  }
}

/** SheetJS, if loaded; throws SheetJsNotLoaded otherwise. */
export function sheetJs(): SheetJs {
  if (!lib) throw new SheetJsNotLoaded();
  return lib;
}

/** Whether SheetJS has been loaded (or provided) in this process. */
export const sheetJsLoaded = (): boolean => lib !== null;

/** Makes `x` the SheetJS `sheetJs()` returns, and runs the set-up hooks on it (once). */
export function provideSheetJs(x: SheetJs): void {
  if (lib) return;
  lib = x;
  for (const h of hooks) h(x);
}

/** Runs `f` on SheetJS once it is loaded (now, if it already is): a process-wide set-up. */
export function whenSheetJsLoads(f: (x: SheetJs) => void): void {
  hooks.push(f);
  if (lib) f(lib);
}

/** Loads SheetJS (a dynamic import: a chunk of its own in the bundles). */
export async function loadSheetJs(): Promise<SheetJs> {
  if (!lib) provideSheetJs(await import('@e965/xlsx'));
  return lib!;
}

/** Runs the synchronous read `f`; if it needed SheetJS before it was loaded, loads it and runs `f` again. */
export async function withSheetJs<T>(f: () => T): Promise<T> {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof SheetJsNotLoaded)) throw e;
  }
  await loadSheetJs();
  return f();
}
