/** Cell ranges of a sheet: body row indexes × leaf column indexes (inclusive). */

export interface CellPos {
  row: number;
  col: number;
}

export interface CellRange {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** The range spanned by an anchor and a focus, in order. */
export function spanOf(a: CellPos, b: CellPos): CellRange {
  return {
    r0: Math.min(a.row, b.row),
    c0: Math.min(a.col, b.col),
    r1: Math.max(a.row, b.row),
    c1: Math.max(a.col, b.col),
  };
}

export function contains(r: CellRange | null, row: number, col: number): boolean {
  return !!r && row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;
}

export function height(r: CellRange): number {
  return r.r1 - r.r0 + 1;
}

export function width(r: CellRange): number {
  return r.c1 - r.c0 + 1;
}

/** Moves a position by (dr, dc) within a sheet of `rows` × `cols`. */
export function step(p: CellPos, dr: number, dc: number, rows: number, cols: number): CellPos {
  return {
    row: Math.max(0, Math.min(rows - 1, p.row + dr)),
    col: Math.max(0, Math.min(cols - 1, p.col + dc)),
  };
}
