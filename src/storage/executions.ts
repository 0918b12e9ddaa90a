/**
 * Execution trackings: one record per year followed, and the changes saved after it (an edit
 * writes only what it changed; the record is rewritten whole after a report, or when the changes
 * pile up). Reading folds the changes onto the record.
 */
import type { AnnualPlan } from '../domain/execution';
import { applyDeltas, type ExecDelta } from '../domain/executionDelta';
import type { Id } from '../domain/types';
import type { ExecutionRecord, PlanbookDb } from './db';
import { packDelta, unpackDelta } from './packedFigures';

/** A tracking without its figures, for the list. */
export interface ExecutionSummary {
  id: Id;
  workbookId: Id;
  year: number;
  title: string;
  basedOn: string;
  periods: number;
  asOf: string | null;
  updatedAt: number;
}

/** A stored record with its saved changes folded in (the record itself is not changed). */
export function foldRecord(rec: ExecutionRecord, deltas: readonly ExecDelta[]): ExecutionRecord {
  if (!deltas.length) return rec;
  let lastImport = rec.lastImport;
  for (const d of deltas) if (d.lastImport !== undefined) lastImport = d.lastImport;
  const plan = applyDeltas(rec.plan, deltas);
  return {
    ...rec,
    plan,
    updatedAt: plan.updatedAt,
    ...(lastImport !== undefined ? { lastImport } : {}),
  };
}

/** The saved changes of stored trackings, each oldest first. */
export async function deltasOf(db: PlanbookDb, ids: Id[]): Promise<Map<Id, ExecDelta[]>> {
  const out = new Map<Id, ExecDelta[]>();
  if (!ids.length) return out;
  const recs = await db.executionDeltas.where('executionId').anyOf(ids).toArray();
  recs.sort((a, b) => a.seq! - b.seq!);
  for (const r of recs) {
    const list = out.get(r.executionId);
    const delta = unpackDelta(r.delta);
    if (list) list.push(delta);
    else out.set(r.executionId, [delta]);
  }
  return out;
}

export class ExecutionRepo {
  constructor(private readonly db: PlanbookDb) {}

  /** The trackings of a workbook (changes folded in), the latest year first. */
  async list(workbookId: Id): Promise<ExecutionSummary[]> {
    const recs = await this.all(workbookId);
    return recs
      .map((r) => ({
        id: r.id,
        workbookId: r.workbookId,
        year: r.plan.year,
        title: r.plan.title,
        basedOn: r.plan.basedOn.title,
        periods: r.plan.periods.length,
        asOf: r.plan.periods.at(-1)?.end ?? null,
        updatedAt: r.updatedAt,
      }))
      .sort((a, b) => b.year - a.year || b.updatedAt - a.updatedAt);
  }

  /** Every tracking of a workbook as it now is (its saved changes folded in). */
  async all(workbookId: Id): Promise<ExecutionRecord[]> {
    const recs = await this.db.executions.where('workbookId').equals(workbookId).toArray();
    const deltas = await deltasOf(
      this.db,
      recs.map((r) => r.id),
    );
    return recs.map((r) => foldRecord(r, deltas.get(r.id) ?? []));
  }

  /** A tracking as it now is (its saved changes folded in). */
  async get(id: Id): Promise<ExecutionRecord | undefined> {
    return this.db.transaction('r', [this.db.executions, this.db.executionDeltas], async () => {
      const rec = await this.db.executions.get(id);
      if (!rec) return undefined;
      return foldRecord(rec, (await deltasOf(this.db, [id])).get(id) ?? []);
    });
  }

  /** Writes a tracking whole and drops its saved changes (one transaction). */
  async put(workbookId: Id, plan: AnnualPlan, lastImport?: unknown): Promise<void> {
    await this.db.transaction('rw', [this.db.executions, this.db.executionDeltas], async () => {
      await this.db.executions.put({
        id: plan.id,
        workbookId,
        updatedAt: plan.updatedAt,
        plan,
        ...(lastImport !== undefined ? { lastImport } : {}),
      });
      await this.db.executionDeltas.where('executionId').equals(plan.id).delete();
    });
  }

  /**
   * Saves changes after a stored tracking (one transaction; only what they changed; a report's
   * figures packed, which the write copies at once).
   */
  async addDeltas(id: Id, deltas: readonly ExecDelta[]): Promise<void> {
    if (!deltas.length) return;
    await this.db.executionDeltas.bulkAdd(
      deltas.map((d) => ({ executionId: id, delta: packDelta(d) })),
    );
  }

  /**
   * Deletes the trackings (and their saved changes) whose workbook is gone: left by deletions
   * before a workbook's deletion took its trackings with it. How many were deleted.
   */
  dropOrphans(): Promise<number> {
    const { executions, executionDeltas, workbooks } = this.db;
    return this.db.transaction('rw', [workbooks, executions, executionDeltas], async () => {
      const alive = new Set(await workbooks.toCollection().primaryKeys());
      const orphans = (await executions.toArray())
        .filter((r) => !alive.has(r.workbookId))
        .map((r) => r.id);
      if (!orphans.length) return 0;
      await executionDeltas.where('executionId').anyOf(orphans).delete();
      await executions.bulkDelete(orphans);
      return orphans.length;
    });
  }

  remove(id: Id): Promise<void> {
    return this.db.transaction('rw', [this.db.executions, this.db.executionDeltas], async () => {
      await this.db.executions.delete(id);
      await this.db.executionDeltas.where('executionId').equals(id).delete();
    });
  }
}
