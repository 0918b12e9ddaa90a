/**
 * The open copy of a workbook's rows (#20): the rows of every sheet, as stored, with their order
 * keys, in parts of a few thousand rows. IndexedDB reads 100,000 row records one by one (most of
 * the open of a 100,000-project plan); the copy is read in a few records. It is used only while
 * the workbook's revision is still the one it holds (a commit makes it stale: the rows are then
 * read as before), and only once all its parts are in (its stamp is set on the workbook last).
 * Parts are written one per idle step, each sized to fit the step (app/openCopySteps.ts).
 */
import type { Id, Row, Workbook } from '../domain/types';
import type { OpenCopyRecord, PlanbookDb, WorkbookRecord } from './db';

/** The most rows in one part (about 20 ms of cloning on a quiet machine). */
export const COPY_ROWS = 5000;

/** A sheet's rows with their order keys, read from the open copy. */
export interface CopiedRows {
  rows: Row[];
  orders: string[];
}

/** The parts of a workbook's copy, by sheet id; null when there is no copy of this revision. */
export async function readOpenCopy(
  db: PlanbookDb,
  w: WorkbookRecord,
): Promise<Map<Id, CopiedRows> | null> {
  const mark = w.copy;
  if (!mark || mark.rev !== w.rev) return null;
  const parts = await db.openCopies
    .where('[workbookId+stamp+part]')
    .between([w.id, mark.stamp, -Infinity], [w.id, mark.stamp, Infinity])
    .toArray();
  if (parts.length !== mark.parts) return null;
  const out = new Map<Id, CopiedRows>();
  parts.forEach((p, k) => {
    if (p.part !== k) return;
    const got = out.get(p.sheetId);
    if (!got) out.set(p.sheetId, { rows: p.rows, orders: p.orders });
    else {
      for (const r of p.rows) got.rows.push(r);
      for (const o of p.orders) got.orders.push(o);
    }
  });
  return parts.every((p, k) => p.part === k) ? out : null;
}

/**
 * Writes a workbook's open copy part by part, each part as many rows as its caller asks (one
 * sheet's, at most COPY_ROWS); `finish` sets it once all rows are in.
 */
export interface CopyWriter {
  /** Rows not yet written. */
  readonly left: number;
  /**
   * Stores the next part, of at most `rows` rows (at least one; fewer at the end of a sheet);
   * the rows are cloned before it returns (IndexedDB's put), stored when it resolves.
   */
  writeNext(rows: number): Promise<void>;
  /**
   * Makes the parts the workbook's copy if every row is in and the workbook is still at the
   * revision they hold (true), and deletes its older copies; otherwise deletes these parts
   * (false). The writer holds no rows after it.
   */
  finish(): Promise<boolean>;
  /** Deletes the parts written so far without setting them (a copy left unfinished). */
  abandon(): Promise<void>;
}

/** A random stamp for one copy. */
function newStamp(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * A writer of the copy of `wb` as stored at revision `rev` (`order`: its rows' stored keys; every
 * row must have one).
 */
export function copyWriter(
  db: PlanbookDb,
  wb: Workbook,
  rev: number,
  order: ReadonlyMap<Id, string>,
): CopyWriter {
  const stamp = newStamp();
  const id = wb.id;
  // what is left to write (dropped by finish: a finished writer keeps no rows alive)
  let sheets: { id: Id; rows: readonly Row[] }[] = wb.sheets.map((s) => ({
    id: s.id,
    rows: s.rows,
  }));
  let keys: ReadonlyMap<Id, string> | null = order;
  let sheet = 0;
  let from = 0;
  let parts = 0;
  let left = sheets.reduce((n, s) => n + s.rows.length, 0);
  const next = (): void => {
    while (sheet < sheets.length && from >= sheets[sheet].rows.length) {
      sheet++;
      from = 0;
    }
  };
  next();
  const mine = (): [Id, string, number][] =>
    Array.from({ length: parts }, (_, k) => [id, stamp, k]);
  return {
    get left() {
      return left;
    },
    async writeNext(n) {
      if (!keys || sheet >= sheets.length) return;
      const s = sheets[sheet];
      const rows = s.rows.slice(from, from + Math.max(1, Math.min(COPY_ROWS, Math.floor(n))));
      const map = keys;
      const orders = rows.map((r) => {
        const o = map.get(r.id);
        if (o === undefined) throw new Error(`row ${r.id} has no order key`);
        return o;
      });
      const rec: OpenCopyRecord = {
        workbookId: id,
        stamp,
        part: parts++,
        sheetId: s.id,
        rows,
        orders,
      };
      from += rows.length;
      left -= rows.length;
      next();
      await db.openCopies.put(rec);
    },
    async finish() {
      const complete = left === 0;
      sheets = [];
      keys = null;
      return db.transaction('rw', db.workbooks, db.openCopies, async () => {
        const w = await db.workbooks.get(id);
        if (!complete || !w || w.rev !== rev) {
          await db.openCopies.bulkDelete(mine());
          return false;
        }
        await db.openCopies
          .where('[workbookId+stamp+part]')
          .between([id, '', -Infinity], [id, stamp, -Infinity])
          .delete();
        await db.openCopies
          .where('[workbookId+stamp+part]')
          .between([id, stamp, Infinity], [id, '\uffff', Infinity], true, true)
          .delete();
        await db.workbooks.update(id, { copy: { stamp, rev, parts } });
        return true;
      });
    },
    async abandon() {
      sheets = [];
      keys = null;
      left = 0;
      if (parts) await db.openCopies.bulkDelete(mine());
    },
  };
}

/** Deletes every open copy of a workbook (inside the caller's transaction, if any). */
export async function removeOpenCopies(db: PlanbookDb, id: Id): Promise<void> {
  await db.openCopies
    .where('[workbookId+stamp+part]')
    .between([id, '', -Infinity], [id, '\uffff', Infinity], true, true)
    .delete();
}
