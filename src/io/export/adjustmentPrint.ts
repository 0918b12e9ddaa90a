/**
 * The adjustment table as a printed form: row heights that show wrapped text whole (estimated from
 * Times New Roman's letter widths, on the safe side), and the page setup — A4 landscape, one page
 * wide or in strips of columns (printStrips.ts), the header rows and the TT and name columns
 * repeated on every page.
 */

import { colBreaksXml, type StripPlan } from './printStrips';

/** Widths of Times New Roman's letters, in em (a conservative reading of the font's metrics). */
const NARROW = new Set([..."fijlrtI.,;:!'|"]);
const WIDE = new Set([...'mwMW']);

/** Estimated width of a text in em (letters by their base form: accents do not widen them). */
export function textWidth(text: string, bold = false): number {
  let w = 0;
  for (const ch of text.normalize('NFD')) {
    if (ch >= '\u0300' && ch <= '\u036f') continue;
    if (ch === ' ') w += 0.25;
    else if (NARROW.has(ch)) w += 0.3;
    else if (WIDE.has(ch)) w += 0.85;
    else if (ch >= '0' && ch <= '9') w += 0.5;
    else if (ch === 'Đ' || ch === 'đ') w += ch === 'Đ' ? 0.72 : 0.5;
    else if (ch >= 'A' && ch <= 'Z') w += 0.7;
    else if (ch === '(' || ch === ')' || ch === '-') w += 0.34;
    else w += 0.47;
  }
  return w * (bold ? 1.08 : 1) * 1.03;
}

/** Points of text a column of `width` (Excel units: digits of the 12 pt default font) holds. */
export function columnPoints(width: number): number {
  // a digit of Times New Roman 12 pt is 8 px; 5 px of padding; 1 px = 0.75 pt
  return (width * 8 + 5 - 6) * 0.75;
}

/** Lines a text takes when wrapped at word breaks in `points` of width. */
export function wrappedLines(text: string, points: number, size: number, bold = false): number {
  let lines = 0;
  for (const para of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of para.split(' ').filter(Boolean)) {
      const w = textWidth(word, bold) * size;
      const gap = used ? 0.25 * size : 0;
      if (used && used + gap + w > points) {
        lines++;
        used = 0;
      }
      // a word longer than the line breaks where it must
      if (w > points) {
        lines += Math.ceil(w / points) - 1;
        used = w % points;
      } else used += (used ? gap : 0) + w;
    }
  }
  return lines;
}

/** Height in points of a row whose tallest cell has `lines` lines at `size` points. */
export function rowHeight(lines: number, size: number): number {
  return Math.ceil(lines * size * 1.22 + 5);
}

/**
 * Prints a worksheet A4 landscape, centred, as many pages tall as needed: one page wide when the
 * plan says so (`scale` null), else at the plan's scale in its strips of columns (`<colBreaks>`),
 * pages numbered across a band of rows before the next band (over, then down).
 */
export function printSetup(
  sheetXml: string,
  plan: StripPlan = { scale: null, breaks: [] },
): string {
  const fit = plan.scale === null;
  const pr = fit ? '<pageSetUpPr fitToPage="1"/>' : '';
  const withPr = /<sheetPr[\s>/]/.test(sheetXml)
    ? sheetXml.replace(/<sheetPr([^>]*)\/>/, `<sheetPr$1>${pr}</sheetPr>`)
    : sheetXml.replace(/(<worksheet[^>]*>)/, `$1<sheetPr>${pr}</sheetPr>`);
  const scale = fit
    ? 'fitToWidth="1" fitToHeight="0"'
    : `scale="${plan.scale}" pageOrder="overThenDown"`;
  const setup =
    '<printOptions horizontalCentered="1"/>' +
    '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="landscape" ${scale}/>` +
    colBreaksXml(plan.breaks);
  return withPr
    .replace(/<printOptions[^>]*\/>/, '')
    .replace(/<pageMargins[^>]*\/>/, '')
    .replace(/<pageSetup[^>]*\/>/, '')
    .replace(
      /(<\/mergeCells>|<\/sheetData>)(?![\s\S]*(<\/mergeCells>|<\/sheetData>))/,
      `$1${setup}`,
    );
}

/**
 * Print titles of the first sheet: rows `firstRow`..`rows` (1-based) and columns A..`lastColumn`
 * repeated on every page (Excel's `_xlnm.Print_Titles`).
 */
export function printTitles(
  workbookXml: string,
  sheet: string,
  rows: number,
  lastColumn: string,
  firstRow = 1,
): string {
  const q = `'${sheet.replace(/'/g, "''").replace(/&/g, '&amp;').replace(/</g, '&lt;')}'`;
  const name = `<definedName name="_xlnm.Print_Titles" localSheetId="0">${q}!$A:$${lastColumn},${q}!$${firstRow}:$${rows}</definedName>`;
  if (/<definedNames\s*\/>|<definedNames>[\s\S]*?<\/definedNames>/.test(workbookXml))
    return workbookXml.replace(
      /<definedNames\s*\/>|<definedNames>[\s\S]*?<\/definedNames>/,
      `<definedNames>${name}</definedNames>`,
    );
  return workbookXml.replace('</sheets>', `</sheets><definedNames>${name}</definedNames>`);
}
