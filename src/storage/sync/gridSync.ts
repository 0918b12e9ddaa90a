/**
 * Plain grid sheets in the shared document, keyed by stable row and column ids (format 2). The
 * sheet's register (`grid`) holds its name and merges; its rows and columns are two Yjs arrays of
 * ids (`gr␟id`, `gc␟id`); each row is a register (`gridRow`) holding its cells as first shared, by
 * column id; each cell edited since is a register of its own (`gridCell`, by row and column id)
 * over the row, carrying who wrote it, when and the value it replaced. A step's rows and columns
 * are matched to the ones it started from (`gridAlign.ts`), so a row or column inserted or removed
 * moves no cell: another person's edit made meanwhile elsewhere merges; two people removing
 * different rows both apply; the same cell written twice keeps both values as a conflict; a cell
 * written while someone removed its row or column is kept and listed as an orphan, never lost.
 * Documents of format 1 (cells by position) are read as they were and turned into this layout by
 * their first step (`gridV1.ts`).
 */
import { type Conflict, registerKey, sameCell, SEP } from '../../domain/registers';
import { rowRef, type RegisterIndex } from '../../domain/registerIndex';
import { type CellInput, type GridSheet, type Id, isBlankInput } from '../../domain/types';
import { alignCols, alignRows, type Alignment } from './gridAlign';
import { isV1, migrateV1, orphansV1, readGridV1 } from './gridV1';
import { readOrder, writeOrder } from './order';
import { drop, put, type Writer } from './write';
import type * as Y from 'yjs';

/** What a plain sheet's register holds: the sheet without its cells. */
export type GridHead = Omit<GridSheet, 'cells'>;
/** What a plain sheet's row register holds: its cells as first shared, by column id. */
export interface GridRowValue {
  cells: Record<Id, CellInput>;
}

/** The names of a plain sheet's row and column orders in the document. */
export const gridRowsName = (gridId: Id): string => `gr${SEP}${gridId}`;
export const gridColsName = (gridId: Id): string => `gc${SEP}${gridId}`;
const NAMES = { rows: gridRowsName, cols: gridColsName };

const sheetKey = (gridId: Id) => registerKey({ kind: 'grid', gridId });
const rowKey = (gridId: Id, rowId: Id) => registerKey({ kind: 'gridRow', gridId, rowId });
const cellKey = (gridId: Id, rowId: Id, colId: Id) =>
  registerKey({ kind: 'gridCell', gridId, rowId, colId });
const width = (cells: CellInput[][]) => cells.reduce((m, r) => Math.max(m, r.length), 0);
const headOf = (g: GridSheet): GridHead => {
  const { cells: _c, ...h } = g;
  return h;
};

/** A plain sheet's row and column ids as the document orders them now. */
export function gridIds(doc: Y.Doc, index: RegisterIndex, gridId: Id) {
  const rows = readOrder(
    doc.getArray<string>(gridRowsName(gridId)),
    (rowId) => index.heads(rowKey(gridId, rowId)).length > 0,
  );
  const cols = readOrder(doc.getArray<string>(gridColsName(gridId)), () => true);
  return { rows, cols };
}

/** A row's cells by column id: its register's cells with every cell register over them. */
function rowCells(index: RegisterIndex, gridId: Id, rowId: Id): Record<Id, CellInput> | null {
  const base = index.value<GridRowValue>(rowKey(gridId, rowId));
  if (!base) return null;
  const written = index.rowCells.get(rowRef(gridId, rowId));
  if (!written?.size) return base.cells;
  const cells = { ...base.cells };
  for (const colId of written) {
    const h = index.heads(cellKey(gridId, rowId, colId))[0];
    if (h) cells[colId] = h.v as CellInput;
  }
  return cells;
}

/** A plain sheet as the document shows it (each row without trailing blanks). */
export function readGrid(doc: Y.Doc, index: RegisterIndex, gridId: Id): GridSheet | undefined {
  const head = index.value<GridHead>(sheetKey(gridId));
  if (!head) return undefined;
  if (isV1(head)) return readGridV1(index, gridId, head);
  const { rows, cols } = gridIds(doc, index, gridId);
  const cells = rows.map((rowId) => {
    const byCol = rowCells(index, gridId, rowId) ?? {};
    const line = cols.map((c) => byCol[c] ?? null);
    while (line.length && isBlankInput(line[line.length - 1])) line.pop();
    return line.map((v) => (v === '' ? null : v));
  });
  return { ...head, cells } as GridSheet;
}

/** Writes a whole sheet under fresh ids (a sheet added, or first shared). */
function addGrid(w: Writer, g: GridSheet): void {
  put(w, sheetKey(g.id), headOf(g));
  const cols = Array.from({ length: width(g.cells) }, () => w.nextId());
  const rows = g.cells.map((line) => {
    const rowId = w.nextId();
    put(w, rowKey(g.id, rowId), { cells: cellsById(line, cols) } satisfies GridRowValue);
    return rowId;
  });
  writeOrder(w.doc.getArray<string>(gridRowsName(g.id)), rows);
  writeOrder(w.doc.getArray<string>(gridColsName(g.id)), cols);
}

function cellsById(line: readonly CellInput[], cols: readonly Id[]): Record<Id, CellInput> {
  const out: Record<Id, CellInput> = {};
  line.forEach((v, c) => {
    if (!isBlankInput(v) && cols[c] !== undefined) out[cols[c]] = v;
  });
  return out;
}

/** Removes a row: its register and every cell register of it this replica sees. */
function removeRow(w: Writer, gridId: Id, rowId: Id): void {
  drop(w, rowKey(gridId, rowId));
  for (const colId of [...(w.index.rowCells.get(rowRef(gridId, rowId)) ?? [])])
    drop(w, cellKey(gridId, rowId, colId));
}

function removeGrid(w: Writer, gridId: Id): void {
  const { rows } = gridIds(w.doc, w.index, gridId);
  drop(w, sheetKey(gridId));
  for (const rowId of rows) removeRow(w, gridId, rowId);
  for (const k of [...(w.index.gridCells.get(gridId) ?? [])]) drop(w, k);
  for (const name of [gridRowsName(gridId), gridColsName(gridId)]) {
    const arr = w.doc.getArray<string>(name);
    if (arr.length) arr.delete(0, arr.length);
  }
}

/**
 * The columns after the step, as ids: matched ones keep theirs, inserted ones get new ones, and
 * blank columns past the end of the sheet before the step stay at the end.
 */
function columnsAfter(w: Writer, a: GridSheet, b: GridSheet, rows: Alignment, cols: Id[]) {
  const wa = width(a.cells);
  const wb = width(b.cells);
  const n = Math.max(wa, cols.length);
  const ids = cols.slice();
  while (ids.length < n) ids.push(w.nextId());
  let map: Alignment;
  if (wb < wa) map = alignCols(a.cells, b.cells, rows, wa, wb);
  else if (wb <= n) map = Array.from({ length: wb }, (_, k) => k);
  else map = alignCols(a.cells, b.cells, rows, n, wb);
  const after = map.map((i) => (i >= 0 ? ids[i] : w.nextId()));
  const used = new Set(map);
  const tail = wb < wa ? ids.slice(wa) : wb <= n ? ids.slice(wb) : [];
  const removed = ids.filter((_, i) => !used.has(i) && !tail.includes(ids[i]));
  return { after: [...after, ...tail], map, removed };
}

/** Writes a plain sheet's step: `a` before (undefined: added), `b` after (undefined: removed). */
export function writeGrid(w: Writer, a: GridSheet | undefined, b: GridSheet | undefined): void {
  const id = (a ?? b)!.id;
  if (!b) return removeGrid(w, id);
  const cur = w.index.value<GridHead>(sheetKey(id));
  if (!a || !cur) return addGrid(w, b);
  if (isV1(cur)) migrateV1(w, id, cur, NAMES);
  const { rows: rowIds, cols: colIds } = gridIds(w.doc, w.index, id);
  if (rowIds.length !== a.cells.length) {
    // the document does not read as the sheet this step started from: written whole, anew
    removeGrid(w, id);
    return addGrid(w, b);
  }
  if (JSON.stringify(headOf(a)) !== JSON.stringify(headOf(b))) put(w, sheetKey(id), headOf(b));
  if (a.cells === b.cells) return;
  const rows = alignRows(a.cells, b.cells);
  const cols = columnsAfter(w, a, b, rows, colIds);
  const colOf = new Map(cols.map.map((i, j) => [j, i]));
  const rowsAfter = rows.map((i, j) => {
    const line = b.cells[j];
    if (i < 0) {
      const rowId = w.nextId();
      put(w, rowKey(id, rowId), { cells: cellsById(line, cols.after) } satisfies GridRowValue);
      return rowId;
    }
    const rowId = rowIds[i];
    const old = a.cells[i];
    if (old === line && cols.removed.length === 0 && cols.map.every((k, j2) => k === j2))
      return rowId;
    for (let c = 0; c < cols.after.length; c++) {
      const k = colOf.get(c) ?? -1;
      const before = k >= 0 ? (old[k] ?? null) : null;
      const now = line[c] ?? null;
      if (!sameCell(before, now))
        put(w, cellKey(id, rowId, cols.after[c]), now === '' ? null : now, before);
    }
    return rowId;
  });
  const kept = new Set(rows);
  rowIds.forEach((rowId, i) => {
    if (!kept.has(i)) removeRow(w, id, rowId);
  });
  for (const colId of cols.removed) for (const rowId of rowIds) drop(w, cellKey(id, rowId, colId));
  const same = (x: readonly Id[], y: readonly Id[]) =>
    x.length === y.length && x.every((v, k) => v === y[k]);
  if (!same(rowsAfter, rowIds)) writeOrder(w.doc.getArray<string>(gridRowsName(id)), rowsAfter);
  if (!same(cols.after, colIds)) writeOrder(w.doc.getArray<string>(gridColsName(id)), cols.after);
}

/** Cells written where their row or column no longer is (removed meanwhile), as orphans. */
export function orphanGridCells(doc: Y.Doc, index: RegisterIndex): Conflict[] {
  const out: Conflict[] = [];
  for (const [gridId, keys] of index.gridCells) {
    const head = index.value<GridHead>(sheetKey(gridId));
    if (head && isV1(head)) {
      out.push(...orphansV1(index, gridId, head));
      continue;
    }
    const { rows, cols } = gridIds(doc, index, gridId);
    const rowSet = new Set(rows);
    const colSet = new Set(cols);
    for (const key of keys) {
      const writes = index.heads(key);
      if (!writes.length || index.conflicted.has(key)) continue;
      const [, , rowId, colId] = key.split(SEP);
      if (head && rowSet.has(rowId) && colSet.has(colId)) continue;
      out.push({ key, register: { kind: 'gridCell', gridId, rowId, colId }, writes, orphan: true });
    }
  }
  return out;
}

/** A plain sheet's row and column ids in order now (null: no such sheet, or of format 1: by position). */
export function gridOrder(doc: Y.Doc, index: RegisterIndex, gridId: Id) {
  const head = index.value<GridHead>(sheetKey(gridId));
  return head && !isV1(head) ? gridIds(doc, index, gridId) : null;
}

/** Positions of a plain sheet's rows and columns by id (null: no such sheet). */
export type GridPlaces = { rows: Map<Id, number>; cols: Map<Id, number>; v1: boolean } | null;

/** Where a plain sheet's rows and columns are now, by id (a format-1 sheet: by position). */
export function gridPlaces(doc: Y.Doc, index: RegisterIndex, gridId: Id): GridPlaces {
  const head = index.value<GridHead>(sheetKey(gridId));
  if (!head) return null;
  if (isV1(head)) return { rows: new Map(), cols: new Map(), v1: true };
  const { rows, cols } = gridIds(doc, index, gridId);
  const at = (ids: Id[]) => new Map(ids.map((x, k) => [x, k]));
  return { rows: at(rows), cols: at(cols), v1: false };
}

/** Where a plain sheet's cell is now (null: its row or column is gone). */
export function gridPosition(
  places: GridPlaces,
  rowId: Id,
  colId: Id,
): { row: number; col: number } | null {
  if (!places) return null;
  const row = places.v1 ? Number(rowId) : (places.rows.get(rowId) ?? -1);
  const col = places.v1 ? Number(colId) : (places.cols.get(colId) ?? -1);
  return Number.isInteger(row) && Number.isInteger(col) && row >= 0 && col >= 0
    ? { row, col }
    : null;
}

/** The key of the cell register at a plain sheet's position now (null: no such cell). */
export function gridCellKeyAt(
  doc: Y.Doc,
  index: RegisterIndex,
  gridId: Id,
  row: number,
  col: number,
): string | null {
  const head = index.value<GridHead>(sheetKey(gridId));
  if (!head) return null;
  if (isV1(head)) return cellKey(gridId, String(row), String(col));
  const { rows, cols } = gridIds(doc, index, gridId);
  return rows[row] !== undefined && cols[col] !== undefined
    ? cellKey(gridId, rows[row], cols[col])
    : null;
}
