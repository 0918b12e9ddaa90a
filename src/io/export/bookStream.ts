/**
 * A styled `.xlsx` written by Planbook itself, sheet by sheet and row by row into the zip: package
 * parts, each worksheet streamed (see sheetStream.ts), then the workbook (sheet names escaped, print
 * titles and areas, full recalculation on open, hidden sheets) and the styles found on the way.
 */
import { colName } from './appendixSheet';
import { type SheetOptions, SheetStream } from './sheetStream';
import { StyleBook } from './xlsxStyles';
import { plainXml } from './xmlText';
import { ZipWriter } from './zipWriter';

/** One sheet of the book: its name, set-up, and what writes its rows. */
export interface BookSheet {
  name: string;
  hidden?: boolean;
  /** Its part is stored, not compressed (its text is compressed data already). */
  stored?: boolean;
  options: SheetOptions;
  /** 1-based first and last row printed on every page. */
  printTitles?: [number, number];
  /** Leading columns printed on every page (a sheet printed in strips: TT and name). */
  printTitleCols?: number;
  /**
   * Printed in strips: each strip's own columns `[from, to)` as a print range of its own, the
   * later ones from 1-based row `fromRow` (their header: the title block above it belongs to the
   * first strip, and a range of its own keeps its cells out of the repeated TT and name columns).
   */
  stripAreas?: { ranges: [number, number][]; fromRow: number };
  /** Writes the rows (a long writer may pause: the book waits for it before the next sheet). */
  write(sheet: SheetStream): void | Promise<void>;
}

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

function contentTypes(n: number): string {
  const sheets = Array.from(
    { length: n },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets}</Types>`;
}

function workbookRels(n: number): string {
  const sheets = Array.from(
    { length: n },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets}<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`;
}

function workbookXml(sheets: BookSheet[], sizes: { rows: number; cols: number }[]): string {
  const quoted = (i: number) => plainXml(`'${sheets[i].name.replace(/'/g, "''")}'`);
  const titles = sheets
    .map((s, i) =>
      s.printTitles
        ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${s.printTitleCols ? `${quoted(i)}!$A:$${colName(s.printTitleCols - 1)},` : ''}${quoted(i)}!$${s.printTitles[0]}:$${s.printTitles[1]}</definedName>`
        : '',
    )
    .join('');
  // each visible sheet prints its own area (a hidden sheet is never printed)
  const areas = sheets
    .map((s, i) =>
      s.hidden
        ? ''
        : `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${printArea(s, quoted(i), sizes[i])}</definedName>`,
    )
    .join('');
  const list = sheets
    .map(
      (s, i) =>
        `<sheet name="${plainXml(s.name)}"${s.hidden ? ' state="hidden"' : ''} sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
    )
    .join('');
  const names = titles + areas;
  return `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>${list}</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`;
}

/** A sheet's print area: the whole sheet, or one range per strip. */
function printArea(s: BookSheet, q: string, size: { rows: number; cols: number }): string {
  const last = Math.max(1, size.rows);
  const range = (r0: number, c0: number, c1: number) =>
    `${q}!$${colName(c0)}$${r0}:$${colName(Math.max(c0, c1))}$${last}`;
  if (!s.stripAreas) return range(1, 0, size.cols - 1);
  const { ranges, fromRow } = s.stripAreas;
  return ranges.map(([a, b], k) => range(k === 0 ? 1 : fromRow, a, b - 1)).join(',');
}

/** Writes the sheets (Times New Roman 12); resolves with the file's bytes. */
export async function writeStreamedBook(sheets: BookSheet[]): Promise<Uint8Array> {
  const zip = new ZipWriter();
  const styles = new StyleBook();
  zip.file('[Content_Types].xml', contentTypes(sheets.length));
  zip.file(
    '_rels/.rels',
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
  const sizes: { rows: number; cols: number }[] = [];
  for (const [i, s] of sheets.entries()) {
    const out = new SheetStream(
      zip.part(`xl/worksheets/sheet${i + 1}.xml`, s.stored),
      styles,
      s.options,
    );
    await s.write(out);
    out.end();
    sizes.push({ rows: out.rows, cols: out.cols });
  }
  zip.file('xl/workbook.xml', workbookXml(sheets, sizes));
  zip.file('xl/styles.xml', styles.xml());
  return zip.finish();
}
