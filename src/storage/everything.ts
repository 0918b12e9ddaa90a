/**
 * Everything stored, for *Xuất tất cả* (export all) and *Nhập tất cả* (import all): each workbook
 * with its versions and execution trackings, each consolidation with its submissions and files.
 * Putting one back is one transaction (a workbook is never half imported).
 */
import type { Id, Workbook } from '../domain/types';
import type {
  ConsolidationRecord,
  ExecutionRecord,
  PlanbookDb,
  RevisionRecord,
  SubmissionFileRecord,
  SubmissionRecord,
} from './db';
import { ExecutionRepo } from './executions';
import { WorkbookRepo } from './repo';

/** A workbook with what belongs to it. */
export interface StoredWorkbook {
  workbook: Workbook;
  revisions: RevisionRecord[];
  executions: ExecutionRecord[];
}

/** A consolidation with its submissions and their files. */
export interface StoredConsolidation {
  consolidation: ConsolidationRecord;
  submissions: SubmissionRecord[];
  files: SubmissionFileRecord[];
}

export class EverythingRepo {
  private readonly workbooks: WorkbookRepo;

  constructor(private readonly db: PlanbookDb) {
    this.workbooks = new WorkbookRepo(db);
  }

  /** Every stored workbook with its versions and trackings, most recently edited first. */
  async workbooksAll(): Promise<StoredWorkbook[]> {
    const ids = (await this.db.workbooks.orderBy('updatedAt').reverse().primaryKeys()) as Id[];
    const out: StoredWorkbook[] = [];
    for (const id of ids) {
      const loaded = await this.workbooks.load(id);
      if (!loaded) continue;
      out.push({
        workbook: loaded.workbook,
        revisions: await this.db.revisions.where('workbookId').equals(id).sortBy('createdAt'),
        executions: await new ExecutionRepo(this.db).all(id),
      });
    }
    return out;
  }

  /** Every stored consolidation with its submissions and files. */
  async consolidationsAll(): Promise<StoredConsolidation[]> {
    const recs = await this.db.consolidations.orderBy('updatedAt').reverse().toArray();
    const out: StoredConsolidation[] = [];
    for (const c of recs) {
      out.push({
        consolidation: c,
        submissions: await this.db.submissions.where('consolidationId').equals(c.id).toArray(),
        files: await this.db.submissionFiles.where('consolidationId').equals(c.id).toArray(),
      });
    }
    return out;
  }

  /** Which of these ids name a stored workbook, a stored sheet, a consolidation or a submission. */
  async taken(o: {
    workbooks?: Id[];
    sheets?: Id[];
    consolidations?: Id[];
    submissions?: Id[];
  }): Promise<Set<Id>> {
    const out = new Set<Id>();
    const add = (keys: unknown[]) => keys.forEach((k) => out.add(k as Id));
    if (o.workbooks?.length)
      add(await this.db.workbooks.where('id').anyOf(o.workbooks).primaryKeys());
    if (o.sheets?.length) add(await this.db.sheets.where('id').anyOf(o.sheets).primaryKeys());
    if (o.consolidations?.length)
      add(await this.db.consolidations.where('id').anyOf(o.consolidations).primaryKeys());
    if (o.submissions?.length)
      add(await this.db.submissions.where('id').anyOf(o.submissions).primaryKeys());
    return out;
  }

  /**
   * Stores a workbook with its versions and trackings in one transaction; `replace` first deletes
   * the stored workbook of the same id with everything that belongs to it.
   */
  async putWorkbook(w: StoredWorkbook, replace = false): Promise<void> {
    const db = this.db;
    const tables = [
      db.workbooks,
      db.sheets,
      db.rows,
      db.revisions,
      db.executions,
      db.executionDeltas,
      db.historyStates,
      db.historySteps,
      // replacing deletes the stored workbook's settings and open copies (`WorkbookRepo.remove`)
      db.settings,
      db.openCopies,
    ];
    await db.transaction('rw', tables, async () => {
      if (replace) {
        await this.workbooks.remove(w.workbook.id);
        const gone = await db.executions.where('workbookId').equals(w.workbook.id).primaryKeys();
        await db.executions.bulkDelete(gone);
        await db.executionDeltas.where('executionId').anyOf(gone).delete();
      }
      // a tracking stored anew starts without changes after it
      const ids = w.executions.map((e) => e.id);
      if (ids.length) await db.executionDeltas.where('executionId').anyOf(ids).delete();
      await this.workbooks.create(w.workbook);
      if (w.revisions.length) await db.revisions.bulkPut(w.revisions);
      if (w.executions.length) await db.executions.bulkPut(w.executions);
    });
  }

  /** Stores a consolidation with its submissions and files (replacing one of the same id). */
  async putConsolidation(c: StoredConsolidation, replace = false): Promise<void> {
    const db = this.db;
    const tables = [db.consolidations, db.submissions, db.submissionFiles];
    await db.transaction('rw', tables, async () => {
      const id = c.consolidation.id;
      if (replace) {
        await db.submissionFiles.where('consolidationId').equals(id).delete();
        await db.submissions.where('consolidationId').equals(id).delete();
        await db.consolidations.delete(id);
      }
      await db.consolidations.add(c.consolidation);
      if (c.submissions.length) await db.submissions.bulkAdd(c.submissions);
      if (c.files.length) await db.submissionFiles.bulkAdd(c.files);
    });
  }
}
