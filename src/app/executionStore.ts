/**
 * What a tracking's session stores next: the patches applied since the last write (an edit saves
 * only what it changed), or the whole tracking (after a report recorded, a failed write, or when
 * the changes after the stored record pile up: the record is then rewritten and they are dropped).
 */
import type { AnnualPlan } from '../domain/execution';
import { type ExecDelta, type ExecPatch, recordedDelta } from '../domain/executionDelta';

/** Changes kept after a stored record before it is rewritten whole. */
export const MAX_DELTAS = 300;

/** One write: the whole tracking, or changes after the stored record. */
export interface PendingWrite {
  whole: boolean;
  deltas: ExecDelta[];
}

export class PendingStore {
  private deltas: ExecDelta[] = [];
  private wholeNext = false;
  /** Changes stored after the record so far. */
  private after = 0;
  /** The last import as stored (a change to it is stored with the next delta). */
  private storedImport: unknown;

  constructor(lastImport: unknown = null) {
    this.storedImport = lastImport;
  }

  /** A patch applied to the tracking (an edit, an undo, a redo), `updatedAt` the time after it. */
  applied(patch: ExecPatch, updatedAt: number): void {
    if (!this.wholeNext) this.deltas.push({ patch, updatedAt });
  }

  /** A report recorded (`before` → `after`): stored as the periods and fields it replaced. */
  recorded(before: AnnualPlan, after: AnnualPlan): void {
    if (!this.wholeNext) this.deltas.push(recordedDelta(before, after));
  }

  /**
   * The write to make now (the pending changes are taken): `lastImport` and `updatedAt` the
   * session's last import and tracking's time.
   */
  take(lastImport: unknown, updatedAt: number): PendingWrite {
    const whole = this.wholeNext || this.after + this.deltas.length > MAX_DELTAS;
    const deltas = whole ? [] : this.deltas;
    if (!whole && lastImport !== this.storedImport) {
      const last = deltas.at(-1);
      if (last) deltas[deltas.length - 1] = { ...last, lastImport };
      else deltas.push({ patch: {}, updatedAt, lastImport });
    }
    this.deltas = [];
    this.wholeNext = false;
    this.storedImport = lastImport;
    return { whole, deltas };
  }

  /** The write succeeded. */
  stored(w: PendingWrite): void {
    this.after = w.whole ? 0 : this.after + w.deltas.length;
  }

  /** The write failed: the next one writes the whole tracking. */
  failed(): void {
    this.wholeNext = true;
    this.deltas = [];
  }
}
