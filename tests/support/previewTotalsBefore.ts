/**
 * Frozen copy of previewTotals before #20 (src/app/services.ts): the totals of a read plan computed
 * by building the whole formula engine. The oracle the engine-free previewTotals is proved equal to.
 */
import type { Workbook } from '../../src/domain/types';
import { PlanEngine } from '../../src/engine/engine';

/** Totals of a read plan, for the preview (computed by the formula engine). */
export function previewTotals(wb: Workbook): { total: number; bySource: Record<string, number> } {
  const engine = new PlanEngine();
  engine.loadWorkbook(wb);
  const sheet = wb.sheets[0];
  if (!sheet) return { total: 0, bySource: {} };
  const layout = engine.layout(sheet.id);
  const col = layout.rowTotalCol === undefined ? undefined : layout.leaves[layout.rowTotalCol].id;
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  if (!col) return { total: 0, bySource: {} };
  return {
    total: num(engine.total(sheet.id, null, col)),
    bySource: Object.fromEntries(
      layout.sources.map((s) => [s, num(engine.total(sheet.id, s, col))]),
    ),
  };
}
