/**
 * What the derived cells of an appendix add up, written once: the engine's layout (its live
 * formulas) and the exported file's formulas both read these rules, so that a reader recalculating
 * the file gets the totals Planbook shows.
 *
 * - A section's cell in a summed column adds up its direct children, never an *of which* (*Trong
 *   đó*) or ratio row (`childRows`); a section with no such child shows what it states.
 * - A total row's cell adds up its block's top-level rows (`totalRowTerms` over `totalSegments`).
 * - A computed total row (added only when the plan has none) adds up the top-level rows
 *   (`topRows`): its source's amounts, and for the grand total every summed column too.
 * - A row total adds up the row's own amounts.
 */
import { isNumericLeaf } from './columns';
import { childRows } from './rows';
import type { ColumnLeaf, Row } from './types';

export { childRows };

/**
 * Whether a row is added into the grand totals (and into a total row's block): a top-level row
 * that is neither a total row nor an *of which* or ratio row.
 */
export function addsToTotals(r: Row): boolean {
  return r.level === 0 && r.kind !== 'total' && !r.part;
}

/** Indexes of the rows the grand totals add up (`addsToTotals`), ascending. */
export function topRows(rows: readonly Row[]): number[] {
  const out: number[] = [];
  for (let j = 0; j < rows.length; j++) if (addsToTotals(rows[j])) out.push(j);
  return out;
}

/**
 * Whether a section's (and the grand total's) cell in this column adds up rows: a numeric column,
 * not the row total (a sum across the row), not marked as never added up (ratios, or so marked).
 */
export function sumsDown(l: ColumnLeaf): boolean {
  return isNumericLeaf(l) && l.role !== 'rowTotal' && l.additive !== false;
}

/**
 * Whether a computed total row for `source` (null: the grand total) adds up this column over the
 * top-level rows: the amounts of its source (every amount for the grand total), and for the grand
 * total every other column that sums down.
 */
export function sumsInComputedTotal(l: ColumnLeaf, source: string | null): boolean {
  if (l.role === 'amount') return source === null || l.source === source;
  return source === null && sumsDown(l);
}
