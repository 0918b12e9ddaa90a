/**
 * How the CLI reads an input file: directly (tests), or in a separate reader process with a heap
 * limit and a time budget (readerProcess.ts); this module is what the reader process runs.
 */
import * as zlib from 'node:zlib';
import { type PlanReading, PlanReadError, readPlanFileLoading } from '../io/readPlan';
import { whenSheetJsLoads } from '../io/sheetJs';
import { thrownText } from '../io/sheets';
import { checkReading } from './checkCmd';
import type { PlanReader, WorkerReply } from './readerProcess';

export * from './readerProcess';

/**
 * In a reader process: SheetJS inflates with zlib rather than its own inflater, which loops for
 * ever on some damaged deflate streams (a zip nested in an .xls). zlib's `bytesRead`, which SheetJS
 * reads, is deprecated: the warning is not printed.
 */
export function inflateWithZlib(): void {
  whenSheetJsLoads((XLSX) => {
    process.noDeprecation = true;
    (XLSX.CFB as { utils: { use_zlib: (z: typeof zlib) => void } }).utils.use_zlib(zlib);
  });
}

/** Reads in this thread (tests, small inputs); SheetJS is loaded only if the file needs it. */
export const readDirect: PlanReader = (file, bytes) => readPlanFileLoading(file, bytes);

/**
 * Reads in this thread and answers as the reader process does (anything thrown becomes a reply);
 * with `check` (the command's arguments), checks the file too and answers only the result; with
 * `unit`, answers only the unit its title block states (the collaboration server's question).
 */
export async function readForWorker(
  file: string,
  bytes: Uint8Array,
  check?: string[],
  unit?: boolean,
): Promise<WorkerReply> {
  let reading: PlanReading;
  try {
    reading = await readPlanFileLoading(file, bytes);
  } catch (e) {
    const planError = e instanceof PlanReadError;
    return { ok: false, planError, reason: planError ? e.reason : null, message: thrownText(e) };
  }
  // the unit's module loads the engine: only the collaboration server's question needs it
  if (unit) return { ok: true, unit: (await import('../io/submission')).unitOfReading(reading) };
  if (!check) return { ok: true, reading };
  return { ok: true, result: await checkReading(file, check, reading) };
}

/** The bytes a message carries (a typed array after the process's serialization: not copied). */
const bytesOf = (b: Uint8Array) => (b instanceof Uint8Array ? b : new Uint8Array(b));

/** The reader process's side: answers each file it is sent, with its peak memory so far. */
export function serveReads(): void {
  inflateWithZlib();
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: { file: string; bytes: Uint8Array; check?: string[]; unit?: true }) => {
    void readForWorker(m.file, bytesOf(m.bytes), m.check, m.unit).then((reply) =>
      process.send!({ reply, maxRssKb: process.resourceUsage().maxRSS }),
    );
  });
}
