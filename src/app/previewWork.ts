/**
 * The import preview's work off the page (#20): the file read, the read plan's totals, and the
 * totals again after each correction the user makes, replayed on the worker's own copy of the plan
 * (the corrections travel as data, the plan never crosses back); and the figures that become live
 * totals when the officer confirms (`liveImport.ts`), computed while the preview is shown so that
 * the confirm only clears the cells named. Runs in the preview's worker (previewWorker.ts), or on
 * the page where there are no workers.
 */
import type { Workbook } from '../domain/types';
import { type ImportRequest, readRequest } from '../io/importReading';
import type { PlanReading, ReadFailure } from '../io/readPlan';
import type { WireReading } from '../io/readingWire';
import type { PreviewFix } from './importFixes';
import type { LiveCells } from './liveImport';
import type { PreviewTotals } from './previewTotals';

/**
 * What the page asks the preview's worker: a warm-up read of its own sample (a worker started
 * ahead, previewSpare.ts), a file read, the totals after corrections, or the live
 * totals of the plan as it would be confirmed (after `fixes`, without the `ignored` rows).
 */
export type PreviewAsk =
  | { kind: 'warm' }
  | ({ kind: 'read' } & ImportRequest)
  | { kind: 'totals'; seq: number; fixes: PreviewFix[] }
  | { kind: 'live'; seq: number; fixes: PreviewFix[]; ignored: string[] };

/**
 * What the preview's worker answers: a read's stage, its reading (or failure), then the plan's
 * totals as `seq` 0; the totals after corrections under the ask's `seq`.
 */
export type PreviewAnswer =
  | { kind: 'stage'; stage: 'reading' }
  | { kind: 'done'; reading: PlanReading | WireReading }
  | { kind: 'error'; message: string; reason: ReadFailure | null }
  | { kind: 'totals'; seq: number; totals: PreviewTotals }
  | { kind: 'totalsError'; seq: number; message: string }
  | { kind: 'live'; seq: number; live: LiveCells }
  | { kind: 'liveError'; seq: number; message: string };

/** The totals' code: the formula engine's chunk among it (1 MB the reading does not need). */
const totalsCode = () =>
  Promise.all([import('./previewTotals'), import('./importFixes'), import('./liveImport')]);

/** One preview's work: the plan as read, kept for the corrections' totals. */
export class PreviewWork {
  private plan: Workbook | null = null;
  private code: Awaited<ReturnType<typeof totalsCode>> | null = null;
  private loading: Promise<void> | null = null;
  private failed: unknown = null;
  /** The live totals last computed, by the corrections and ignored rows they were computed after. */
  private lastLive: { key: string; live: LiveCells } | null = null;

  /**
   * Loads the totals' code (once; never rejects: `totals` then answers the failure), which a fresh
   * worker does after posting the reading, not before: the page holds the reading without waiting
   * for the engine's code. Awaited in the order asked.
   */
  load(): Promise<void> {
    return (this.loading ??= totalsCode().then(
      (c) => void (this.code = c),
      (e: unknown) => void (this.failed = e),
    ));
  }

  /** Reads the file (never throws: a failure is the `error` answer); keeps the plan read. */
  async read(
    req: ImportRequest,
  ): Promise<{ kind: 'done'; reading: PlanReading } | Extract<PreviewAnswer, { kind: 'error' }>> {
    const got = await readRequest(req);
    if (got.kind === 'done') this.plan = got.reading.workbook;
    return got;
  }

  /**
   * The totals of the plan read after `fixes`, once `load`ed (never throws: a failure is
   * `totalsError`).
   */
  totals(seq: number, fixes: readonly PreviewFix[]): PreviewAnswer {
    try {
      if (!this.plan) throw new Error('no plan read');
      if (!this.code) throw this.failed ?? new Error('the totals code is not loaded');
      const [{ previewTotals }, { withFixes }] = this.code;
      return { kind: 'totals', seq, totals: previewTotals(withFixes(this.plan, fixes)) };
    } catch (e) {
      return { kind: 'totalsError', seq, message: e instanceof Error ? e.message : String(e) };
    }
  }

  /**
   * The live totals of the plan read as it would be confirmed: after `fixes`, without the
   * `ignored` rows, once `load`ed (never throws: a failure is `liveError`); asked again for the
   * same plan (at the confirm), the figures computed before.
   */
  live(seq: number, fixes: readonly PreviewFix[], ignored: readonly string[]): PreviewAnswer {
    try {
      if (!this.plan) throw new Error('no plan read');
      if (!this.code) throw this.failed ?? new Error('the totals code is not loaded');
      const [, { confirmedPlan }, { liveCells }] = this.code;
      const key = editsKey(fixes, ignored);
      if (this.lastLive?.key !== key)
        this.lastLive = { key, live: liveCells(confirmedPlan(this.plan, fixes, ignored)) };
      return { kind: 'live', seq, live: this.lastLive.live };
    } catch (e) {
      return { kind: 'liveError', seq, message: e instanceof Error ? e.message : String(e) };
    }
  }
}

/** One key for the same corrections and ignored rows (in any order). */
export function editsKey(fixes: readonly PreviewFix[], ignored: readonly string[]): string {
  return JSON.stringify([fixes, [...ignored].sort()]);
}
