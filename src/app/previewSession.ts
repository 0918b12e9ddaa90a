/**
 * The import preview's side on the page (#20): the file is read and the preview's totals computed
 * in the preview's worker, which stays while the preview is shown and computes the totals again
 * after each correction (sent as data), so the page never computes them (0.75 s at 100,000
 * projects). The live totals the confirm stores are computed there too, while the preview is shown
 * (`liveAfter`), so the confirm only clears the cells they name. Where there are no workers the
 * same work runs on the page.
 */
import type { ReadOptions } from '../io/readPlan';
import type { PlanReading } from '../io/readPlan';
import { fromWire, isWire } from '../io/readingWire';
import type { PreviewFix } from './importFixes';
import { importBudgetMs, type ImportError, MAX_IMPORT_BYTES, timedOut } from './importer';
import type { PreviewTotals } from './previewTotals';
import type { LiveCells } from './liveImport';
import { editsKey, type PreviewAnswer, type PreviewAsk, PreviewWork } from './previewWork';
import { previewWorkerEnded, takePreviewWorker } from './previewSpare';

/** A file read for the preview, with the totals computed off the page. */
export interface PreviewHandle {
  reading: PlanReading;
  /** The read plan's totals (they come after the reading). */
  totals: Promise<PreviewTotals>;
  /**
   * The totals of the read plan after `fixes` (every correction so far, in order); rejects when
   * they could not be computed there (the caller computes them itself).
   */
  totalsAfter(fixes: readonly PreviewFix[]): Promise<PreviewTotals>;
  /**
   * The live totals of the plan as it would be confirmed (after `fixes`, without the `ignored`
   * rows): asked once while the preview is shown and again at the confirm, computed once (the
   * last plan asked is kept); rejects when they could not be computed there.
   */
  liveAfter(fixes: readonly PreviewFix[], ignored: readonly string[]): Promise<LiveCells>;
  /** Ends the preview's work (confirmed, cancelled or read again); pending totals never come. */
  close(): void;
}

type Answered = Extract<PreviewAnswer, { kind: 'totals' | 'live' }>;
type Waiting = Map<number, { ok: (a: Answered) => void; no: (e: Error) => void }>;

/** The live totals asked last (a confirm asks again what the preview asked: one computation). */
function lastOnly(
  ask: (fixes: readonly PreviewFix[], ignored: readonly string[]) => Promise<LiveCells>,
): PreviewHandle['liveAfter'] {
  let last: { key: string; got: Promise<LiveCells> } | null = null;
  return (fixes, ignored) => {
    const key = editsKey(fixes, ignored);
    if (last?.key !== key) {
      last = { key, got: ask(fixes, ignored) };
      last.got.catch(() => undefined); // a prefetch nobody waits for
    }
    return last.got;
  };
}

/** Reads a file for the import preview; rejects with an ImportError. */
export function openPreview(
  name: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<PreviewHandle> {
  if (bytes.length > MAX_IMPORT_BYTES)
    return Promise.reject<PreviewHandle>({
      code: 'tooBig',
      detail: String(bytes.length),
    } satisfies ImportError);
  return typeof Worker === 'undefined'
    ? onPage({ name, bytes, options })
    : inWorker({ kind: 'read', name, bytes, options });
}

/** The preview's work on the page (no workers). */
async function onPage(req: { name: string; bytes: Uint8Array; options: ReadOptions }) {
  const work = new PreviewWork();
  const got = await work.read(req);
  await work.load();
  if (got.kind === 'error')
    throw { code: got.reason ?? 'unexpected', detail: got.message } satisfies ImportError;
  const totals = (fixes: readonly PreviewFix[]) =>
    new Promise<PreviewTotals>((ok, no) => {
      const a = work.totals(0, fixes);
      if (a.kind === 'totals') ok(a.totals);
      else no(new Error(a.kind === 'totalsError' ? a.message : a.kind));
    });
  const live = (fixes: readonly PreviewFix[], ignored: readonly string[]) =>
    new Promise<LiveCells>((ok, no) => {
      const a = work.live(0, fixes, ignored);
      if (a.kind === 'live') ok(a.live);
      else no(new Error(a.kind === 'liveError' ? a.message : a.kind));
    });
  return {
    reading: got.reading,
    totals: totals([]),
    totalsAfter: totals,
    liveAfter: lastOnly(live),
    close: () => undefined,
  };
}

/** The preview's work in its worker, which answers each totals ask by its sequence number. */
function inWorker(read: PreviewAsk): Promise<PreviewHandle> {
  return new Promise((resolve, reject) => {
    // the worker started ahead while the import was at hand (previewSpare.ts), or a new one
    const worker = takePreviewWorker();
    const waiting: Waiting = new Map();
    let seq = 0;
    let closed = false;
    const close = () => {
      if (!closed) previewWorkerEnded();
      closed = true;
      clearTimeout(timer);
      worker.terminate();
      waiting.clear();
    };
    const asked = (make: (n: number) => PreviewAsk) =>
      new Promise<Answered>((ok, no) => {
        if (closed) return no(new Error('closed'));
        const n = ++seq;
        waiting.set(n, { ok, no });
        worker.postMessage(make(n));
      });
    const totalsOf = (a: Answered) => {
      if (a.kind !== 'totals') throw new Error(a.kind);
      return a.totals;
    };
    const ask = (fixes: readonly PreviewFix[]) =>
      asked((n) => ({ kind: 'totals', seq: n, fixes: [...fixes] })).then(totalsOf);
    const live = (fixes: readonly PreviewFix[], ignored: readonly string[]) =>
      asked((n) => ({ kind: 'live', seq: n, fixes: [...fixes], ignored: [...ignored] })).then(
        (a) => {
          if (a.kind !== 'live') throw new Error(a.kind);
          return a.live;
        },
      );
    const first = new Promise<Answered>((ok, no) => waiting.set(0, { ok, no })).then(totalsOf);
    first.catch(() => undefined); // a preview closed before its totals came
    const budget = importBudgetMs(read.kind === 'read' ? read.bytes.length : 0);
    const timer = setTimeout(() => {
      close();
      reject(timedOut(budget));
    }, budget);
    worker.onmessage = (e: MessageEvent<PreviewAnswer>) => {
      const a = e.data;
      if (a.kind === 'stage') return;
      if (a.kind === 'done') {
        clearTimeout(timer);
        const reading = isWire(a.reading) ? fromWire(a.reading) : a.reading;
        // the totals once the page holds the reading: the worker's work does not contend with
        // the page's while the reading is taken (two cores, the page's drawing besides)
        worker.postMessage({ kind: 'totals', seq: 0, fixes: [] } satisfies PreviewAsk);
        return resolve({
          reading,
          totals: first,
          totalsAfter: ask,
          liveAfter: lastOnly(live),
          close,
        });
      }
      if (a.kind === 'error') {
        close();
        return reject({ code: a.reason ?? 'unexpected', detail: a.message } satisfies ImportError);
      }
      const w = waiting.get(a.seq);
      waiting.delete(a.seq);
      if (a.kind === 'totals' || a.kind === 'live') w?.ok(a);
      else w?.no(new Error(a.message));
    };
    worker.onerror = (e) => {
      const err = new Error(e.message || 'worker error');
      for (const w of waiting.values()) w.no(err);
      close();
      reject({ code: 'unexpected', detail: err.message } satisfies ImportError);
    };
    worker.postMessage(read);
  });
}
