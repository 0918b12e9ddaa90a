/**
 * The adjustment table (*Biểu điều chỉnh*): per project and per year × source, the amount already
 * assigned (*Kế hoạch đã giao*), the increase, the decrease and the amount after adjustment, with
 * section and grand totals. Rows follow the later version's tree; projects it dropped come last.
 */
import { type Comparison, compare, type Side } from './compare';
import { LazyAdjustmentTable } from './adjustmentRows';
import type { MatchOverrides } from './match';

/** The four figures of one year × source: assigned, increase, decrease, after (plan's unit). */
export type Quad = [number, number, number, number];

export interface AdjColumn {
  key: string;
  year: number | null;
  source: string | null;
  label: string;
}

export interface AdjRow {
  kind: 'section' | 'project';
  level: number;
  number: string;
  name: string;
  lead: string;
  /** 'split' / 'merged': a part or a whole of a split or merge (proposed: the user confirms). */
  status: 'same' | 'changed' | 'added' | 'removed' | 'split' | 'merged' | 'section';
  /**
   * One quad per column, then the row's total over all columns. A project's quads are read-only
   * (unchanged amounts share one frozen quad per value); a section's are its own.
   */
  values: Quad[];
}

export interface AdjustmentTable {
  columns: AdjColumn[];
  rows: AdjRow[];
  total: Quad[];
  /** Cells where after ≠ assigned + increase − decrease (none when the arithmetic holds). */
  violations: { row: number; column: number }[];
}

export { DROPPED_SECTION, LazyAdjustmentTable } from './adjustmentRows';

/**
 * Builds the adjustment table of a comparison (from the amounts the comparison read): its columns
 * and totals now, each row when asked (`row(i)`, or every row through `rows`).
 */
export function adjustmentTable(c: Comparison): LazyAdjustmentTable {
  const byKey = new Map<string, AdjColumn>();
  for (const s of c.sheets)
    for (const col of s.columns)
      if (col.amount && !byKey.has(col.key))
        byKey.set(col.key, {
          key: col.key,
          year: col.year,
          source: col.source,
          label: [col.year, col.source].filter((x) => x !== null).join(' – ') || col.label,
        });
  const columns = [...byKey.values()].sort(
    (x, y) => (x.year ?? 0) - (y.year ?? 0) || String(x.source).localeCompare(String(y.source)),
  );
  return new LazyAdjustmentTable(c, columns);
}

/** A comparison and its adjustment table. */
export interface ComparisonResult {
  comparison: Comparison;
  table: LazyAdjustmentTable;
}

/** Compares two versions (a: before, b: after) and builds the adjustment table from their values. */
export function compareWithTable(
  a: Side,
  b: Side,
  overrides: MatchOverrides = {},
): ComparisonResult {
  const comparison = compare(a, b, overrides);
  return { comparison, table: adjustmentTable(comparison) };
}
