/**
 * The submission `.xlsx`: one styled sheet per appendix (Times New Roman, thin borders, merged
 * multi-level header, frozen header rows, A4 landscape, header rows printed on every page), totals as
 * formulas with their computed values, the check report sheet *Kiểm tra*, and a hidden `_planbook`
 * sheet that lets Planbook read the file back as the same plan.
 */
import type { Finding } from '../../domain/checks';
import type { Workbook } from '../../domain/types';
import { hasGrandTotal } from '../../domain/totals';
import { gridSheetData, type GridValue } from './gridExport';
import { placeGridFormulas, placer, placeSheetFormulas, readsLeftOut } from './sheetRefs';
import { unitSheet, type ViewsExport, yearSheet } from './viewSheets';
import { REPORT_WIDTHS, reportRows, reportSheetData, reportSheetName } from '../checkReport';
import { type AppendixLayout, layoutAppendix, type SheetValues } from './appendixLayout';
import { colName } from './appendixSheet';
import { appendixOptions, writeAppendix } from './appendixStream';
import { type BookSheet, writeStreamedBook } from './bookStream';
import type { BookCell, SheetStream } from './sheetStream';
import { packWorkbook } from './planPacking';
import type { StatedChoice } from './statedCells';
import { type SheetFigure, statedReportRows } from './statedReport';
import { clip } from './xmlText';
import { PLANBOOK_SHEET } from './packedPlan';

export { MAX_PACKED_PLAN, PLANBOOK_SHEET, unpackPlan } from './packedPlan';

const CHUNK = 30_000;

export interface ExportInput {
  workbook: Workbook;
  values: (sheetId: string) => SheetValues;
  /** Computed values of plain grid sheets' cells (0-based). */
  gridValues?: (gridId: string, r: number, c: number) => GridValue;
  /** The unit and year views of one appendix sheet, as the app computed them. */
  views?: Omit<ViewsExport, 'sheetName' | 'layout' | 'sheet'> & { sheetId: string };
  findings: Finding[];
  rowNumber: (rowId: string | null) => string;
  lang?: 'vi' | 'en';
  /**
   * Stated figures of sections and total rows that differ from their rows: written as the formulas
   * of their rows (default) or kept as stated; either way listed on the check sheet.
   */
  stated?: StatedChoice;
  /**
   * An appendix with more rows than this is laid out row by row while it is written (its rows are
   * never all held; the returned layout has empty body rows); default STREAM_ROWS_OVER.
   */
  streamRowsOver?: number;
}

/** Appendices longer than this are laid out as they are written. */
export const STREAM_ROWS_OVER = 5_000;

/** Writes a sheet builder's rows (write-excel-file's cells), formulas with their `cached` values. */
function writeRows(s: SheetStream, data: unknown[][], cached?: Map<string, number | string>): void {
  for (let r = 0; r < data.length; r++) s.cells(r, data[r] as BookCell[], cached);
}

const NOT_IN_NAMES =
  // eslint-disable-next-line no-control-regex -- no control character may name a sheet
  /[[\]:*?/\\\u0000-\u001F\u007F-\u009F\uFFFD-\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Sheet names Excel accepts (at most 31 characters, none of []:*?/\ or control characters, no
 * apostrophe at either end, not `History`), unique regardless of case, and never one of `reserved`
 * (the hidden `_planbook` sheet's name).
 */
export function safeSheetNames(names: string[], reserved: string[] = [PLANBOOK_SHEET]): string[] {
  const used = new Set(['history', ...reserved.map((r) => r.toLowerCase())]);
  return names.map((n) => {
    const cleaned = n
      .replace(NOT_IN_NAMES, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[\s']+|[\s']+$/g, '');
    const base = clip(cleaned, 31).trimEnd() || 'Phụ lục';
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) {
      const suffix = ` (${k})`;
      name = `${clip(base, 31 - suffix.length).trimEnd()}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** Names of the computed total rows: per source (`Tổng vốn ĐTPT`), and the grand total (null). */
export function totalLabel(lang: 'vi' | 'en'): (source: string | null) => string {
  return (s) =>
    s === null
      ? lang === 'vi'
        ? 'Tổng cộng'
        : 'Grand total'
      : lang === 'vi'
        ? `Tổng vốn ${s}`
        : `Total ${s}`;
}

/** Writes the workbook as a submission `.xlsx`; resolves with the file's bytes. */
export async function exportXlsx(input: ExportInput): Promise<{
  bytes: Uint8Array;
  layouts: AppendixLayout[];
  names: string[];
  /** Stated figures that differ from their rows, written as `choice` says (listed on the check sheet). */
  figures: SheetFigure[];
}> {
  const { workbook: wb } = input;
  const lang = input.lang ?? 'vi';
  const label = totalLabel(lang);
  const choice = input.stated ?? 'formulas';
  // the plan is packed while the sheets are written (its deflating answers later: see below);
  // deflated in base64, small, and nothing to escape in the sheet's XML
  const packing = packWorkbook(wb);
  packing.catch(() => undefined); // a failure is the writing's, where `packing` is awaited
  const layouts = wb.sheets.map((s) =>
    layoutAppendix(
      s,
      wb.meta,
      input.values(s.id),
      label,
      choice,
      s.rows.length > (input.streamRowsOver ?? STREAM_ROWS_OVER),
    ),
  );
  const grids = wb.grids ?? [];
  // the views add the plan up by unit and year: none for a table without a grand total (balance)
  const viewAt = input.views
    ? wb.sheets.findIndex((s) => s.id === input.views!.sheetId && hasGrandTotal(s))
    : -1;
  const viewNames =
    viewAt < 0 ? [] : lang === 'vi' ? ['Theo đơn vị', 'Theo năm'] : ['By unit', 'By year'];
  const names = [
    ...safeSheetNames([
      ...wb.sheets.map((s) => s.name),
      ...grids.map((g) => g.name),
      ...viewNames,
      reportSheetName(lang),
    ]),
    PLANBOOK_SHEET,
  ];
  placeSheetFormulas(wb, layouts, names);
  const sheets: BookSheet[] = layouts.map((l, i) => ({
    name: names[i],
    options: appendixOptions(l, i === 0),
    printTitles: [l.headerStart + 1, l.firstRow],
    ...(l.print
      ? {
          printTitleCols: l.print.titleCols,
          stripAreas: { ranges: l.print.ranges, fromRow: l.headerStart + 1 },
        }
      : {}),
    write: (s) => writeAppendix(s, l),
  }));
  const gridValue = input.gridValues ?? (() => null);
  grids.forEach((g, k) => {
    sheets.push({
      name: names[layouts.length + k],
      options: { fitToWidth: true },
      write: (s) => {
        const out = gridSheetData(g, (r, c) => gridValue(g.id, r, c), colName);
        const reads = readsLeftOut(wb);
        placeGridFormulas(g, out.data, placer(wb, layouts, names), {
          reads: (f) => reads(f),
          value: (r, c) => out.cached.get(`${colName(c)}${r + 1}`),
        });
        writeRows(s, out.data, out.cached);
      },
    });
  });
  if (viewAt >= 0) {
    const v: ViewsExport = {
      ...input.views!,
      sheet: wb.sheets[viewAt],
      sheetName: names[viewAt],
      layout: layouts[viewAt],
    };
    [unitSheet, yearSheet].forEach((make, k) => {
      const out = make(v, wb.meta.title, wb.meta.unit, lang);
      sheets.push({
        name: names[layouts.length + grids.length + k],
        options: { widths: out.widths, frozenRows: 5, landscape: true, fitToWidth: true },
        write: (s) => writeRows(s, out.data, out.cached),
      });
    });
  }
  // the stated figures are known once the appendices are written (their rows are made then)
  const figures: SheetFigure[] = [];
  sheets.push({
    name: names[names.length - 2],
    options: { widths: REPORT_WIDTHS, landscape: true, fitToWidth: true },
    write: (s) => {
      layouts.forEach((l, k) =>
        (choice === 'keep' ? (l.kept ?? []) : (l.replaced ?? [])).forEach((f) =>
          figures.push({ ...f, sheet: names[k] }),
        ),
      );
      const report = reportSheetData(
        reportRows(input.findings, input.rowNumber, lang),
        wb.meta.title,
        lang,
      );
      report.data.push(...statedReportRows(figures, choice, lang));
      writeRows(s, report.data);
    },
  });
  // deflated once: its part is stored (base64 of deflated bytes would hardly shrink again)
  sheets.push({
    name: PLANBOOK_SHEET,
    hidden: true,
    stored: true,
    options: {},
    write: async (s) => {
      const packed = await packing;
      s.cells(0, [
        { value: 'planbook-export-v1', type: String },
        { value: JSON.stringify(layouts.map((l) => l.firstRow)), type: String },
      ]);
      for (let k = 0, r = 1; k < packed.length; k += CHUNK, r++)
        s.cells(r, [{ value: packed.slice(k, k + CHUNK), type: String }]);
    },
  });
  const bytes = await writeStreamedBook(sheets);
  return { bytes, layouts, names, figures };
}
