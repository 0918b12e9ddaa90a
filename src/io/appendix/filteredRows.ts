/**
 * Rows an AutoFilter hides, weighed by the sums the table states. A filter hides current rows (the
 * stated totals still count them), but a stale line the author hid before filtering sits in its
 * range too, as hidden. The table's own rule tells them apart: a filtered row is stale when the
 * stated sums around it (its section's total, and its own when it heads rows) hold without it and
 * fail with it; else it is read, as the filter means.
 */
import { classify } from '../../domain/checkSeverity';
import { childRows } from '../../domain/rows';
import type { Row } from '../../domain/types';
import type { RawGrid } from './grid';
import type { LeafSpec } from './header';

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * How many of the columns' stated figures of row `total` are not the sum of rows `kids` (a column
 * where a heading among them states no figure is left out: its sum is not known here).
 */
function failing(rows: readonly Row[], total: number, kids: readonly number[], ids: string[]) {
  let n = 0;
  for (const id of ids) {
    const stated = num(rows[total].cells[id]);
    if (stated === null) continue;
    let sum = 0;
    let any = false;
    let known = true;
    for (const k of kids) {
      const v = num(rows[k].cells[id]);
      if (v === null) known &&= rows[k].kind !== 'section';
      else [sum, any] = [sum + v, true];
    }
    if (known && any && classify(stated, sum, kids.length) === 'error') n++;
  }
  return n;
}

/** The section heading row i sits directly under (-1: none). */
function parentOf(rows: readonly Row[], i: number): number {
  for (let j = i - 1; j >= 0; j--) {
    if (rows[j].kind === 'total') return -1;
    if (rows[j].level < rows[i].level) return rows[j].kind === 'section' ? j : -1;
  }
  return -1;
}

/**
 * The grid rows (0-based) of the rows read that an AutoFilter hides and the table's stated sums
 * leave out (see the module comment). `at`: the grid row of each read row's figures.
 */
export function staleFiltered(
  g: RawGrid,
  rows: readonly Row[],
  at: ReadonlyMap<string, number>,
  specs: readonly LeafSpec[],
): Set<number> {
  const out = new Set<number>();
  if (!g.autoFilter || !g.hiddenRows?.size) return out;
  const ids = specs.map((s) => s.leaf.id);
  rows.forEach((row, i) => {
    const r = at.get(row.id);
    if (r === undefined || !g.hiddenRows!.has(r) || g.groupedRows?.has(r) || row.part) return;
    const p = parentOf(rows, i);
    const kids = p < 0 ? [] : childRows(rows, p);
    const own = row.kind === 'section' ? childRows(rows, i) : [];
    const withIt =
      (kids.includes(i) ? failing(rows, p, kids, ids) : 0) +
      (own.length ? failing(rows, i, own, ids) : 0);
    if (!withIt) return;
    const without = kids.includes(i)
      ? failing(
          rows,
          p,
          kids.filter((k) => k !== i),
          ids,
        )
      : 0;
    if (without < withIt) out.add(r);
  });
  return out;
}
