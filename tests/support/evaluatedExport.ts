/**
 * The export of a workbook as the app makes it: its figures evaluated by the engine (appendices and
 * plain grid sheets), no findings, no row numbers. The one set-up the export tests share.
 */
import type { Workbook } from '../../src/domain/types';
import { PlanEngine } from '../../src/engine/engine';
import { type ExportInput, exportXlsx } from '../../src/io/export/xlsx';

/** Exports `wb` with the engine's values; `more` overrides any input (streaming, language, findings). */
export async function evaluatedExport(
  wb: Workbook,
  more: Partial<Omit<ExportInput, 'workbook'>> = {},
): Promise<{ out: Awaited<ReturnType<typeof exportXlsx>>; engine: PlanEngine }> {
  const engine = new PlanEngine();
  engine.loadWorkbook(wb);
  const out = await exportXlsx({
    workbook: wb,
    values: (id) => engine.values(id),
    gridValues: (id, r, c) => engine.gridValue(id, r, c),
    findings: [],
    rowNumber: () => '',
    ...more,
  });
  return { out, engine };
}
