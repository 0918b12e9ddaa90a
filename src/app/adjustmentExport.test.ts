/**
 * The adjustment table's .xlsx recalculates in LibreOffice to the figures Planbook computed, and
 * prints readable: in strips of whole years at 70 % or more when one page wide would be smaller.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../tests/support/libreoffice';
import { pageText, pdfInfo, pdfWords, type PdfWord, toPdf } from '../../tests/support/pdf';
import { blankBand, codeColumns, printSetupOf } from '../../tests/support/printedStrips';
import type { AdjustmentTable } from '../domain/adjustment';
import { generatePlan } from '../domain/generate';
import type { Workbook } from '../domain/types';
import { exportAdjustmentXlsx } from '../io/export/adjustmentXlsx';
import { parsePlanbook } from '../io/planbookFile';
import { compareWorkbooks, sideOf } from './comparison';

const load = (f: string): Workbook => {
  const r = parsePlanbook(readFileSync(`fixtures/compare/${f}`, 'utf8'));
  if (!r.ok) throw new Error(f);
  return r.workbook;
};

/** 0-based column index of an A1 address's letters. */
const colIndex = (ref: string) =>
  [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

describe('the adjustment table export', () => {
  it('writes formulas with their values; LibreOffice recalculates every one to the same figure', async () => {
    const { comparison, table } = compareWorkbooks(
      sideOf('Kế hoạch đã giao', load('quang-tri-a.planbook')),
      sideOf('Điều chỉnh 2013', load('quang-tri-b.planbook')),
    );
    const out = await exportAdjustmentXlsx({
      table,
      title: 'Kế hoạch ứng dụng CNTT tỉnh Quảng Trị 2011–2015',
      before: comparison.a,
      after: comparison.b,
      unit: 'triệu đồng',
    });
    const xml = strFromU8(unzipSync(out.bytes)['xl/worksheets/sheet1.xml']);
    expect(xml).toMatch(/<pane ySplit="7"/);
    // 18 project rows × (11 "after" rules + 3 row sums) + 4 section and total rows × 44 sums
    expect(out.formulas.size).toBe(18 * 14 + 4 * 44);
    const file = join(mkdtempSync(join(tmpdir(), 'planbook-adj-')), 'bieu-dieu-chinh.xlsx');
    writeFileSync(file, out.bytes);
    for (const recalc of [false, true]) {
      const rows = toCsv(file, recalc).get('Biểu điều chỉnh')!;
      let checked = 0;
      for (const [ref, value] of out.formulas) {
        const r = Number(/\d+$/.exec(ref)![0]) - 1;
        const shown = Number(rows[r][colIndex(ref)].replace(/,/g, ''));
        expect(shown, `${ref} (${recalc ? 'recalculated' : 'cached'})`).toBeCloseTo(value, 6);
        checked++;
      }
      expect(checked).toBe(out.formulas.size);
    }
    // the grand total row: assigned, increase, decrease, after over everything
    const last = table.columns.length;
    expect(table.total[last]).toEqual([
      comparison.totals.before,
      1750,
      500,
      comparison.totals.after,
    ]);
  });
});

const squeeze = (s: string) => s.replace(/\s+/g, '');

const write = async (a: Workbook, b: Workbook) => {
  const { comparison, table } = compareWorkbooks(sideOf('Đã giao', a), sideOf('Điều chỉnh', b));
  const out = await exportAdjustmentXlsx({
    table,
    title: 'Kế hoạch ứng dụng CNTT tỉnh Quảng Trị 2011–2015',
    before: comparison.a,
    after: comparison.b,
    unit: 'triệu đồng',
  });
  const file = join(mkdtempSync(join(tmpdir(), 'planbook-adj-')), 'bieu-dieu-chinh.xlsx');
  writeFileSync(file, out.bytes);
  const files = unzipSync(out.bytes);
  return { file, table, out, files, sheet: strFromU8(files['xl/worksheets/sheet1.xml']) };
};

/** The year of each figure column (1-based number → year; the total group's as 'total'). */
const yearOf = (table: AdjustmentTable, column: number) =>
  table.columns[Math.floor((column - 4) / 4)]?.year ?? 'total';

/** The columns (1-based) each strip prints, from the sheet's column breaks; TT and name repeated. */
function strips(breaks: number[], width: number): number[][] {
  const ends = [...breaks, width];
  const range = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => from + i + 1);
  return ends.map((end, i) => (i === 0 ? range(0, end) : [1, 2, ...range(breaks[i - 1], end)]));
}

/** Height of the header word "Tên" on page 1 (its type's size as printed), in points. */
const nameHeight = (words: PdfWord[]) => {
  const w = words.find((x) => x.page === 1 && x.text === 'Tên')!;
  return w.yMax - w.yMin;
};

/**
 * The file's PDF checked as strips: pages = strips × bands, numbered over then down; each page
 * prints its strip's columns — TT and name, whole years only — and the header; the title block
 * prints on the first page only. The printed scale (type height against a copy at 100 %).
 */
function checkStrips(
  file: string,
  table: AdjustmentTable,
  breaks: number[],
): { scale: number; text: string } {
  const pdf = toPdf(file);
  const info = pdfInfo(pdf);
  expect(Math.round(info.width)).toBe(842);
  const width = 3 + (table.columns.length + 1) * 4;
  const want = strips(breaks, width);
  expect(info.pages % want.length).toBe(0);
  const words = pdfWords(pdf);
  const seen = new Set<number>();
  for (let p = 1; p <= info.pages; p++) {
    const codes = codeColumns(words, p);
    expect(codes, `page ${p}`).toEqual(want[(p - 1) % want.length]);
    codes.forEach((c) => seen.add(c));
    expect(codes.slice(0, 2), `page ${p}: TT and name`).toEqual([1, 2]);
    // every year on the page is whole: all its sources' four figures
    const years = new Map<unknown, number>();
    for (const c of codes.filter((c) => c > 3))
      years.set(yearOf(table, c), (years.get(yearOf(table, c)) ?? 0) + 1);
    for (const [year, n] of years) {
      const all = Array.from({ length: width - 3 }, (_, i) => i + 4);
      expect(n, `page ${p}, ${String(year)}`).toBe(
        all.filter((c) => yearOf(table, c) === year).length,
      );
    }
    const text = squeeze(pageText(pdf, p));
    for (const h of ['TT', 'Tên dự án', 'Kế hoạch', 'Điều chỉnh', 'sau điều', 'đã giao'])
      expect(text, `page ${p}`).toContain(squeeze(h));
    // nothing drawn above the header but on page 1 (the title block); row 5's labels are its top
    const labels = words.filter((w) => w.page === p && /^(20\d\d|Tổng)$/.test(w.text));
    const top = Math.min(...labels.map((w) => w.yMin)) - 6;
    expect(blankBand(pdf, p, 0, top), `page ${p}: blank above the header`).toBe(p !== 1);
  }
  expect(seen.size).toBe(width);
  // the scale as printed: the header's type against the same file printed at 100 %
  const files = unzipSync(readFileSync(file));
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
  files['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace(/scale="\d+"/, 'scale="100"'));
  const full = file.replace(/\.xlsx$/, '-100.xlsx');
  writeFileSync(full, zipSync(files));
  // the names as read in drawing order (pdftotext -raw: a wrapped name's lines one after another)
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
  return { scale: nameHeight(words) / nameHeight(pdfWords(toPdf(full))), text: squeeze(text) };
}

describe('the adjustment table as a printed form', () => {
  it('prints the sample pair in strips of whole years at 70 % or more, TT and name on every strip', async () => {
    const { file, table, sheet, files } = await write(
      load('quang-tri-a.planbook'),
      load('quang-tri-b.planbook'),
    );
    // 47 columns: one page wide printed them at ~26 %; 5 strips (2011 … 2015 + total) at 75 %
    expect(sheet).not.toContain('fitToPage');
    expect(sheet).toMatch(
      /<pageSetup paperSize="9" orientation="landscape" scale="75" pageOrder="overThenDown"\/>/,
    );
    const py = printSetupOf(file);
    expect(py).toMatchObject({
      titleCols: '$A:$B',
      titleRows: '$5:$7',
      colBreaks: [11, 19, 27, 35],
      scale: 75,
      fitToPage: false,
      pageOrder: 'overThenDown',
    });
    expect(strFromU8(files['xl/workbook.xml'])).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Biểu điều chỉnh'!$A:$B,'Biểu điều chỉnh'!$5:$7</definedName>`,
    );
    // the title block is centred over the first strip, not the whole table
    expect(sheet).toContain('<mergeCell ref="A1:K1"/>');
    const { scale, text } = checkStrips(file, table, py.colBreaks);
    expect(scale).toBeGreaterThanOrEqual(0.7);
    expect(scale).toBeCloseTo(0.75, 1);
    for (const r of table.rows) expect(text, r.name).toContain(squeeze(r.name));
  }, 300_000);

  it('prints a long table in strips, over then down, the header rows on every page', async () => {
    const a = generatePlan({ projects: 150, years: 3 });
    const b = structuredClone(a);
    for (const r of b.sheets[0].rows)
      if (r.kind === 'project')
        r.cells.name = `${String(r.cells.name)} — nâng cấp, mở rộng và hoàn thiện hệ thống thông tin, cơ sở dữ liệu chuyên ngành giai đoạn 2`;
    const { file, table } = await write(a, b);
    const py = printSetupOf(file);
    // 3 years × 2 sources + total: 2021 | 2022 | 2023 + total
    expect(py.colBreaks).toEqual([11, 19]);
    expect(py.scale).toBeGreaterThanOrEqual(70);
    const { scale, text } = checkStrips(file, table, py.colBreaks);
    expect(scale).toBeCloseTo(py.scale! / 100, 2);
    for (const r of table.rows) expect(text, r.name).toContain(squeeze(r.name));
  }, 300_000);

  it('keeps a table that fits one page wide at 85 % or more one page wide, every name and header whole', async () => {
    const a = generatePlan({ projects: 12, years: 1, sources: ['ĐTPT'] });
    const b = structuredClone(a);
    for (const r of b.sheets[0].rows)
      if (r.kind === 'project') r.cells.name = `${String(r.cells.name)} (điều chỉnh)`;
    const { file, table, sheet, out, files } = await write(a, b);
    expect(sheet).toMatch(/<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
    expect(sheet).toMatch(
      /<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/,
    );
    expect(sheet).not.toContain('colBreaks');
    expect(strFromU8(files['xl/workbook.xml'])).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Biểu điều chỉnh'!$A:$B,'Biểu điều chỉnh'!$1:$${out.firstRow}</definedName>`,
    );
    const pdf = toPdf(file);
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(1);
    expect(Math.round(info.width)).toBe(842);
    const text = squeeze(pageText(pdf, 1));
    for (const r of table.rows) expect(text, r.name).toContain(squeeze(r.name));
    expect(codeColumns(pdfWords(pdf), 1)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
  }, 300_000);
});
