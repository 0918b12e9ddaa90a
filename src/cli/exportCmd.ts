/** `planbook export`: a plan file to the submission .xlsx the app writes. */
import { writeFileSync } from 'node:fs';
import { sheetFindings } from '../domain/checks';
import type { AppendixSheet } from '../domain/types';
import { PlanEngine } from '../engine/engine';
import { GridEngine } from '../engine/gridEngine';
import { SheetViews, viewsForExport } from '../engine/sheetViews';
import { exportXlsx } from '../io/export/xlsx';
import type { PlanReading } from '../io/readPlan';

/** Writes `out`; resolves with the number of sheets written. */
export async function exportPlan(reading: PlanReading, out: string): Promise<number> {
  const wb = reading.workbook;
  const engine = new PlanEngine();
  engine.loadWorkbook(wb);
  const grids = new GridEngine();
  grids.load(wb.grids ?? []);
  const first = wb.sheets[0] as AppendixSheet | undefined;
  const result = await exportXlsx({
    workbook: wb,
    values: (id) => engine.values(id),
    gridValues: (id, r, c) => grids.value(id, r, c),
    findings: first ? sheetFindings(first, wb.meta, engine.values(first.id)) : [],
    ...(first
      ? {
          views: viewsForExport(
            new SheetViews(
              () => engine.views,
              () => wb,
              (sheetId, row, colId) => engine.value(sheetId, row, colId),
            ),
            first,
          ),
        }
      : {}),
    rowNumber: (id) =>
      id === null || !first
        ? ''
        : String(reading.lineOf.get(id) ?? first.rows.findIndex((r) => r.id === id) + 1),
  });
  writeFileSync(out, result.bytes);
  return result.names.length;
}
