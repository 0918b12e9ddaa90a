/** Execution trackings: one record per year followed, stored whole (written after each change). */
import type { AnnualPlan } from '../domain/execution';
import type { Id } from '../domain/types';
import type { ExecutionRecord, PlanbookDb } from './db';

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

export class ExecutionRepo {
  constructor(private readonly db: PlanbookDb) {}

  /** The trackings of a workbook, the latest year first. */
  async list(workbookId: Id): Promise<ExecutionSummary[]> {
    const recs = await this.db.executions.where('workbookId').equals(workbookId).toArray();
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

  get(id: Id): Promise<ExecutionRecord | undefined> {
    return this.db.executions.get(id);
  }

  /** Writes a tracking whole (one transaction). */
  async put(workbookId: Id, plan: AnnualPlan, lastImport?: unknown): Promise<void> {
    await this.db.executions.put({
      id: plan.id,
      workbookId,
      updatedAt: plan.updatedAt,
      plan,
      ...(lastImport !== undefined ? { lastImport } : {}),
    });
  }

  remove(id: Id): Promise<void> {
    return this.db.executions.delete(id);
  }
}
