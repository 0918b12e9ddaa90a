/**
 * The open copy of a workbook's rows (#20): the rows of every sheet, as stored, with their order
 * keys, in parts of a few thousand rows. IndexedDB reads 100,000 row records one by one (most of
 * the open of a 100,000-project plan); the copy is read in a few records. It is used only while
 * the workbook's revision is still the one it holds (a commit makes it stale: the rows are then
 * read as before), and only once all its parts are in (its stamp is set on the workbook last).
 * Parts are written one per task (the page keeps its turn between them).
 */
import type { Id, Row, Workbook } from '../domain/types';
import type { OpenCopyRecord, PlanbookDb, WorkbookRecord } from './db';

/** Rows in one part (about 20 ms of cloning on a quiet machine). */
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

/** Writes a workbook's open copy part by part; `finish` sets it once all parts are in. */
export interface CopyWriter {
  /** How many parts there are. */
  readonly parts: number;
  /** Stores part k (0 ≤ k < parts). */
  writePart(k: number): Promise<void>;
  /**
   * Makes the parts the workbook's copy if it is still at the revision they hold (true), and
   * deletes its older copies; otherwise deletes these parts (false).
   */
  finish(): Promise<boolean>;
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
  const slices: { sheetId: Id; from: number; rows: readonly Row[] }[] = [];
  for (const s of wb.sheets)
    for (let i = 0; i < s.rows.length; i += COPY_ROWS)
      slices.push({ sheetId: s.id, from: i, rows: s.rows });
  const mine = (): [Id, string, number][] => slices.map((_, k) => [wb.id, stamp, k]);
  return {
    parts: slices.length,
    async writePart(k) {
      const sl = slices[k];
      const rows = sl.rows.slice(sl.from, sl.from + COPY_ROWS);
      const orders = rows.map((r) => {
        const o = order.get(r.id);
        if (o === undefined) throw new Error(`row ${r.id} has no order key`);
        return o;
      });
      const rec: OpenCopyRecord = {
        workbookId: wb.id,
        stamp,
        part: k,
        sheetId: sl.sheetId,
        rows,
        orders,
      };
      await db.openCopies.put(rec);
    },
    async finish() {
      return db.transaction('rw', db.workbooks, db.openCopies, async () => {
        const w = await db.workbooks.get(wb.id);
        if (!w || w.rev !== rev) {
          await db.openCopies.bulkDelete(mine());
          return false;
        }
        await db.openCopies
          .where('[workbookId+stamp+part]')
          .between([wb.id, '', -Infinity], [wb.id, stamp, -Infinity])
          .delete();
        await db.openCopies
          .where('[workbookId+stamp+part]')
          .between([wb.id, stamp, Infinity], [wb.id, '\uffff', Infinity], true, true)
          .delete();
        await db.workbooks.update(wb.id, { copy: { stamp, rev, parts: slices.length } });
        return true;
      });
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
