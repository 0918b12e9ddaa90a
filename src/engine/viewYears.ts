/**
 * The year view's sheet contents: per year (a row), per capital source the year's amount (a
 * reference to the totals sheet's grand total), its share of all years, the cumulative amount, the
 * annual ceiling and the gap to it, then the same over every source (no ceiling nor gap).
 */
import { ceilingKey } from '../domain/types';
import type { RawContent } from './layout';
import { FIELDS, quote, ref, type ViewHost } from './viewShapes';

/** The year view of a sheet's layout (`ceilings` by `year|source`): its years, sources and rows. */
export function yearViewContents(
  h: ViewHost,
  ceilings: Record<string, number>,
): { years: number[]; sources: string[]; rows: RawContent[][] } {
  // years from the amount columns themselves (a year may be a group over sources, or one column)
  const byYear = new Map<number, { year: number; cols: number[]; bySource: Map<string, number> }>();
  for (const c of h.layout.amountCols) {
    const leaf = h.layout.leaves[c];
    if (!leaf.year) continue;
    let y = byYear.get(leaf.year);
    if (!y) byYear.set(leaf.year, (y = { year: leaf.year, cols: [], bySource: new Map() }));
    y.cols.push(c);
    if (leaf.source) y.bySource.set(leaf.source, c);
  }
  const yearList = [...byYear.values()].sort((a, b) => a.year - b.year);
  const years = yearList.map((y) => y.year);
  const sources = h.layout.sources;
  const T = `${quote(h.totals)}!`;
  const grand = h.totalsLayout.rows.indexOf(null);
  const w = FIELDS.length;
  const last = years.length - 1;
  const rows: RawContent[][] = yearList.map((y, r) => {
    const row: RawContent[] = [];
    sources.forEach((s, k) => {
      const col = y.bySource.get(s);
      const a = k * w;
      const amount = col === undefined ? 0 : `=${T}${ref(col, grand)}`;
      const cell = (c: number, rr = r) => ref(c, rr, false);
      const ceiling = ceilings[ceilingKey(y.year, s)];
      row.push(
        amount,
        `=IF(SUM(${cell(a, 0)}:${cell(a, last)})=0,0,${cell(a)}/SUM(${cell(a, 0)}:${cell(a, last)}))`,
        `=SUM(${cell(a, 0)}:${cell(a)})`,
        ceiling ?? null,
        `=IF(ISBLANK(${cell(a + 3)}),"",${cell(a + 3)}-${cell(a)})`,
      );
    });
    const t = sources.length * w;
    // the year's total: every amount column of the year (with or without a source)
    row.push(
      `=SUM(${y.cols.map((c) => `${T}${ref(c, grand)}`).join(',')})`,
      `=IF(SUM(${ref(t, 0, false)}:${ref(t, last, false)})=0,0,${ref(t, r, false)}/SUM(${ref(t, 0, false)}:${ref(t, last, false)}))`,
      `=SUM(${ref(t, 0, false)}:${ref(t, r, false)})`,
    );
    return row;
  });
  return { years, sources, rows };
}
