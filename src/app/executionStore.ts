/**
 * What a tracking's session stores next: the patches applied since the last write (an edit saves
 * only what it changed), or the whole tracking (after a report recorded, a failed write, or when
 * the changes after the stored record pile up: the record is then rewritten and they are dropped).
 */
import type { AnnualPlan } from '../domain/execution';
import { type ExecDelta, type ExecPatch, recordedDelta } from '../domain/executionDelta';
import type { ExecutionRepo } from '../storage/executions';
import type { ImportSummary } from './executionImport';

export type ExecSaveState = 'saved' | 'saving' | 'error';

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

/**
 * Writes a tracking's changes to IndexedDB one write after the other (each takes what is pending
 * then), and says where saving stands. `current` gives the session's tracking and last import at
 * the time of the write; `notify` tells the session's listeners.
 */
export class TrackingSaver {
  state: ExecSaveState = 'saved';
  /** Writes stored so far (tests wait for it). */
  commits = 0;
  readonly pending: PendingStore;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    private readonly repo: ExecutionRepo | null,
    private readonly workbookId: string,
    lastImport: ImportSummary | null,
    private readonly current: () => { plan: AnnualPlan; lastImport: ImportSummary | null },
    private readonly notify: () => void,
  ) {
    this.pending = new PendingStore(lastImport);
  }

  /** Something changed: saving is under way, a write is queued. */
  changed(): void {
    this.dirty = true;
    this.state = 'saving';
    this.notify();
    this.writing = this.writing.then(() => this.flush());
  }

  private async flush(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const { plan, lastImport } = this.current();
    const write = this.pending.take(lastImport, plan.updatedAt);
    try {
      if (this.repo)
        if (write.whole) await this.repo.put(this.workbookId, plan, lastImport ?? undefined);
        else await this.repo.addDeltas(plan.id, write.deltas);
      this.pending.stored(write);
      this.commits++;
      if (!this.dirty) this.state = 'saved';
    } catch {
      this.pending.failed();
      this.state = 'error';
    }
    this.notify();
  }

  /** Resolves once every change so far is stored. */
  whenSaved(): Promise<void> {
    return this.writing;
  }
}
