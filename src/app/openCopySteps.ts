/**
 * Keeping a large workbook's open copy (#20, `storage/openCopy.ts`): after an open that read the
 * rows one by one, the copy of what was loaded is written once the engine is built, in idle
 * steps, so the next open reads it in a few records. The officer's input never waits for it: each
 * step's part is sized to fit a few milliseconds (IndexedDB clones a part on the page's thread
 * before its put returns), measured on the parts before; a step gives way to pending input; the
 * writing stops at the first change the workbook commits (the copy would be stale: `finish`
 * would not set it).
 */
import type { CopyWriter } from '../storage/openCopy';

/** The longest wait for an idle period between two parts (ms). */
const IDLE_TIMEOUT_MS = 2000;

/** The page-thread time one part may take (ms): short enough that a key pressed meanwhile is not felt. */
export const PART_BUDGET_MS = 6;

/** The fewest and the first rows of a part (the first before any was measured). */
export const PART_MIN_ROWS = 250;
const PART_FIRST_ROWS = 500;

type IdleInfo = { timeRemaining(): number; didTimeout?: boolean };
type IdleScope = {
  requestIdleCallback?: (fn: (d: IdleInfo) => void, o?: { timeout: number }) => number;
  cancelIdleCallback?: (h: number) => void;
  navigator?: { scheduling?: { isInputPending?: () => boolean } };
};

/** The next idle period's deadline (null where there are no idle callbacks); what cancels the wait. */
function nextIdle(fn: (d: IdleInfo | null) => void): () => void {
  const w = globalThis as IdleScope;
  if (typeof w.requestIdleCallback === 'function') {
    const h = w.requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS });
    return () => w.cancelIdleCallback?.(h);
  }
  const h = setTimeout(() => fn(null), 0);
  return () => clearTimeout(h);
}

/** Whether the browser says input waits to be handled (Chromium; false elsewhere). */
const inputPending = (): boolean =>
  (globalThis as IdleScope).navigator?.scheduling?.isInputPending?.() ?? false;

/**
 * The rows of the next part: what fits `budgetMs` at `msPerRow` (the cost measured so far; null
 * before the first part), within [PART_MIN_ROWS, COPY_ROWS] (the writer caps the latter).
 */
export function partRows(budgetMs: number, msPerRow: number | null): number {
  if (msPerRow === null) return PART_FIRST_ROWS;
  return Math.max(PART_MIN_ROWS, Math.floor(budgetMs / Math.max(msPerRow, 1e-6)));
}

/**
 * Writes `writer`'s rows in idle steps once `after` has settled, then sets the copy; resolves
 * with whether it was set (false: stopped, failed, or the workbook changed meanwhile: `stale`
 * says so, checked before each part). `stop` cancels the parts not yet written.
 */
export function keepOpenCopy(
  writer: CopyWriter,
  after: Promise<unknown>,
  stale: () => boolean = () => false,
): { done: Promise<boolean>; stop: () => void } {
  let stopped = false;
  let cancel: () => void = () => undefined;
  // the wait for the next idle step, ended at once when stopped
  let wake: () => void = () => undefined;
  const idle = () =>
    new Promise<IdleInfo | null>((resolve) => {
      wake = () => resolve(null);
      cancel = nextIdle(resolve);
    });
  // the page-thread ms per row of the parts so far (the slowest recent: a loaded machine)
  let msPerRow: number | null = null;
  const run = async (): Promise<boolean> => {
    await after.catch(() => undefined);
    while (writer.left > 0) {
      const d = await idle();
      if (stopped || stale()) return false;
      // a key or click waiting: it goes first (the next idle period comes after it)
      if (inputPending()) continue;
      // an idle period's own time when it has some, else (the wait timed out) the budget
      const room = d && !d.didTimeout ? d.timeRemaining() : PART_BUDGET_MS;
      const rows = partRows(Math.min(PART_BUDGET_MS, Math.max(room, 1)), msPerRow);
      const before = writer.left;
      const t0 = performance.now();
      const stored = writer.writeNext(rows);
      const took = (performance.now() - t0) / Math.max(1, before - writer.left);
      msPerRow = msPerRow === null ? took : Math.max(took, (msPerRow + took) / 2);
      await stored;
    }
    if (stopped || stale()) return false;
    const set = await writer.finish();
    if (set) globalThis.performance?.mark?.('pb:open-copy');
    return set;
  };
  // an unfinished copy's parts are deleted (and its rows let go)
  const done = run()
    .catch(() => false)
    .then(async (set) => {
      if (!set) await writer.abandon().catch(() => undefined);
      return set;
    });
  return {
    done,
    stop: () => {
      stopped = true;
      cancel();
      wake();
    },
  };
}
