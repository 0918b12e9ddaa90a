/** The adjustment table's .xlsx recalculates in LibreOffice to the figures Planbook computed. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SOFFICE, toCsv } from '../../tests/support/libreoffice';
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

/** Converts an .xlsx to PDF with LibreOffice; the PDF's path. */
function toPdf(file: string): string {
  const out = mkdtempSync(join(tmpdir(), 'planbook-adj-pdf-'));
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${mkdtempSync(join(tmpdir(), 'lo-pdf-'))}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      out,
      file,
    ],
    { stdio: 'pipe', timeout: 180_000 },
  );
  return join(out, basename(file).replace(/\.xlsx$/, '.pdf'));
}

/** The text of a PDF's page (all pages when none), in drawing order. */
const pdfText = (pdf: string, page?: number) =>
  execFileSync('pdftotext', [
    '-raw',
    ...(page ? ['-f', String(page), '-l', String(page)] : []),
    pdf,
    '-',
  ]).toString('utf8');
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('the adjustment table as a printed form', () => {
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
    return { file, table, out };
  };

  it('prints the sample pair on one A4 landscape page, every name and header whole', async () => {
    const { file, table, out } = await write(
      load('quang-tri-a.planbook'),
      load('quang-tri-b.planbook'),
    );
    const files = unzipSync(out.bytes);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet).toMatch(/<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
    expect(sheet).toMatch(
      /<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/,
    );
    expect(strFromU8(files['xl/workbook.xml'])).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Biểu điều chỉnh'!$A:$B,'Biểu điều chỉnh'!$1:$${out.firstRow}</definedName>`,
    );
    const pdf = toPdf(file);
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.\d+ pts \(A4\)/);
    // LibreOffice draws only the lines a cell shows: a name cut by its row height would be missing
    const text = squeeze(pdfText(pdf));
    for (const r of table.rows) expect(text, r.name).toContain(squeeze(r.name));
    for (const h of [
      'Tên dự án',
      'Đơn vị thực hiện',
      'Kế hoạch đã giao',
      'Kế hoạch sau điều chỉnh',
    ])
      expect(text).toContain(squeeze(h));
  });

  it('prints a long table one page wide, the title block and header rows on every page', async () => {
    const { generatePlan } = await import('../domain/generate');
    const a = generatePlan({ projects: 150, years: 3 });
    const b = structuredClone(a);
    for (const r of b.sheets[0].rows)
      if (r.kind === 'project')
        r.cells.name = `${String(r.cells.name)} — nâng cấp, mở rộng và hoàn thiện hệ thống thông tin, cơ sở dữ liệu chuyên ngành giai đoạn 2`;
    const { file, table } = await write(a, b);
    const pdf = toPdf(file);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
    expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p++) {
      const text = squeeze(pdfText(pdf, p));
      expect(text, `page ${p}`).toContain(squeeze('BIỂU ĐIỀU CHỈNH KẾ HOẠCH'));
      expect(text, `page ${p}`).toContain(squeeze('Kế hoạch sau điều chỉnh'));
    }
    const all = squeeze(pdfText(pdf));
    for (const r of table.rows) expect(all, r.name).toContain(squeeze(r.name));
    // one page wide: every page is A4 landscape and no project's figures start a page of their own
    expect(execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), pdf]).toString()).not.toMatch(
      /size:\s+595/,
    );
  });
});
