/** `planbook export`: a plan file to the submission .xlsx the app writes. */
import { writeFileSync } from 'node:fs';
import { sheetFindings } from '../domain/checks';
import type { AppendixSheet } from '../domain/types';
import { PlanEngine } from '../engine/engine';
import { GridEngine } from '../engine/gridEngine';
import { SheetViews, viewsForExport } from '../engine/sheetViews';
import { exportXlsx } from '../io/export/xlsx';
import { nativeDeflate } from './nativeDeflate';
import type { PlanReading } from '../io/readPlan';
import { type SheetFigure, statedArrow } from '../io/export/statedReport';

/** What an export wrote: sheets, and the stated figures that differ from their rows. */
export interface ExportSummary {
  sheets: number;
  figures: SheetFigure[];
}

/**
 * Writes `out`. Stated figures of sections and total rows that differ from their rows are written
 * as the formulas of their rows, or kept as stated with `keepStated`; either way the check sheet
 * lists them.
 */
export async function exportPlan(
  reading: PlanReading,
  out: string,
  keepStated = false,
): Promise<ExportSummary> {
  const wb = reading.workbook;
  nativeDeflate();
  const engine = new PlanEngine();
  engine.loadWorkbook(wb);
  const grids = new GridEngine();
  grids.load(wb.grids ?? []);
  const first = wb.sheets[0] as AppendixSheet | undefined;
  const result = await exportXlsx({
    workbook: wb,
    stated: keepStated ? 'keep' : 'formulas',
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
  return { sheets: result.names.length, figures: result.figures };
}

/** The export's report line about stated figures that differ from their rows ('' when none). */
export function statedLine(s: ExportSummary, keepStated: boolean): string {
  const n = s.figures.length;
  if (!n) return '';
  const list = s.figures
    .slice(0, 5)
    .map((f) => `${f.cell} ${statedArrow(f, 'en')}`)
    .join(', ');
  const more = n > 5 ? `, … (${n - 5} more)` : '';
  return keepStated
    ? `${n} stated figure(s) differ from their rows and were kept as stated (--keep-stated): ${list}${more}; listed on the check sheet`
    : `${n} stated figure(s) differ from their rows and were replaced by formulas: ${list}${more}; listed on the check sheet (--keep-stated keeps them)`;
}
