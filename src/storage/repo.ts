/** Workbook repository: load, create, list, delete, and commit a change in one transaction. */
import { liveQuery } from 'dexie';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type { AppendixSheet, GridSheet, Id, PlanMeta, Row, Workbook } from '../domain/types';
import type { ColumnWidthsBySheet, PlanbookDb, RowRecord, SheetRecord, WorkbookRecord } from './db';
import { saveColumnWidths } from './columnWidths';
import { type CopyWriter, copyWriter, readOpenCopy, removeOpenCopies } from './openCopy';
import { workbookSettingKeys } from './workbookLeftovers';

/** Rows a new workbook's store adds in one lot (about 30 ms of cloning on a loaded machine). */
export const CREATE_ROWS = 1000;

/** A summary for the start page. */
export interface WorkbookSummary {
  id: Id;
  title: string;
  years: number[];
  unit: string;
  updatedAt: number;
  projects: number;
}

/** Rows to write, rows to delete, and header records that changed. */
export interface StoredChange {
  putRows: { sheetId: Id; row: Row; order: string }[];
  deleteRows: { sheetId: Id; rowId: Id }[];
  meta?: PlanMeta;
  sheets?: AppendixSheet[];
  /** The workbook's plain grid sheets, all of them (stored with the workbook record). */
  grids?: GridSheet[];
  /** Project rows added minus removed (a row whose kind changed counts too); absent: none. */
  projects?: number;
}

/** Raised when the stored workbook changed since this tab loaded it. */
export class ConflictError extends Error {
  constructor(public readonly storedRev: number) {
    super('workbook changed elsewhere');
  }
}

/** A loaded workbook with its row order keys and revision. */
export interface LoadedWorkbook {
  workbook: Workbook;
  order: Map<Id, string>;
  rev: number;
  /** Column widths the user dragged (kept beside the workbook, not in its history). */
  widths?: ColumnWidthsBySheet;
  /**
   * Every row of each sheet has a key in `order`, the keys strictly increasing down its list (as
   * storage gives and reads them back), so the first step need not read them all (#20).
   */
  keysInOrder?: boolean;
  /** The rows were read from the open copy of this revision (`openCopy.ts`). */
  fromCopy?: boolean;
}

/** Order keys for n rows between two keys (null: open end). */
export function orderKeys(before: string | null, after: string | null, n: number): string[] {
  return n === 1 ? [generateKeyBetween(before, after)] : generateNKeysBetween(before, after, n);
}

export class WorkbookRepo {
  constructor(private readonly db: PlanbookDb) {}

  /** Every workbook, most recently edited first. */
  async list(): Promise<WorkbookSummary[]> {
    const wbs = await this.db.workbooks.orderBy('updatedAt').reverse().toArray();
    return Promise.all(
      wbs.map(async (w) => ({
        id: w.id,
        title: w.meta.title,
        years: w.meta.years,
        unit: w.meta.unit,
        updatedAt: w.updatedAt,
        projects: w.projects ?? (await this.countProjects(w.id)),
      })),
    );
  }

  /**
   * Counts a workbook's project rows by walking them, and keeps the count on its record (a record
   * stored before counts were kept; every commit keeps it from then on). No revision: not an edit.
   */
  private countProjects(id: Id): Promise<number> {
    return this.db.transaction('rw', this.db.workbooks, this.db.rows, async () => {
      const w = await this.db.workbooks.get(id);
      if (!w) return 0;
      if (w.projects !== undefined) return w.projects;
      const projects = await this.db.rows
        .where('sheetId')
        .anyOf(w.sheetIds)
        .filter((r) => r.kind === 'project')
        .count();
      await this.db.workbooks.update(id, { projects });
      return projects;
    });
  }

  /**
   * Stores a new workbook (a load, never an undo step), in one transaction: nothing is stored
   * unless all is. Its rows are added CREATE_ROWS at a time, each lot in its own task (#20: the
   * 100,000 rows of an import were cloned in one task of 3 s CPU).
   */
  async create(wb: Workbook): Promise<LoadedWorkbook> {
    const order = new Map<Id, string>();
    const rows: RowRecord[] = [];
    for (const s of wb.sheets) {
      const keys = orderKeys(null, null, s.rows.length);
      s.rows.forEach((r, i) => {
        order.set(r.id, keys[i]);
        rows.push({ ...r, sheetId: s.id, order: keys[i] });
      });
    }
    const rec: WorkbookRecord = {
      id: wb.id,
      ...(wb.lineage ? { lineage: wb.lineage } : {}),
      meta: wb.meta,
      sheetIds: wb.sheets.map((s) => s.id),
      ...(wb.grids?.length ? { grids: wb.grids } : {}),
      createdAt: wb.createdAt,
      updatedAt: wb.updatedAt,
      rev: 1,
      projects: rows.reduce((n, r) => n + (r.kind === 'project' ? 1 : 0), 0),
    };
    await this.db.transaction('rw', this.db.workbooks, this.db.sheets, this.db.rows, async () => {
      await this.db.workbooks.add(rec);
      await this.db.sheets.bulkAdd(wb.sheets.map((s) => sheetRecord(s, wb.id)));
      // the next lot is sent when the last is stored: the page has its turn in between
      for (let i = 0; i < rows.length; i += CREATE_ROWS)
        await this.db.rows.bulkAdd(rows.slice(i, i + CREATE_ROWS));
    });
    return { workbook: wb, order, rev: 1, keysInOrder: true };
  }

  /** Loads a workbook with its rows in order; undefined when it does not exist. */
  async load(id: Id): Promise<LoadedWorkbook | undefined> {
    const db = this.db;
    return db.transaction('r', db.workbooks, db.sheets, db.rows, db.openCopies, async () => {
      const w = await db.workbooks.get(id);
      if (!w) return undefined;
      const order = new Map<Id, string>();
      const sheets: AppendixSheet[] = [];
      // the open copy of this revision when there is one (a few records, not one per row)
      const copy = await readOpenCopy(db, w);
      // read back in key order; checked while read (two rows of one key would not be)
      let keysInOrder = true;
      for (const sid of w.sheetIds) {
        const s = await db.sheets.get(sid);
        if (!s) continue;
        let rows: Row[];
        let last = '';
        if (copy) {
          const got = copy.get(sid) ?? { rows: [], orders: [] };
          rows = got.rows;
          got.orders.forEach((o, i) => {
            order.set(rows[i].id, o);
            if (!(o > last)) keysInOrder = false;
            last = o;
          });
        } else {
          const recs = await db.rows
            .where('[sheetId+order]')
            .between([sid, ''], [sid, '\uffff'])
            .toArray();
          rows = recs.map((r) => {
            order.set(r.id, r.order);
            if (!(r.order > last)) keysInOrder = false;
            last = r.order;
            return rowOf(r);
          });
        }
        const { workbookId: _w, ...header } = s;
        sheets.push({ ...header, rows });
      }
      const workbook: Workbook = {
        id: w.id,
        ...(w.lineage ? { lineage: w.lineage } : {}),
        meta: w.meta,
        sheets,
        ...(w.grids?.length ? { grids: w.grids } : {}),
        createdAt: w.createdAt,
        updatedAt: w.updatedAt,
      };
      const widths = w.widths ? { widths: w.widths } : {};
      return { workbook, order, rev: w.rev, keysInOrder, fromCopy: !!copy, ...widths };
    });
  }

  /**
   * A writer of the open copy of a workbook as loaded (or stored) at revision `rev`, part by part
   * (`openCopy.ts`): the next open reads it in a few records while no commit came after.
   */
  openCopyWriter(loaded: LoadedWorkbook): CopyWriter {
    return copyWriter(this.db, loaded.workbook, loaded.rev, loaded.order);
  }

  /** Stores the column widths of one sheet (no revision: another tab's edits are not refused). */
  saveColumnWidths(id: Id, sheetId: Id, widths: Record<Id, number>): Promise<void> {
    return saveColumnWidths(this.db, id, sheetId, widths);
  }

  /** The stored revision of a workbook (0 when missing). */
  async revision(id: Id): Promise<number> {
    return (await this.db.workbooks.get(id))?.rev ?? 0;
  }

  /**
   * Commits one change in one transaction if the stored revision is still `baseRev`; resolves
   * with the new revision once IndexedDB has committed it.
   */
  async commit(id: Id, baseRev: number, ch: StoredChange): Promise<number> {
    return this.db.transaction('rw', this.db.workbooks, this.db.sheets, this.db.rows, async () => {
      const w = await this.db.workbooks.get(id);
      if (!w) throw new ConflictError(0);
      if (w.rev !== baseRev) throw new ConflictError(w.rev);
      if (ch.deleteRows.length)
        await this.db.rows.bulkDelete(ch.deleteRows.map((d) => [d.sheetId, d.rowId]));
      if (ch.putRows.length) {
        await this.db.rows.bulkPut(
          ch.putRows.map((p) => ({ ...p.row, sheetId: p.sheetId, order: p.order })),
        );
      }
      if (ch.sheets) {
        const keep = new Set(ch.sheets.map((s) => s.id));
        await this.db.sheets
          .where('workbookId')
          .equals(id)
          .filter((s) => !keep.has(s.id))
          .delete();
        await this.db.sheets.bulkPut(ch.sheets.map((s) => sheetRecord(s, id)));
      }
      const rev = w.rev + 1;
      await this.db.workbooks.update(id, {
        rev,
        updatedAt: Date.now(),
        ...(ch.meta ? { meta: ch.meta } : {}),
        ...(ch.sheets ? { sheetIds: ch.sheets.map((s) => s.id) } : {}),
        ...(ch.grids ? { grids: ch.grids } : {}),
        ...(ch.projects && w.projects !== undefined ? { projects: w.projects + ch.projects } : {}),
      });
      return rev;
    });
  }

  /** Calls back with the stored revision whenever it changes, in this tab or another. */
  watchRevision(id: Id, cb: (rev: number) => void): () => void {
    const sub = liveQuery(() => this.db.workbooks.get(id).then((w) => w?.rev ?? 0)).subscribe({
      next: cb,
      error: () => undefined,
    });
    return () => sub.unsubscribe();
  }

  /**
   * Deletes a workbook with everything kept under it: rows, versions, undo history, execution
   * trackings and their saved changes, its settings (the server link) (one transaction). Its
   * backups stay (listed by title); what it left outside IndexedDB's tables (write-ahead entries,
   * the sync database) is for `removeWorkbookLeftovers`.
   */
  async remove(id: Id): Promise<void> {
    const tables = [
      this.db.workbooks,
      this.db.sheets,
      this.db.rows,
      this.db.revisions,
      this.db.historyStates,
      this.db.historySteps,
      this.db.executions,
      this.db.executionDeltas,
      this.db.settings,
      this.db.openCopies,
    ];
    await this.db.transaction('rw', tables, async () => {
      await this.db.settings.bulkDelete(workbookSettingKeys(id));
      await removeOpenCopies(this.db, id);
      const w = await this.db.workbooks.get(id);
      if (!w) return;
      await this.db.rows.where('sheetId').anyOf(w.sheetIds).delete();
      await this.db.sheets.bulkDelete(w.sheetIds);
      await this.db.revisions.where('workbookId').equals(id).delete();
      await this.db.historySteps.where('workbookId').equals(id).delete();
      await this.db.historyStates.delete(id);
      const trackings = await this.db.executions.where('workbookId').equals(id).primaryKeys();
      await this.db.executionDeltas.where('executionId').anyOf(trackings).delete();
      await this.db.executions.bulkDelete(trackings);
      await this.db.workbooks.delete(id);
    });
  }

  /** A stored setting. */
  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await this.db.settings.get(key))?.value as T | undefined;
  }

  /** Stores a setting. */
  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.settings.put({ key, value });
  }
}

function sheetRecord(s: AppendixSheet, workbookId: Id): SheetRecord {
  const { rows: _rows, ...header } = s;
  return { ...header, workbookId };
}

function rowOf(r: RowRecord): Row {
  const { sheetId: _s, order: _o, ...row } = r;
  return row;
}
