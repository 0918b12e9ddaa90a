/**
 * The geometry of the grid's Excel-style ranges (rows and columns as 0-based plan indexes): the
 * range covering two, the target a fill handle dragged to a cell covers, what Ctrl+D and Ctrl+R
 * copy from and to, and which body cell a DOM node is in. Pure but for reading the DOM node.
 */
import type { CellPos, CellRange } from '../../app/selection';
import { type GridCtx, isPinnedId } from './gridContext';

/** The smallest range covering both (either may be absent). */
export function union(a: CellRange | null, b: CellRange | null): CellRange | null {
  if (!a) return b;
  if (!b) return a;
  return {
    r0: Math.min(a.r0, b.r0),
    c0: Math.min(a.c0, b.c0),
    r1: Math.max(a.r1, b.r1),
    c1: Math.max(a.c1, b.c1),
  };
}

/**
 * The cells the fill handle of `s` dragged to `p` fills: below the range when dragged at least
 * as far down as right, else right of it; null when `p` is inside the range.
 */
export function fillTargetTo(s: CellRange, p: CellPos): CellRange | null {
  const down = p.row - s.r1;
  const right = p.col - s.c1;
  if (down <= 0 && right <= 0) return null;
  return down >= right
    ? { r0: s.r1 + 1, c0: s.c0, r1: p.row, c1: s.c1 }
    : { r0: s.r0, c0: s.c1 + 1, r1: s.r1, c1: p.col };
}

/**
 * What Ctrl+D (`down`) or Ctrl+R fills over the selection `s`: from its first row (column) into
 * the rest, or, when it is one row (column) high, from the one above (left of) it; null at the
 * sheet's first row (column).
 */
export function fillByKey(
  s: CellRange,
  down: boolean,
): { source: CellRange; target: CellRange } | null {
  if (down) {
    const source = s.r1 > s.r0 ? { ...s, r1: s.r0 } : { ...s, r0: s.r0 - 1, r1: s.r0 - 1 };
    const target = s.r1 > s.r0 ? { ...s, r0: s.r0 + 1 } : s;
    return source.r0 >= 0 ? { source, target } : null;
  }
  const source = s.c1 > s.c0 ? { ...s, c1: s.c0 } : { ...s, c0: s.c0 - 1, c1: s.c0 - 1 };
  const target = s.c1 > s.c0 ? { ...s, c0: s.c0 + 1 } : s;
  return source.c0 >= 0 ? { source, target } : null;
}

/** Shift+arrow keys: the step each moves the selection's far corner by, [rows, columns]. */
export const SHIFT_ARROWS: Readonly<Record<string, [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The body cell under a DOM node, or null (pinned rows, headers, outside the grid). */
export function cellAt(ctx: GridCtx, node: Element | null): (CellPos & { gutter: boolean }) | null {
  const cell = node?.closest('.ag-cell');
  const row = node?.closest('.ag-row');
  if (!cell || !row || isPinnedId(row.getAttribute('row-id'))) return null;
  const colId = cell.getAttribute('col-id') ?? '';
  const rowIndex = ctx.index.get(row.getAttribute('row-id') ?? '') ?? NaN;
  if (!Number.isInteger(rowIndex)) return null;
  if (colId === '__row') return { row: rowIndex, col: 0, gutter: true };
  const col = ctx.leafIndex.get(colId);
  return col === undefined ? null : { row: rowIndex, col, gutter: false };
}
