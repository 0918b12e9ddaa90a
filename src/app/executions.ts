/** The executions of a workbook in the app: list, start a year from the plan or a version, open. */
import { annualPlanFrom, type PlanValue } from '../domain/execution';
import { newId } from '../domain/ids';
import type { Id, Workbook } from '../domain/types';
import { evaluatedSide } from '../engine/sides';
import type { ExecutionRepo, ExecutionSummary } from '../storage/executions';
import type { RevisionRepo } from '../storage/revisions';
import { ExecutionSession, type ImportSummary } from './execution';

export type { ExecutionSummary };

export class Executions {
  constructor(
    private readonly repo: ExecutionRepo,
    private readonly revisions: RevisionRepo,
  ) {}

  list(workbookId: Id): Promise<ExecutionSummary[]> {
    return this.repo.list(workbookId);
  }

  /**
   * Starts following `year` from a plan: the open workbook (its computed values) or one of its
   * versions (`revisionId`). Resolves with the new tracking's id.
   */
  async start(wb: Workbook, value: PlanValue, year: number, revisionId?: Id): Promise<Id> {
    let source = wb;
    let read = value;
    let title = wb.meta.title;
    if (revisionId) {
      const rev = await this.revisions.get(revisionId);
      if (!rev) throw new Error('no such version');
      source = rev.snapshot;
      read = evaluatedSide(rev.name, rev.snapshot).value;
      title = `${rev.name} — ${rev.snapshot.meta.title}`;
    }
    const plan = annualPlanFrom(source, year, {
      value: read,
      id: newId('e'),
      basedOn: { workbookId: wb.id, ...(revisionId ? { revisionId } : {}), title },
    });
    await this.repo.put(wb.id, plan);
    return plan.id;
  }

  /** Opens a tracking (undefined when it does not exist). */
  async open(id: Id): Promise<ExecutionSession | undefined> {
    const rec = await this.repo.get(id);
    if (!rec) return undefined;
    return new ExecutionSession(
      rec.workbookId,
      rec.plan,
      this.repo,
      (rec.lastImport as ImportSummary | undefined) ?? null,
    );
  }

  remove(id: Id): Promise<void> {
    return this.repo.remove(id);
  }
}
