/**
 * How an appendix's grid follows a step that moved rows (insert, delete, move, their undo): the
 * grid is given only the rows between the first and the last place where its order changed, as
 * one transaction (rows removed, rows added at their index), and the rows around them whose
 * objects changed take their new ones; a 100,000-row sheet is never given whole for one new row.
 * A change too large for a transaction (most rows moved) gives the grid all rows, as before.
 */
import type { GridApi, IRowNode } from 'ag-grid-community';
import { indexOfRows } from '../../domain/rowIndex';
import type { Row } from '../../domain/types';
import type { GridCtx, GridItem } from './gridContext';
import { type RefreshColumns, updateRows } from './rowRefresh';

/** Rows in a transaction beyond which the grid is given all rows at once. */
export const TRANSACTION_ROWS = 5_000;

/** The rows that changed place between what the grid shows and the sheet's rows now. */
export interface RowsChange {
  /** The rows shown in the changed stretch, removed (by id). */
  remove: readonly Row[];
  /** The sheet's rows in that stretch, added at `addIndex`. */
  add: readonly Row[];
  addIndex: number;
}

/**
 * The stretch between the first and the last row whose id differs between `shown` (the rows the
 * grid was given, in order) and `rows` (the sheet's now); null when it is longer than `limit`.
 * Cost: a comparison of ids from each end (the same strings: a pointer compare each).
 */
export function rowsChange(
  shown: readonly Row[],
  rows: readonly Row[],
  limit = TRANSACTION_ROWS,
): RowsChange | null {
  const m = Math.min(shown.length, rows.length);
  let p = 0;
  while (p < m && shown[p].id === rows[p].id) p++;
  let s = 0;
  while (s < m - p && shown[shown.length - 1 - s].id === rows[rows.length - 1 - s].id) s++;
  const remove = shown.slice(p, shown.length - s);
  const add = rows.slice(p, rows.length - s);
  if (remove.length + add.length > limit) return null;
  return { remove, add, addIndex: p };
}

/**
 * Gives the grid the rows a structural step changed (see the file's comment): true when done by a
 * transaction, false when the caller must give it all rows (no record of what it shows, or too
 * large a change). `ctx.rows` and `ctx.index` follow the sheet's rows either way.
 */
export function applyStructure(
  api: GridApi<GridItem>,
  ctx: GridCtx,
  rows: readonly Row[],
  cols: RefreshColumns,
): boolean {
  const shown = ctx.rows;
  const change = shown && shown !== rows && rowsChange(shown, rows);
  ctx.rows = rows;
  ctx.index = indexOfRows(rows);
  if (shown === rows) return true;
  if (!change) return false;
  if (change.remove.length || change.add.length)
    api.applyTransaction({
      remove: change.remove as Row[],
      add: change.add as Row[],
      addIndex: change.addIndex,
    });
  // rows kept in place whose objects changed (renumbered, re-levelled): their new objects
  const updates: { node: IRowNode<GridItem>; row: Row }[] = [];
  const keep = (i: number, j: number) => {
    const row = rows[i];
    if (row === shown[j]) return;
    const node = api.getRowNode(row.id);
    if (node && node.data !== row) updates.push({ node, row });
  };
  for (let i = 0; i < change.addIndex; i++) keep(i, i);
  const tail = shown.length - change.addIndex - change.remove.length;
  for (let i = rows.length - tail; i < rows.length; i++) keep(i, i - rows.length + shown.length);
  updateRows(api, updates, cols);
  return true;
}

/**
 * A plain sheet's rows grew or shrank to `rows` (one item per row index, the same objects kept):
 * the rows past the shorter end added or removed, the index following (true), or false when the
 * grid holds no record of its rows (the caller gives them all).
 */
export function resizePlain(api: GridApi<GridItem>, ctx: GridCtx, rows: readonly Row[]): boolean {
  const shown = ctx.rows;
  if (!shown) return false;
  const n = shown.length;
  if (rows.length > n) {
    for (let i = n; i < rows.length; i++) ctx.index.set(rows[i].id, i);
    api.applyTransaction({ add: rows.slice(n) as Row[] });
  } else if (rows.length < n) {
    for (let i = rows.length; i < n; i++) ctx.index.delete(shown[i].id);
    api.applyTransaction({ remove: shown.slice(rows.length) as Row[] });
  }
  ctx.rows = rows;
  return true;
}
