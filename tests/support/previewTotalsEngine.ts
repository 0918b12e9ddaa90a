/**
 * The import preview's totals computed by building the whole formula engine, in the column the
 * preview totals (previewColumn): the frozen old path (previewTotalsBefore.ts, the row total) where
 * that column is the row total, the engine's total of the table's own total column otherwise. The
 * oracle the engine-free previewTotals is proved equal to. A table without a computed total
 * (`none`) has none here either.
 */
import { previewColumn, type PreviewTotals } from '../../src/app/previewTotals';
import type { Workbook } from '../../src/domain/types';
import { PlanEngine } from '../../src/engine/engine';
import { previewTotals as before } from './previewTotalsBefore';

/** The engine's totals in the preview's column (`none`: the table has no computed total). */
export function engineTotals(
  wb: Workbook,
  none?: PreviewTotals['none'],
): { total: number | null; bySource: Record<string, number> } {
  const old = before(wb);
  const sheet = wb.sheets[0];
  if (!sheet) return old;
  if (none) return { total: null, bySource: {} };
  const main = previewColumn(sheet);
  if (!main || main.rowTotal) return old;
  const engine = new PlanEngine();
  engine.loadWorkbook(wb);
  const v = engine.total(sheet.id, null, main.id);
  return { total: typeof v === 'number' ? v : 0, bySource: old.bySource };
}
