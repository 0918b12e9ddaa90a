/**
 * The check report (*Kiểm tra*): one row per finding, as a table for the printable view and as an
 * `.xlsx` sheet.
 */
import * as XLSX from '@e965/xlsx';
import { explain, type Finding, RULE_NAMES } from '../domain/checks';

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
    explained: 'Đã giải trình',
  },
  en: {
    error: 'Error',
    warning: 'Rounding',
    note: 'Explained by a note',
    partial: 'To verify',
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

export const REPORT_HEADERS: Record<'vi' | 'en', string[]> = {
  vi: [
    'STT',
    'Quy tắc',
    'Mức',
    'Dòng',
    'Nội dung',
    'Phạm vi',
    'Số ghi',
    'Tính được',
    'Chênh lệch',
    'Giải thích',
  ],
  en: [
    'No.',
    'Rule',
    'Severity',
    'Row',
    'Label',
    'Scope',
    'Stated',
    'Computed',
    'Difference',
    'Explanation',
  ],
};

/** The report as a worksheet (numbers as numbers, `#,##0.##` format). */
export function reportSheet(
  rows: readonly ReportRow[],
  title: string,
  lang: 'vi' | 'en' = 'vi',
): XLSX.WorkSheet {
  const aoa: (string | number)[][] = [[title], [], REPORT_HEADERS[lang]];
  for (const r of rows) aoa.push(reportCells(r));
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  for (let i = 0; i < rows.length; i++) {
    for (const c of [6, 7, 8]) {
      const cell = ws[XLSX.utils.encode_cell({ r: i + 3, c })];
      if (cell) cell.z = '#,##0.##';
    }
  }
  ws['!cols'] = [6, 22, 14, 6, 60, 14, 14, 14, 14, 80].map((wch) => ({ wch }));
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 9 } }];
  return ws;
}

/** An `.xlsx` file holding the report sheet *Kiểm tra*. */
export function reportWorkbook(
  rows: readonly ReportRow[],
  title: string,
  lang: 'vi' | 'en' = 'vi',
): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    reportSheet(rows, title, lang),
    lang === 'vi' ? 'Kiểm tra' : 'Checks',
  );
  return XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as Uint8Array;
}
