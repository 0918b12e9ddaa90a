/** Comparisons with computed values: each side's workbook evaluated by its own formula engine. */
import { type AdjustmentTable, adjustmentTable } from '../domain/adjustment';
import { type Comparison, compare, type Side } from '../domain/compare';
import type { MatchOverrides } from '../domain/match';
import type { Workbook } from '../domain/types';
import { PlanEngine } from '../engine/engine';

/** A side of a comparison whose amounts are the engine's computed values. */
export function sideOf(label: string, workbook: Workbook): Side {
  const engine = new PlanEngine();
  engine.loadWorkbook(workbook);
  return {
    label,
    workbook,
    value: (sheetId, row, colId) => {
      const v = engine.value(sheetId, row, colId);
      return typeof v === 'number' ? v : null;
    },
  };
}

/** A comparison and its adjustment table. */
export interface ComparisonResult {
  comparison: Comparison;
  table: AdjustmentTable;
}

/** Compares two workbooks (a: before, b: after) and builds the adjustment table. */
export function compareWorkbooks(
  a: Side,
  b: Side,
  overrides: MatchOverrides = {},
): ComparisonResult {
  const comparison = compare(a, b, overrides);
  const table = adjustmentTable(comparison, (side, p, col) => {
    const s = side === 'a' ? a : b;
    const leaf = side === 'a' ? col.a : col.b;
    return leaf ? (s.value(p.sheetId, p.index, leaf.id) ?? 0) : 0;
  });
  return { comparison, table };
}
