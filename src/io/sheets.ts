/**
 * Spreadsheet files (`.xlsx`, `.xls`, `.ods`, `.csv`) to raw grids through SheetJS, reading the
 * text as shown (Vietnamese numbers are parsed by Planbook, not by SheetJS).
 */
import * as XLSX from '@e965/xlsx';
import type { RawCell, RawGrid } from './appendix/grid';

/** At most this many rows are read from a sheet (a dimension of a million rows with few cells is fine). */
export const MAX_ROWS = 200_000;

/** Reads every sheet of a workbook file. Throws on files SheetJS cannot read. */
export function gridsFromWorkbook(bytes: Uint8Array): RawGrid[] {
  const wb = XLSX.read(bytes, {
    type: 'array',
    cellFormula: true,
    cellStyles: true,
    cellText: true,
    cellNF: true,
    dense: true,
  });
  return wb.SheetNames.map((name) => gridFromSheet(name, wb.Sheets[name]));
}

function gridFromSheet(name: string, ws: XLSX.WorkSheet): RawGrid {
  const data = (ws as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
  const rows: RawCell[][] = [];
  const n = Math.min(data.length, MAX_ROWS);
  for (let r = 0; r < n; r++) {
    const src = data[r] ?? [];
    const row: RawCell[] = [];
    for (let c = 0; c < src.length; c++) {
      const cell = src[c];
      if (!cell || cell.t === 'z') {
        row.push({ text: '' });
        continue;
      }
      const text = cell.w ?? (cell.v === undefined || cell.v === null ? '' : String(cell.v));
      const out: RawCell = { text, value: cell.v as RawCell['value'] };
      if (cell.f) out.formula = cell.f;
      const bold = (cell.s as { font?: { bold?: boolean } } | undefined)?.font?.bold;
      if (bold) out.bold = true;
      if (typeof cell.z === 'string' && cell.t === 'n' && cell.z !== 'General') out.format = cell.z;
      row.push(out);
    }
    rows.push(row);
  }
  const merges = (ws['!merges'] ?? []).map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }));
  const hiddenRows = new Set<number>();
  (ws['!rows'] ?? []).forEach((r, i) => r?.hidden && hiddenRows.add(i));
  const hiddenCols = new Set<number>();
  (ws['!cols'] ?? []).forEach((c, i) => c?.hidden && hiddenCols.add(i));
  return {
    name,
    rows,
    merges,
    lineOf: rows.map((_, i) => i + 1),
    ...(hiddenRows.size ? { hiddenRows } : {}),
    ...(hiddenCols.size ? { hiddenCols } : {}),
  };
}
