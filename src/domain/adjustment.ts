/**
 * The adjustment table (*Biểu điều chỉnh*): per project and per year × source, the amount already
 * assigned (*Kế hoạch đã giao*), the increase, the decrease and the amount after adjustment, with
 * section and grand totals. Rows follow the later version's tree; projects it dropped come last.
 */
import { type Comparison, compareSteps, type Side } from './compare';
import { LazyAdjustmentTable } from './adjustmentRows';
import type { MatchOverrides } from './match';
import { runAll, type Steps } from './steps';

/** The four figures of one year × source: assigned, increase, decrease, after (plan's unit). */
export type Quad = [number, number, number, number];

export interface AdjColumn {
  key: string;
  year: number | null;
  source: string | null;
  label: string;
  /**
   * The version (a: before, b: after) that has no such column in any sheet both versions have:
   * its figures there are absent, not 0 (the other side's are not cut or added).
   */
  absent?: 'a' | 'b';
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
  return new LazyAdjustmentTable(c, tableColumns(c));
}

/** The columns of a comparison's adjustment table: its amount columns by year, then source. */
function tableColumns(c: Comparison): AdjColumn[] {
  const byKey = new Map<string, AdjColumn>();
  // which versions have each column, in the sheets both versions have
  const has = new Map<string, { a: boolean; b: boolean }>();
  for (const s of c.sheets)
    for (const col of s.columns) {
      if (!col.amount) continue;
      if (!byKey.has(col.key))
        byKey.set(col.key, {
          key: col.key,
          year: col.year,
          source: col.source,
          label: [col.year, col.source].filter((x) => x !== null).join(' – ') || col.label,
        });
      if (!s.a || !s.b) continue;
      const h = has.get(col.key) ?? { a: false, b: false };
      h.a ||= !!col.a;
      h.b ||= !!col.b;
      has.set(col.key, h);
    }
  for (const [key, h] of has) if (!h.a || !h.b) byKey.get(key)!.absent = h.a ? 'b' : 'a';
  return [...byKey.values()].sort(
    (x, y) => (x.year ?? 0) - (y.year ?? 0) || String(x.source).localeCompare(String(y.source)),
  );
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
  return runAll(compareWithTableSteps(a, b, overrides));
}

/**
 * `compareWithTable` in pieces (no piece longer than a few milliseconds at 100,000 projects):
 * the app runs it a few pieces per turn of the page, with the same result.
 */
export function* compareWithTableSteps(
  a: Side,
  b: Side,
  overrides: MatchOverrides = {},
): Steps<ComparisonResult> {
  const comparison = yield* compareSteps(a, b, overrides);
  return {
    comparison,
    table: yield* LazyAdjustmentTable.steps(comparison, tableColumns(comparison)),
  };
}
