/**
 * The check report (*Kiểm tra*): one row per finding, as a table for the printable view and as an
 * `.xlsx` sheet.
 */
import type { Sheet } from 'write-excel-file/universal';
import { explain, type Finding, RULE_NAMES } from '../domain/checks';
import { writeBook } from './export/writeBook';
import { cellFormat } from './export/cellFormat';
import { REPORT_HEADERS } from './checkReportHeaders';

export interface ReportRow {
  no: number;
  rule: string;
  severity: string;
  row: string;
  label: string;
  scope: string;
  expected: number;
  actual: number;
  difference: number;
  explanation: string;
}

const SEVERITY = {
  vi: {
    error: 'Lỗi',
    warning: 'Sai số làm tròn',
    note: 'Có ghi chú giải thích',
    partial: 'Cần xác minh',
    inferred: 'Cần xác minh',
    explained: 'Đã giải trình',
  },
  en: {
    error: 'Error',
    warning: 'Rounding',
    note: 'Explained by a note',
    partial: 'To verify',
    inferred: 'To verify',
    explained: 'Explained',
  },
};

/** How the report names a finding's severity: error, rounding, to verify, explained. */
export function severityLabel(f: Finding, lang: 'vi' | 'en'): string {
  const s = SEVERITY[lang];
  if (f.explained !== undefined) return `${s[f.severity]} · ${s.explained}`;
  return f.why ? s[f.why] : s[f.severity];
}

/** Report rows; `rowNumber` gives the row number shown to the user (grid row or input line). */
export function reportRows(
  findings: readonly Finding[],
  rowNumber: (rowId: string | null) => string,
  lang: 'vi' | 'en' = 'vi',
): ReportRow[] {
  return findings.map((f, k) => ({
    no: k + 1,
    rule: RULE_NAMES[lang][f.rule],
    severity: severityLabel(f, lang),
    row: rowNumber(f.rowId),
    label: f.label,
    scope: f.scope,
    expected: f.expected,
    actual: f.actual,
    difference: f.actual - f.expected,
    explanation: explain(f, lang),
  }));
}

/** One report row as the cells of a table, in the order of REPORT_HEADERS. */
export function reportCells(r: ReportRow): (string | number)[] {
  return [
    r.no,
    r.rule,
    r.severity,
    r.row,
    r.label,
    r.scope,
    r.expected,
    r.actual,
    r.difference,
    r.explanation,
  ];
}

export { REPORT_HEADERS } from './checkReportHeaders';

/** Column widths of the report sheet (characters). */
export const REPORT_WIDTHS = [6, 22, 14, 6, 60, 14, 14, 14, 14, 80];

/** The report as the cells of a styled sheet: heading, the plan's title, header, one row per finding. */
export function reportSheetData(
  rows: readonly ReportRow[],
  title: string,
  lang: 'vi' | 'en' = 'vi',
): { data: unknown[][]; widths: number[] } {
  const head = REPORT_HEADERS[lang].map((h) => ({
    value: h,
    type: String,
    fontWeight: 'bold',
    borderStyle: 'thin',
    align: 'center',
  }));
  const data = [
    [
      {
        value: lang === 'vi' ? 'BÁO CÁO KIỂM TRA SỐ LIỆU' : 'CHECK REPORT',
        type: String,
        fontWeight: 'bold',
        columnSpan: 10,
      },
    ],
    [{ value: title, type: String, fontStyle: 'italic', columnSpan: 10 }],
    head,
    ...rows.map((r) =>
      reportCells(r).map((v) =>
        typeof v === 'number'
          ? { value: v, type: Number, format: cellFormat('#,##0.##', v), borderStyle: 'thin' }
          : { value: v, type: String, borderStyle: 'thin', wrap: true },
      ),
    ),
  ];
  return { data, widths: REPORT_WIDTHS };
}

/** The report's sheet name. */
export const reportSheetName = (lang: 'vi' | 'en') => (lang === 'vi' ? 'Kiểm tra' : 'Checks');

/** An `.xlsx` file holding the report sheet *Kiểm tra*. */
export async function reportWorkbook(
  rows: readonly ReportRow[],
  title: string,
  lang: 'vi' | 'en' = 'vi',
): Promise<Uint8Array> {
  const { data, widths } = reportSheetData(rows, title, lang);
  return writeBook([
    {
      sheet: reportSheetName(lang),
      data: data as Sheet<Blob>['data'],
      columns: widths.map((width) => ({ width })),
      orientation: 'landscape',
    },
  ]);
}
