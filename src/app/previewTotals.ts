/**
 * Totals of a read plan for the import preview, computed without the formula engine (#20): the
 * figures PlainValues gives the grid at open (the engine's own, proved equal by the plain tests),
 * so that a plan of 100,000 projects shows its preview without building HyperFormula on the page.
 * A sheet only the engine computes (a formula typed in a cell, a cycle) still builds the engine.
 */
import { hasGrandTotal } from '../domain/totals';
import type { Workbook } from '../domain/types';
import { PlanEngine } from '../engine/engine';
import { layoutOf } from '../engine/layout';
import { PlainValues } from '../engine/plainValues';

/**
 * The preview's figures: the plan's total and its total per capital source (in the plan's unit);
 * null and none for a table of different quantities without a total (a balance table).
 */
export interface PreviewTotals {
  total: number | null;
  bySource: Record<string, number>;
}

const num = (v: unknown): number => (typeof v === 'number' && v !== 0 ? v : 0);

/** Totals of a read plan's first sheet in its row-total column (engine figures, engine-free). */
export function previewTotals(wb: Workbook): PreviewTotals {
  const sheet = wb.sheets[0];
  if (!sheet) return { total: 0, bySource: {} };
  if (!hasGrandTotal(sheet)) return { total: null, bySource: {} };
  const layout = layoutOf(sheet);
  const col = layout.rowTotalCol === undefined ? undefined : layout.leaves[layout.rowTotalCol].id;
  if (!col) return { total: 0, bySource: {} };
  const plain = PlainValues.of(sheet);
  let total: (source: string | null) => unknown;
  if (plain) total = (s) => plain.total(s, col);
  else {
    const engine = new PlanEngine();
    engine.loadWorkbook(wb);
    total = (s) => engine.total(sheet.id, s, col);
  }
  return {
    total: num(total(null)),
    bySource: Object.fromEntries(layout.sources.map((s) => [s, num(total(s))])),
  };
}
