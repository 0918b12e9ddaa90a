/** The totals sheet: one row per capital source and a grand-total row, all formulas. */
import { a1, type RawContent, rowRanges, type SheetLayout } from './layout';

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

/** Sum of the projects' cells in column c of the data sheet. */
function projectSum(l: SheetLayout, data: string, c: number, n: number): RawContent {
  if (n === 0) return 0;
  const s = quote(data);
  return `=SUMIFS(${s}!${a1(c, 0, false, true)}:${a1(c, n - 1, false, true)},${s}!${a1(l.flagCol, 0, true, true)}:${a1(l.flagCol, n - 1, true, true)},1)`;
}

/** Contents of the totals sheet for a data sheet named `data` with n rows. */
export function totalsContents(
  l: SheetLayout,
  t: TotalsLayout,
  data: string,
  n: number,
): RawContent[][] {
  return t.rows.map((source, r) => {
    const row: RawContent[] = new Array(t.width).fill(null);
    const mine = l.amountCols.filter((c) => source === null || l.leaves[c].source === source);
    for (const c of mine) row[c] = projectSum(l, data, c, n);
    if (source === null) {
      for (const c of l.numericCols) if (row[c] === null) row[c] = projectSum(l, data, c, n);
    }
    if (l.rowTotalCol !== undefined)
      row[l.rowTotalCol] = mine.length ? `=SUM(${rowRanges(mine, r)})` : 0;
    for (const y of l.years) {
      const cols = y.cols.filter((c) => mine.includes(c));
      row[t.yearCol.get(y.id)!] = cols.length ? `=SUM(${rowRanges(cols, r)})` : null;
    }
    return row;
  });
}
