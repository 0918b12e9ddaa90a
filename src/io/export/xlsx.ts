/**
 * The submission `.xlsx`: one styled sheet per appendix (Times New Roman, thin borders, merged
 * multi-level header, frozen header rows, A4 landscape, header rows printed on every page), totals as
 * formulas with their computed values, the check report sheet *Kiểm tra*, and a hidden `_planbook`
 * sheet that lets Planbook read the file back as the same plan.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import writeXlsxFile, { type Feature, type Sheet } from 'write-excel-file/universal';
import type { Finding } from '../../domain/checks';
import type { Workbook } from '../../domain/types';
import { placeGridFormulas, placer, placeSheetFormulas } from './sheetRefs';
import { serializePlanbook } from '../planbookFile';
import { gridSheetData, type GridValue } from './gridExport';
import { unitSheet, type ViewsExport, yearSheet } from './viewSheets';
import { REPORT_HEADERS, reportCells, reportRows } from '../checkReport';
import { type AppendixLayout, layoutAppendix, type SheetValues } from './appendixLayout';
import {
  type AppendixSheetData,
  appendixSheetData,
  colName,
  withBody,
  withCachedValues,
} from './appendixSheet';

export const PLANBOOK_SHEET = '_planbook';
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
}

/** The plan's JSON, deflated and in base64 (small, and nothing to escape in the sheet's XML). */
export function packPlan(json: string): string {
  const bytes = deflateSync(strToU8(json), { level: 1 });
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The inverse of packPlan. */
export function unpackPlan(packed: string): string {
  const bin = atob(packed);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return strFromU8(inflateSync(bytes));
}

/**
 * Writes the appendices' body rows, adds cached values to the plain sheets' formula cells (`cached`
 * by sheet index after the appendices), print titles of the appendices, and full recalculation on open.
 */
function finishing(
  layouts: AppendixLayout[],
  written: AppendixSheetData[],
  cached: Map<string, number | string>[],
  names: string[],
): Feature<Blob> {
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (content, _o, { sheetIndex }) => {
            if (sheetIndex < layouts.length)
              return fitToWidth(withBody(content, layouts[sheetIndex], written[sheetIndex]));
            const values = cached[sheetIndex - layouts.length];
            if (!values) return content;
            return withCachedValues(content, values);
          },
        },
        'xl/workbook.xml': {
          transform: (content) => {
            const titles = layouts
              .map(
                (l, i) =>
                  `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${names[i].replace(/'/g, "''")}'!$${l.headerStart + 1}:$${l.firstRow}</definedName>`,
              )
              .join('');
            return content
              .replace(
                /<definedNames\s*\/>|<definedNames>[\s\S]*?<\/definedNames>/,
                `<definedNames>${titles}</definedNames>`,
              )
              .replace(
                /<calcPr\s*\/>|<calcPr[^>]*\/>/,
                '<calcPr calcId="191029" fullCalcOnLoad="1"/>',
              )
              .replace(new RegExp(`(<sheet [^>]*name="${PLANBOOK_SHEET}")`), '$1 state="hidden"');
          },
        },
      },
    },
  };
}

/** Prints the sheet one page wide (as many pages tall as needed). */
function fitToWidth(xml: string): string {
  const withPr = /<sheetPr[\s>/]/.test(xml)
    ? xml
    : xml.replace(/(<worksheet[^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  return withPr.replace(
    /<pageSetup([^>]*)\/>/,
    (_m, a: string) =>
      `<pageSetup${a.replace(/ fitTo(Width|Height)="\d+"/g, '')} fitToWidth="1" fitToHeight="0"/>`,
  );
}

/** Sheet names Excel accepts (31 characters, no []:*?/\), unique. */
export function safeSheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    const base = (n.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Phụ lục').slice(0, 31);
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 28)} (${k})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** Writes the workbook as a submission `.xlsx`; resolves with the file's bytes. */
export async function exportXlsx(
  input: ExportInput,
): Promise<{ bytes: Uint8Array; layouts: AppendixLayout[]; names: string[] }> {
  const { workbook: wb } = input;
  const lang = input.lang ?? 'vi';
  const label = (s: string | null) =>
    s === null
      ? lang === 'vi'
        ? 'Tổng cộng'
        : 'Grand total'
      : lang === 'vi'
        ? `Tổng vốn ${s}`
        : `Total ${s}`;
  const layouts = wb.sheets.map((s) => layoutAppendix(s, wb.meta, input.values(s.id), label));
  const report = lang === 'vi' ? 'Kiểm tra' : 'Checks';
  const grids = wb.grids ?? [];
  const viewAt = input.views ? wb.sheets.findIndex((s) => s.id === input.views!.sheetId) : -1;
  const viewNames =
    viewAt < 0 ? [] : lang === 'vi' ? ['Theo đơn vị', 'Theo năm'] : ['By unit', 'By year'];
  const names = safeSheetNames([
    ...wb.sheets.map((s) => s.name),
    ...grids.map((g) => g.name),
    ...viewNames,
    report,
    PLANBOOK_SHEET,
  ]);
  placeSheetFormulas(wb, layouts, names);
  const written = layouts.map(appendixSheetData);
  const sheets: Sheet<Blob>[] = layouts.map((l, i) => ({
    sheet: names[i],
    data: written[i].data as Sheet<Blob>['data'],
    columns: l.widths.map((width) => ({ width })),
    stickyRowsCount: l.firstRow,
    orientation: 'landscape',
    conditionalFormatting:
      l.rows.length > l.firstRow
        ? [
            {
              cellRange: {
                from: { row: l.firstRow + 1, column: 1 },
                to: { row: l.rows.length, column: l.widths.length },
              },
              condition: { formula: 'TRUE' },
              style: { borderStyle: 'thin', borderColor: '#000000' },
            },
          ]
        : undefined,
  }));
  const cached: Map<string, number | string>[] = [];
  const gridValue = input.gridValues ?? (() => null);
  grids.forEach((g, k) => {
    const out = gridSheetData(g, (r, c) => gridValue(g.id, r, c), colName);
    placeGridFormulas(g, out.data, placer(wb, layouts, names));
    cached.push(out.cached);
    sheets.push({
      sheet: names[layouts.length + k],
      data: out.data as Sheet<Blob>['data'],
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
      cached.push(out.cached);
      sheets.push({
        sheet: names[layouts.length + grids.length + k],
        data: out.data as Sheet<Blob>['data'],
        columns: out.widths.map((width) => ({ width })),
        stickyRowsCount: 5,
        orientation: 'landscape',
      });
    });
  }
  const rows = reportRows(input.findings, input.rowNumber, lang);
  const head = REPORT_HEADERS[lang].map((h) => ({
    value: h,
    type: String,
    fontWeight: 'bold',
    borderStyle: 'thin',
    align: 'center',
  }));
  const reportData = [
    [
      {
        value: lang === 'vi' ? 'BÁO CÁO KIỂM TRA SỐ LIỆU' : 'CHECK REPORT',
        type: String,
        fontWeight: 'bold',
        columnSpan: 10,
      },
    ],
    [{ value: wb.meta.title, type: String, fontStyle: 'italic', columnSpan: 10 }],
    head,
    ...rows.map((r) =>
      reportCells(r).map((v) =>
        typeof v === 'number'
          ? { value: v, type: Number, format: '#,##0.##', borderStyle: 'thin' }
          : { value: v, type: String, borderStyle: 'thin', wrap: true },
      ),
    ),
  ];
  sheets.push({
    sheet: names[names.length - 2],
    data: reportData as Sheet<Blob>['data'],
    columns: [6, 22, 14, 6, 60, 14, 14, 14, 14, 80].map((width) => ({ width })),
    orientation: 'landscape',
  });
  const packed = packPlan(serializePlanbook(wb));
  const chunks: unknown[][] = [
    [
      { value: 'planbook-export-v1', type: String },
      { value: JSON.stringify(layouts.map((l) => l.firstRow)), type: String },
    ],
  ];
  for (let k = 0; k < packed.length; k += CHUNK)
    chunks.push([{ value: packed.slice(k, k + CHUNK), type: String }]);
  sheets.push({ sheet: PLANBOOK_SHEET, data: chunks as Sheet<Blob>['data'] });
  const blob = await writeXlsxFile(sheets, {
    fontFamily: 'Times New Roman',
    fontSize: 12,
    features: [finishing(layouts, written, cached, names)],
  }).toBlob();
  return { bytes: new Uint8Array(await blob.arrayBuffer()), layouts, names };
}
