/**
 * Plain sheets' rows and columns moved by other people's steps. The model of a plain sheet is a
 * table of positions, so a step kept for undo names its cells by position; the shared document
 * keys them by stable row and column ids (storage/sync/gridSync.ts). When a step from elsewhere
 * inserts or removes rows or columns, the kept steps' positions follow the ids, so an undo or redo
 * writes the cells it changed, not the ones now at their old places. Pure.
 */
import type { Delta, GridDelta } from './delta';
import type { Id } from './types';

/**
 * Where a plain sheet's rows and columns before a step are after it (`rows[i]`: the index now of
 * row i, -1: removed), and how many there are after.
 */
export interface GridMove {
  rows: number[];
  rowCount: number;
  cols: number[];
  colCount: number;
}

/** The moves of one step, by plain sheet id (sheets whose rows and columns stayed are absent). */
export type GridMoves = ReadonlyMap<Id, GridMove>;

/** Each id of `before` at its index in `after` (-1: gone); null when none moved. */
function placesOf(before: readonly Id[], after: readonly Id[]): number[] | null {
  const now = new Map(after.map((id, k) => [id, k]));
  const at = before.map((id) => now.get(id) ?? -1);
  return at.length === after.length && at.every((k, i) => k === i) ? null : at;
}

/** The move from one order of a plain sheet's row and column ids to another (null: none moved). */
export function gridMoveOf(
  before: { rows: readonly Id[]; cols: readonly Id[] },
  after: { rows: readonly Id[]; cols: readonly Id[] },
): GridMove | null {
  const rows = placesOf(before.rows, after.rows);
  const cols = placesOf(before.cols, after.cols);
  if (!rows && !cols) return null;
  const same = (n: number) => Array.from({ length: n }, (_, k) => k);
  return {
    rows: rows ?? same(before.rows.length),
    rowCount: after.rows.length,
    cols: cols ?? same(before.cols.length),
    colCount: after.cols.length,
  };
}

/** A position before the move, after it (-1: removed); past the known ones: as far from the end. */
function place(at: readonly number[], count: number, k: number): number {
  return k < at.length ? at[k] : k - at.length + count;
}

/**
 * A plain sheet's step as it reads after the move: each cell at its row's and column's place now,
 * cells of removed rows or columns dropped. Its row arrays can no longer be put back whole (the
 * sheet was read anew): they are made never to match, so the step is taken cell by cell.
 */
function gridDeltaThrough(g: GridDelta, m: GridMove): GridDelta {
  const row = (r: number) => place(m.rows, m.rowCount, r);
  const col = (c: number) => place(m.cols, m.colCount, c);
  const shift = m.rowCount - m.rows.length;
  const cells = g.cells.flatMap((x) => {
    const [r, c] = [row(x.r), col(x.c)];
    return r < 0 || c < 0 ? [] : [{ ...x, r, c }];
  });
  const rowArrays = g.rowArrays.flatMap((x) => {
    const r = row(x.r);
    return r < 0 ? [] : [{ r, before: x.before ?? [], after: x.after ?? [] }];
  });
  return {
    ...g,
    cells,
    rowArrays,
    ...(g.length
      ? { length: { before: g.length.before + shift, after: g.length.after + shift } }
      : {}),
  };
}

/** A kept step `d` with its plain sheets' cells moved as `moves` says (`d` itself when none apply). */
export function deltaThroughMoves(d: Delta, moves: GridMoves): Delta {
  if (!d.grids.some((g) => moves.has(g.gridId))) return d;
  return {
    ...d,
    grids: d.grids.map((g) => {
      const m = moves.get(g.gridId);
      return m ? gridDeltaThrough(g, m) : g;
    }),
  };
}
