// Frozen copy of src/engine/totals.ts at 85c2563 (before domain/formulaForms.ts): the oracle the engine's formulas are held to.
/** The totals sheet: one row per capital source and a grand-total row, all formulas. */
import type { Row } from '../../../src/domain/types';
import { columnRanges, type RawContent, rowRanges, type SheetLayout, topRows } from './layout';

export interface TotalsLayout {
  /** Source code per totals row; null for the grand total row. */
  rows: (string | null)[];
  /** Totals sheet column of each year group's total (after the leaf columns). */
  yearCol: Map<string, number>;
  width: number;
}

/** Rows and extra columns of the totals sheet. */
export function totalsLayout(l: SheetLayout): TotalsLayout {
  const yearCol = new Map<string, number>();
  l.years.forEach((y, k) => yearCol.set(y.id, l.leaves.length + k));
  return { rows: [...l.sources, null], yearCol, width: l.leaves.length + l.years.length };
}

function quote(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Contents of the totals sheet for a data sheet named `data`: each total adds up the top-level
 * rows (whose own formulas add up their children), so an edit recomputes a handful of sums.
 */
export function totalsContents(
  l: SheetLayout,
  t: TotalsLayout,
  data: string,
  rows: readonly Row[],
): RawContent[][] {
  const top = topRows(rows);
  const prefix = `${quote(data)}!`;
  const sum = (c: number): RawContent => (top.length ? `=SUM(${columnRanges(c, top, prefix)})` : 0);
  return t.rows.map((source, r) => {
    const row: RawContent[] = new Array(t.width).fill(null);
    const mine = l.amountCols.filter((c) => source === null || l.leaves[c].source === source);
    for (const c of mine) row[c] = sum(c);
    if (source === null) {
      for (const c of l.numericCols) if (row[c] === null) row[c] = sum(c);
    }
    if (l.rowTotalCol !== undefined) {
      row[l.rowTotalCol] = mine.length ? `=SUM(${rowRanges(mine, r)})` : 0;
    }
    for (const y of l.years) {
      const cols = y.cols.filter((c) => mine.includes(c));
      row[t.yearCol.get(y.id)!] = cols.length ? `=SUM(${rowRanges(cols, r)})` : null;
    }
    return row;
  });
}
