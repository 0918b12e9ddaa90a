/**
 * The undo history kept with each workbook: the steps (pure deltas) one record each, written once,
 * and a small record naming the steps each way and the workbook revision they lead to. A history
 * whose revision is not the stored workbook's is stale (a step was committed without it) and is
 * not used.
 */
import type { Id } from '../domain/types';
import type { PlanbookDb } from './db';

/** A kept step: its number, label and what it changed. */
export interface KeptStep<D = unknown> {
  seq: number;
  label: string;
  delta: D;
}

/** A workbook's kept history and the revision it belongs to. */
export interface KeptHistory<D = unknown> {
  rev: number;
  past: KeptStep<D>[];
  future: KeptStep<D>[];
}

export class HistoryRepo {
  /** Steps known to be stored, per workbook (never written twice). */
  private stored = new Map<Id, Set<number>>();

  constructor(private readonly db: PlanbookDb) {}

  /** The kept history of a workbook, or undefined. */
  async load<D>(workbookId: Id): Promise<KeptHistory<D> | undefined> {
    const tables = [this.db.historyStates, this.db.historySteps];
    return this.db.transaction('r', tables, async () => {
      const st = await this.db.historyStates.get(workbookId);
      if (!st) return undefined;
      const steps = await this.db.historySteps.where('workbookId').equals(workbookId).toArray();
      const bySeq = new Map(steps.map((s) => [s.seq, s]));
      this.stored.set(workbookId, new Set(bySeq.keys()));
      const pick = (seqs: number[]) =>
        seqs.flatMap((q) => {
          const s = bySeq.get(q);
          return s ? [{ seq: q, label: s.label, delta: s.delta as D }] : [];
        });
      return { rev: st.rev, past: pick(st.past), future: pick(st.future) };
    });
  }

  /** Keeps a workbook's history at a revision: new steps written, dropped steps deleted. */
  async save<D>(workbookId: Id, h: KeptHistory<D>): Promise<void> {
    const known = this.stored.get(workbookId) ?? new Set<number>();
    const tables = [this.db.historyStates, this.db.historySteps];
    const keep = new Set([...h.past, ...h.future].map((s) => s.seq));
    await this.db.transaction('rw', tables, async () => {
      const fresh = [...h.past, ...h.future].filter((s) => !known.has(s.seq));
      if (fresh.length)
        await this.db.historySteps.bulkPut(fresh.map((s) => ({ workbookId, ...s })));
      const keys = await this.db.historySteps.where('workbookId').equals(workbookId).primaryKeys();
      const drop = keys.filter((k) => !keep.has(k[1]));
      if (drop.length) await this.db.historySteps.bulkDelete(drop);
      await this.db.historyStates.put({
        workbookId,
        rev: h.rev,
        past: h.past.map((s) => s.seq),
        future: h.future.map((s) => s.seq),
      });
    });
    this.stored.set(workbookId, keep);
  }
}
