/** Exports of an open workbook: the submission .xlsx and the CSV of a sheet. */
import { sheetCsv } from '../io/export/csv';
import { exportXlsx } from '../io/export/xlsx';
import type { WorkbookSession } from './session';

/** The submission workbook (.xlsx bytes) with the check report of the first sheet. */
export async function workbookXlsx(
  session: WorkbookSession,
  lang: 'vi' | 'en' = 'vi',
): Promise<Uint8Array> {
  const wb = session.workbook;
  const first = wb.sheets[0];
  const out = await exportXlsx({
    workbook: wb,
    values: (id) => session.values(id),
    findings: session.checks.list(wb, first.id),
    rowNumber: (id) => (id === null ? '' : String(first.rows.findIndex((r) => r.id === id) + 1)),
    lang,
  });
  return out.bytes;
}

/** CSV text of one sheet. */
export function sheetCsvText(session: WorkbookSession, sheetId: string): string {
  const sheet = session.workbook.sheets.find((s) => s.id === sheetId)!;
  return sheetCsv(sheet, session.values(sheetId));
}

/** A file name from a plan title: letters, digits and dashes. */
export function fileStem(title: string): string {
  return (
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'ke-hoach'
  );
}
