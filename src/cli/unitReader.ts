/**
 * How `planbook serve` reads a sent submission's stated unit: in the CLI's reader process
 * (`readerProcess.ts`: its own heap limit, resident-memory watch and time budget), so the server's
 * event loop only waits for a message and syncing goes on while a large file is read; a file that
 * runs past the budget, outgrows the memory or kills the reader is refused with one line, and the
 * next read starts a new process. Reads go one at a time (one core for reading, the other for
 * syncing); a few more wait their turn, and beyond that a send is refused until the reader is free.
 */
import type { StatedUnitReader, UnitRead } from '../server/statedUnit';
import { READ_BUDGET_MS } from '../io/readError';
import { outcomeError, ReaderProcess, type ReaderOptions, type WorkerReply } from './readerProcess';

/** Sends waiting for the reader beyond the one being read; more are refused. */
export const MAX_WAITING = 4;

/** Reasons the reading bounds give: a file stopped by them is refused, not taken unread. */
const BOUNDED = new Set(['timeout', 'tooLarge', 'tooComplex']);

/** A stated-unit reader on a reader process running `o.script` (the bundle's or the sources'). */
export function unitReaderProcess(o: ReaderOptions): StatedUnitReader & { close: () => void } {
  const proc = new ReaderProcess<WorkerReply>(o);
  let chain: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  const readOne = async (fileName: string, bytes: Uint8Array): Promise<UnitRead> => {
    const out = await proc.read(fileName, bytes, { unit: true });
    if (out.kind === 'reply') {
      const r = out.reply;
      if (r.ok) return { unit: 'unit' in r ? r.unit : null };
      // a file that is not a plan is taken: the consolidating app's intake says why
      if (!r.planError || !r.reason || !BOUNDED.has(r.reason)) return { unit: null };
    }
    const heapMb = o.heapMb ?? 640;
    return { refused: outcomeError(out, o.budgetMs ?? READ_BUDGET_MS, heapMb).message };
  };
  const read = (fileName: string, bytes: Uint8Array): Promise<UnitRead> => {
    if (waiting > MAX_WAITING)
      return Promise.resolve({ refused: 'the server is reading other files; send it again soon' });
    waiting++;
    const next = chain.then(() => readOne(fileName, bytes)).finally(() => waiting--);
    chain = next.catch(() => {});
    return next;
  };
  return Object.assign(read, { close: () => proc.stop() });
}

/** The reader process from the sources (`npm run server`, tests): readerChild.ts under tsx. */
export function sourceUnitReader(
  o: Partial<ReaderOptions> = {},
): ReturnType<typeof unitReaderProcess> {
  return unitReaderProcess({
    script: new URL('./readerChild.ts', import.meta.url),
    execArgv: ['--import', 'tsx'],
    ...o,
  });
}
