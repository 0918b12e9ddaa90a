/**
 * Plain grid sheets in the shared document, cell by cell. The sheet's register (`grid`) holds its
 * name, merges and base cells (which give its size), with the id of its shape; each edited cell
 * is a register of its own (`gridCell`, by 0-based position) over that base, carrying who wrote
 * it, when and the value it replaced. Two people editing different cells while apart both keep
 * their edit; the same cell keeps both values as a conflict. A change that moves cells (a row
 * or column removed, or a change too large to write cell by cell) rewrites the base under a new
 * shape id: a cell someone wrote meanwhile against the old shape is not placed (its position no
 * longer means the same cell) but kept and listed as an orphan conflict, never lost.
 *
 * A document written before cell registers holds only `grid` registers (no shape id): it loads
 * as it was, and its first cell edit is written as a cell register over that base (migration on
 * first write; the base is never rewritten for a cell edit).
 */
import { type Conflict, registerKey, sameCell, type Written } from '../../domain/registers';
import type { RegisterIndex } from '../../domain/registerIndex';
import type { CellInput, GridSheet, Id } from '../../domain/types';
import { drop, put, type Writer } from './write';

/** What a plain sheet's register holds: the sheet (its base cells) and the id of its shape. */
export type GridValue = GridSheet & { shape?: string };

/** Above this many changed positions a step rewrites the sheet's base instead. */
export const MAX_CELL_WRITES = 2000;

const sheetKey = (gridId: Id) => registerKey({ kind: 'grid', gridId });
const cellKey = (gridId: Id, row: number, col: number) =>
  registerKey({ kind: 'gridCell', gridId, row, col });
const at = (cells: CellInput[][], r: number, c: number): CellInput => cells[r]?.[c] ?? null;
const width = (cells: CellInput[][]) => cells.reduce((m, r) => Math.max(m, r.length), 0);

function withoutShape(v: GridValue): GridSheet {
  const { shape: _s, ...g } = v;
  return g;
}

/** The positions whose value differs between two cell tables (null: more than `limit`). */
function changedCells(
  a: CellInput[][],
  b: CellInput[][],
  limit: number,
): [number, number][] | null {
  const out: [number, number][] = [];
  const rows = Math.max(a.length, b.length);
  for (let r = 0; r < rows; r++) {
    const ra = a[r];
    const rb = b[r];
    if (ra === rb) continue;
    const cols = Math.max(ra?.length ?? 0, rb?.length ?? 0);
    for (let c = 0; c < cols; c++)
      if (!sameCell(ra?.[c], rb?.[c])) {
        out.push([r, c]);
        if (out.length > limit) return null;
      }
  }
  return out;
}

function dropCells(w: Writer, gridId: Id): void {
  for (const k of [...(w.index.gridCells.get(gridId) ?? [])]) drop(w, k);
}

/** Writes a plain sheet's step: `a` before (undefined: added), `b` after (undefined: removed). */
export function writeGrid(w: Writer, a: GridSheet | undefined, b: GridSheet | undefined): void {
  const id = (a ?? b)!.id;
  const reg = sheetKey(id);
  if (!b) {
    drop(w, reg);
    dropCells(w, id);
    return;
  }
  const cur = w.index.value<GridValue>(reg);
  if (!a || !cur) {
    put(w, reg, { ...b, shape: w.nextId() } satisfies GridValue);
    return;
  }
  const shrunk = b.cells.length < a.cells.length || width(b.cells) < width(a.cells);
  const changed = shrunk ? null : changedCells(a.cells, b.cells, MAX_CELL_WRITES);
  if (!changed) {
    put(w, reg, { ...b, shape: w.nextId() } satisfies GridValue);
    dropCells(w, id);
    return;
  }
  const grew =
    b.cells.length > a.cells.length || b.cells.some((r, i) => r.length > (a.cells[i]?.length ?? 0));
  const { cells: _b, ...fields } = b;
  const { cells: _c, shape: _s, ...curFields } = cur;
  const metaChanged = JSON.stringify(fields) !== JSON.stringify(curFields);
  if (grew || metaChanged) {
    const cells = grew
      ? b.cells.map((row, r) => row.map((_, c) => at(cur.cells, r, c)))
      : cur.cells;
    const v: GridValue = { ...fields, cells };
    if (cur.shape !== undefined) v.shape = cur.shape;
    put(w, reg, v);
  }
  for (const [r, c] of changed) {
    put(w, cellKey(id, r, c), at(b.cells, r, c), at(a.cells, r, c), cur.shape);
  }
}

/** The shape id of a plain sheet as the document holds it (undefined: written before shapes). */
export function gridShape(index: RegisterIndex, gridId: Id): string | undefined {
  return index.value<GridValue>(sheetKey(gridId))?.shape;
}

/** Whether a cell write belongs to the sheet's shape and lies within it (else an orphan). */
function placed(base: GridValue, h: Written, row: number): boolean {
  return (h.shape ?? '') === (base.shape ?? '') && row < base.cells.length;
}

/** A plain sheet as the document shows it: its base with every placed cell write over it. */
export function readGrid(index: RegisterIndex, gridId: Id): GridSheet | undefined {
  const base = index.value<GridValue>(sheetKey(gridId));
  if (!base) return undefined;
  const keys = index.gridCells.get(gridId);
  if (!keys?.size) return withoutShape(base);
  const cells = base.cells.map((r) => r.slice());
  for (const k of keys) {
    const h = index.heads(k)[0];
    const [, , rs, cs] = k.split('\u001f');
    const row = Number(rs);
    const col = Number(cs);
    if (!h || !placed(base, h, row)) continue;
    const line = cells[row];
    while (line.length <= col) line.push(null);
    line[col] = h.v as CellInput;
  }
  return withoutShape({ ...base, cells });
}

/** Cell writes that no longer have a place (the sheet was reshaped or removed meanwhile). */
export function orphanGridCells(index: RegisterIndex): Conflict[] {
  const out: Conflict[] = [];
  for (const [gridId, keys] of index.gridCells) {
    const base = index.value<GridValue>(sheetKey(gridId));
    for (const key of keys) {
      const writes = index.heads(key);
      const row = Number(key.split('\u001f')[2]);
      if (!writes.length || (base && placed(base, writes[0], row))) continue;
      if (index.conflicted.has(key)) continue;
      out.push({
        key,
        register: { kind: 'gridCell', gridId, row, col: Number(key.split('\u001f')[3]) },
        writes,
        orphan: true,
      });
    }
  }
  return out;
}
