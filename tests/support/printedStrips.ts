/**
 * A table printed in strips of columns, as LibreOffice's PDF shows it: the column codes a page
 * prints (its code row), whether a band of the page is blank (rendered to pixels: poppler draws
 * what a page shows, where pdftotext also lists text the page clips), and the print setup openpyxl
 * reads back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PYTHON } from './openpyxl';
import type { PdfWord } from './pdf';

/**
 * The 1-based column numbers of a page's code row (the row of `1`, `2`, … `7=4+5-6`), read from
 * its words: the row of the first "after" code (`k=a+b-c`).
 */
export function codeColumns(words: PdfWord[], page: number): number[] {
  const on = words.filter((w) => w.page === page);
  const rule = on.find((w) => /^\d+=\d+\+\d+-\d+$/.test(w.text));
  if (!rule) return [];
  return on
    .filter((w) => Math.abs(w.yMin - rule.yMin) < 1 && /^\d+(=\d+\+\d+-\d+)?$/.test(w.text))
    .map((w) => Number(/^\d+/.exec(w.text)![0]))
    .sort((a, b) => a - b);
}

/**
 * Whether the page's band from `top` to `bottom` (points from the page's top) prints no ink: the
 * page rendered in grey at 40 dpi, every pixel of the band white.
 */
export function blankBand(pdf: string, page: number, top: number, bottom: number): boolean {
  const dpi = 40;
  const px = (pt: number) => Math.floor((pt * dpi) / 72);
  const out = join(mkdtempSync(join(tmpdir(), 'planbook-band-')), 'band');
  execFileSync('pdftoppm', [
    ...['-f', `${page}`, '-l', `${page}`, '-r', `${dpi}`, '-gray', '-singlefile'],
    ...['-y', `${px(top)}`, '-H', `${Math.max(1, px(bottom) - px(top))}`],
    pdf,
    out,
  ]);
  const pgm = readFileSync(`${out}.pgm`);
  // P5 header: magic, width, height, maxval, each followed by whitespace
  let at = 0;
  for (let fields = 0; fields < 4; fields++) {
    while (/\s/.test(String.fromCharCode(pgm[at]))) at++;
    while (!/\s/.test(String.fromCharCode(pgm[at]))) at++;
  }
  return pgm.subarray(at + 1).every((v) => v > 250);
}

/** A sheet's print setup as openpyxl reads it. */
export interface PyPrint {
  titleCols: string | null;
  titleRows: string | null;
  colBreaks: number[];
  scale: number | null;
  fitToPage: boolean;
  pageOrder: string | null;
}

/** The first sheet's print titles, column breaks, scale and fit as openpyxl reads them. */
export function printSetupOf(file: string): PyPrint {
  const script = String.raw`
import json, sys, warnings
import openpyxl
warnings.simplefilter('ignore')
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
pr = ws.sheet_properties.pageSetUpPr
print(json.dumps({
  'titleCols': ws.print_title_cols, 'titleRows': ws.print_title_rows,
  'colBreaks': [b.id for b in ws.col_breaks.brk], 'scale': ws.page_setup.scale,
  'fitToPage': bool(pr and pr.fitToPage), 'pageOrder': ws.page_setup.pageOrder,
}))
`;
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as PyPrint;
}
