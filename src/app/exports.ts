/** Exports of an open workbook: the submission .xlsx and the CSV of a sheet. */
import type { AppendixSheet } from '../domain/types';
import { type CsvStyle, gridCsv, sheetCsv } from '../io/export/csv';
import { exportXlsx } from '../io/export/xlsx';
import type { WorkbookSession } from './session';
import { viewsForExport } from '../engine/sheetViews';

/** The submission workbook (.xlsx bytes) with the check report of the first sheet. */
export async function workbookXlsx(
  session: WorkbookSession,
  lang: 'vi' | 'en' = 'vi',
): Promise<Uint8Array> {
  const wb = session.workbook;
  const first = wb.sheets[0] as AppendixSheet | undefined;
  const index = new Map(first?.rows.map((r, i) => [r.id, i]) ?? []);
  const out = await exportXlsx({
    workbook: wb,
    values: (id) => session.values(id),
    gridValues: (id, r, c) => session.gridValue(id, r, c),
    findings: first ? session.checks.list(wb, first.id) : [],
    ...(first ? { views: viewsForExport(session.views, first) } : {}),
    rowNumber: (id) => (id === null || !first ? '' : String((index.get(id) ?? -1) + 1)),
    lang,
  });
  return out.bytes;
}

/** CSV text of one sheet (an appendix or a plain grid sheet), numbers in the app's style. */
export function sheetCsvText(
  session: WorkbookSession,
  sheetId: string,
  style: CsvStyle = 'vi',
): string {
  const sheet = session.workbook.sheets.find((s) => s.id === sheetId);
  if (sheet) return sheetCsv(sheet, session.values(sheetId), style);
  const grid = session.workbook.grids!.find((g) => g.id === sheetId)!;
  return gridCsv(grid, (r, c) => session.gridValue(grid.id, r, c), style);
}

/** File names keep the title's Vietnamese (see fileName.ts). */
export { fileStem } from './fileName';
