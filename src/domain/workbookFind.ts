/**
 * Find over a whole workbook, whatever its sheets' kinds: the appendices' cells (see find.ts) and
 * the plain grid sheets' cells (see gridFind.ts) as one list of hits in tab order, so Enter goes
 * from a hit in an appendix to one in a plain sheet and back.
 */
import { type FindHit, findInPlan } from './find';
import { findInGrid } from './gridFind';
import type { Id, Workbook } from './types';

/**
 * A plain sheet's cell as a hit: its row and column ids are their 0-based indexes as text (as the
 * plain sheet's grid names its rows and columns).
 */
export function plainHit(gridId: Id, r: number, c: number): FindHit {
  return { sheetId: gridId, rowIndex: r, rowId: String(r), colId: String(c) };
}

/** The workbook's sheets in tab order: the appendices, then the plain grid sheets. */
export function sheetOrder(wb: Pick<Workbook, 'sheets' | 'grids'>): Id[] {
  return [...wb.sheets.map((s) => s.id), ...(wb.grids ?? []).map((g) => g.id)];
}

/**
 * Every cell of the workbook that matches `query`, in tab order then row order; `gridValue` gives
 * a plain sheet's computed value (a formula's result is found as well as its text).
 */
export function findInWorkbook(
  wb: Pick<Workbook, 'sheets' | 'grids'>,
  query: string,
  gridValue: (gridId: Id, r: number, c: number) => unknown,
): FindHit[] {
  const out = findInPlan(wb.sheets, query);
  for (const g of wb.grids ?? [])
    for (const h of findInGrid(g, query, (r, c) => gridValue(g.id, r, c)))
      out.push(plainHit(g.id, h.r, h.c));
  return out;
}
