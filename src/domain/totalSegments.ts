/** The blocks of rows each total row of a sheet adds up. */
import { topRows } from './formulaForms';
import type { Row } from './types';

/** Which rows each total row adds up: its block (after it when totals head the table, else before). */
export function totalSegments(rows: readonly Row[]): Map<number, number[]> {
  const totals = rows.flatMap((r, i) => (r.kind === 'total' ? [i] : []));
  const out = new Map<number, number[]>();
  if (!totals.length) return out;
  const above = totals[0] === 0;
  const all = topRows(rows);
  // the top-level rows in [a, b), cut from `all` (scanning the rows for each total was quadratic)
  const first = (x: number) => {
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const within = (a: number, b: number) => all.slice(first(a), first(b));
  totals.forEach((t, k) => {
    const seg = above
      ? within(t + 1, totals[k + 1] ?? rows.length)
      : within(k ? totals[k - 1] + 1 : 0, t);
    out.set(t, seg.length ? seg : above ? within(t + 1, rows.length) : within(0, t));
    if (!out.get(t)!.length) out.set(t, all);
  });
  return out;
}
