/**
 * The submission .xlsx in a display unit (`tỷ đồng`…): the plan restated in that unit
 * (`planInUnit`), then computed afresh and written as any plan is, so every cached value, total,
 * view and check speaks the same unit and the formulas stay live.
 */
import { sheetFindings } from '../domain/checks';
import type { DisplayUnit } from '../domain/display';
import type { AppendixSheet, Workbook } from '../domain/types';
import { planInUnit, type ValueOf } from '../domain/unitExport';
import { PlanEngine } from '../engine/engine';
import { GridEngine } from '../engine/gridEngine';
import { SheetViews, viewsForExport } from '../engine/sheetViews';
import type { StatedChoice } from '../io/export/statedCells';
import { exportXlsx } from '../io/export/xlsx';

/**
 * Writes the plan in `unit` (figures converted, the unit line naming it). `value` gives the plan's
 * computed cells (plan's unit), for the typed formulas written as values. Returns the bytes and
 * how many typed formulas became values.
 */
export async function xlsxInUnit(
  wb: Workbook,
  unit: DisplayUnit,
  value: ValueOf,
  lang: 'vi' | 'en' = 'vi',
  stated: StatedChoice = 'formulas',
): Promise<{ bytes: Uint8Array; frozen: number }> {
  const { workbook, frozen } = planInUnit(wb, unit, value);
  const engine = new PlanEngine();
  engine.loadWorkbook(structuredClone(workbook));
  const grids = new GridEngine();
  grids.load(workbook.grids ?? []);
  const first = workbook.sheets[0] as AppendixSheet | undefined;
  const index = new Map(first?.rows.map((r, i) => [r.id, i]) ?? []);
  const out = await exportXlsx({
    workbook,
    stated,
    lang,
    values: (id) => engine.values(id),
    gridValues: (id, r, c) => grids.value(id, r, c),
    findings: first ? sheetFindings(first, workbook.meta, engine.values(first.id)) : [],
    ...(first
      ? {
          views: viewsForExport(
            new SheetViews(
              () => engine.views,
              () => workbook,
              (sheetId, row, colId) => engine.value(sheetId, row, colId),
            ),
            first,
          ),
        }
      : {}),
    rowNumber: (id) => (id === null || !first ? '' : String((index.get(id) ?? -1) + 1)),
  });
  return { bytes: out.bytes, frozen };
}
