/**
 * The consolidated appendix as a submission `.xlsx`: the appendix sheet (*Tổng hợp*: requested
 * and proposed figures or proposed only, formulas with their values, Times New Roman, thin
 * borders, frozen header, A4 landscape one page wide, or when that is too small to read in strips
 * of years (appendixPrint.ts), header rows printed on every page) and the
 * sheet listing the submissions with their provenance (*Hồ sơ tiếp nhận*). Recalculated on open.
 */
import writeXlsxFile, { type Feature, type Sheet } from 'write-excel-file/universal';
import type { AppendixLayout, OutCell } from './appendixLayout';
import { appendixSheetData, type AppendixSheetData, colName, withBody } from './appendixSheet';
import type { StripPlan } from './printStrips';
import { stripSetup } from './sheetStream';
import { plainXml } from './xmlText';
import { type ConsolidationLayoutInput, layoutConsolidation } from './consolidationLayout';

/** One line of the submissions sheet. */
export interface SubmissionLine {
  unit: string;
  fileName: string;
  /** ISO 8601, or '' for an expected unit that did not submit. */
  receivedAt: string;
  sha256: string;
  projects: number;
  requested: number;
  errors: number;
  /** In force, replaced by a later file, or missing. */
  status: string;
  note: string;
}

export interface ConsolidationExportInput extends ConsolidationLayoutInput {
  submissions: SubmissionLine[];
}

const HEADS = {
  vi: [
    'TT',
    'Đơn vị',
    'Tệp',
    'Ngày nhận',
    'Mã SHA-256',
    'Số dự án',
    'Tổng đề nghị',
    'Số lỗi',
    'Trạng thái',
    'Ghi chú',
  ],
  en: [
    'No.',
    'Unit',
    'File',
    'Received',
    'SHA-256',
    'Projects',
    'Requested',
    'Errors',
    'Status',
    'Note',
  ],
};

/** When a submission was received, as officers write it (`15/08/2025 14:05`). */
export function receivedText(iso: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The submissions sheet laid out like an appendix (so its texts are written as inline strings). */
export function layoutSubmissions(
  lines: SubmissionLine[],
  title: string,
  lang: 'vi' | 'en',
): AppendixLayout {
  const heads = HEADS[lang];
  const width = heads.length;
  const rows: (OutCell | null)[][] = [
    [
      {
        kind: 'title',
        text: lang === 'vi' ? 'DANH SÁCH HỒ SƠ TIẾP NHẬN' : 'SUBMISSIONS RECEIVED',
        align: 'center',
        colSpan: width,
      },
    ],
    [{ kind: 'subtitle', text: title, align: 'center', colSpan: width }],
    heads.map((text) => ({ kind: 'header', text, align: 'center' })),
  ];
  lines.forEach((l, i) => {
    const t = (text: string, align: OutCell['align'] = 'left'): OutCell => ({
      kind: 'project',
      ...(text ? { text } : {}),
      align,
    });
    const n = (x: number): OutCell => ({
      kind: 'project',
      number: x,
      numeric: true,
      align: 'right',
    });
    rows.push([
      t(String(i + 1), 'center'),
      t(l.unit),
      t(l.fileName),
      t(receivedText(l.receivedAt), 'center'),
      t(l.sha256),
      l.receivedAt ? n(l.projects) : t(''),
      l.receivedAt ? n(l.requested) : t(''),
      l.receivedAt ? n(l.errors) : t(''),
      t(l.status),
      t(l.note),
    ]);
  });
  const widths = [6, 32, 30, 17, 66, 9, 14, 8, 22, 40];
  return {
    rows,
    widths,
    firstRow: 3,
    headerStart: 2,
    formats: widths.map((_, i) => (i === 6 ? '#,##0.##' : i === 5 || i === 7 ? '#,##0' : '@')),
    totalRows: [],
  };
}

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

/** A sheet printed in strips (printStrips.ts): no fit to one page, the strips' page setup. */
function inStrips(xml: string, plan: StripPlan): string {
  return xml
    .replace(/<pageSetUpPr[^>]*\/>/, '')
    .replace(/<sheetPr>\s*<\/sheetPr>|<sheetPr\s*\/>/, '')
    .replace(/<printOptions[^>]*\/>|<pageMargins[^>]*\/>|<pageSetup[^>]*\/>/g, '')
    .replace('</worksheet>', `${stripSetup(plan)}</worksheet>`);
}

/**
 * A sheet's print titles (header rows; in strips the TT and name columns too) and, in strips, its
 * print area: a range per strip, the later ones from the header down (the title lines belong to
 * the first strip).
 */
function printNames(l: AppendixLayout, i: number, name: string): string {
  const q = plainXml(`'${name.replace(/'/g, "''")}'`);
  const rows = `${q}!$${l.headerStart + 1}:$${l.firstRow}`;
  if (!l.print)
    return `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${rows}</definedName>`;
  const cols = `${q}!$A:$${colName(l.print.titleCols - 1)}`;
  const last = l.rows.length;
  const areas = l.print.ranges.map(
    ([a, b], k) => `${q}!$${colName(a)}$${k ? l.headerStart + 1 : 1}:$${colName(b - 1)}$${last}`,
  );
  return (
    `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${cols},${rows}</definedName>` +
    `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${areas.join(',')}</definedName>`
  );
}

function finishing(
  layouts: AppendixLayout[],
  written: AppendixSheetData[],
  names: string[],
): Feature<Blob> {
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (content, _o, { sheetIndex }) => {
            const l = layouts[sheetIndex];
            const xml = withBody(content, l, written[sheetIndex]);
            return l.print ? inStrips(xml, l.print.plan) : fitToWidth(xml);
          },
        },
        'xl/workbook.xml': {
          transform: (content) => {
            const titles = layouts.map((l, i) => printNames(l, i, names[i])).join('');
            return content
              .replace(
                /<definedNames\s*\/>|<definedNames>[\s\S]*?<\/definedNames>/,
                `<definedNames>${titles}</definedNames>`,
              )
              .replace(
                /<calcPr\s*\/>|<calcPr[^>]*\/>/,
                '<calcPr calcId="191029" fullCalcOnLoad="1"/>',
              );
          },
        },
      },
    },
  };
}

/** Writes the consolidated appendix and the submissions sheet; resolves with the file's bytes. */
export async function exportConsolidationXlsx(
  input: ConsolidationExportInput,
): Promise<{ bytes: Uint8Array; layout: AppendixLayout; names: string[] }> {
  const lang = input.lang ?? 'vi';
  const layout = layoutConsolidation(input);
  const list = layoutSubmissions(input.submissions, input.form.title, lang);
  const layouts = [layout, list];
  const names = lang === 'vi' ? ['Tổng hợp', 'Hồ sơ tiếp nhận'] : ['Consolidated', 'Submissions'];
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
  const blob = await writeXlsxFile(sheets, {
    fontFamily: 'Times New Roman',
    fontSize: 12,
    features: [finishing(layouts, written, names)],
  }).toBlob();
  return { bytes: new Uint8Array(await blob.arrayBuffer()), layout, names };
}
