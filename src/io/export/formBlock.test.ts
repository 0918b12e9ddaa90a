import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { evaluatedExport } from '../../../tests/support/evaluatedExport';
import { MOTTO } from '../../domain/formPrint';
import type { Workbook } from '../../domain/types';
import { PlanEngine } from '../../engine/engine';
import { readMeta } from '../appendix/meta';
import { parsePlanbook } from '../planbookFile';
import { readPlanFile } from '../readPlan';
import { layoutAppendix, type OutCell } from './appendixLayout';
import { splitColumn } from './formBlock';
import { rowHeight, wrappedLines } from './textFit';
import { totalLabel } from './xlsx';

function sample(): Workbook {
  const r = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
  if (!r.ok) throw new Error('sample');
  return r.workbook;
}

function layoutOf(wb: Workbook) {
  const e = new PlanEngine();
  e.loadWorkbook(wb);
  const sh = wb.sheets[0];
  return layoutAppendix(sh, wb.meta, e.values(sh.id), totalLabel('vi'));
}

const texts = (row: (OutCell | null)[]) => row.flatMap((c) => (c?.text ? [c.text] : []));

describe('the form around the table', () => {
  it('puts issuing body and motto side by side, the attachment naming the document type', () => {
    const wb = sample();
    wb.meta = { ...wb.meta, docType: 'Tờ trình', docNumber: '55/TTr-UBND' };
    const l = layoutOf(wb);
    // the sample prints in strips: the block lies over the first strip (appendixPrint.ts)
    const end = l.print!.ranges[0][1];
    const widths = l.widths.slice(0, end);
    const k = splitColumn(widths);
    expect(l.rows[0][0]).toMatchObject({ text: 'ỦY BAN NHÂN DÂN', bold: true, colSpan: k });
    expect(l.rows[0][k]).toMatchObject({ text: MOTTO, bold: true, colSpan: end - k });
    expect(l.rows[1][0]).toMatchObject({ text: 'TỈNH QUẢNG TRỊ', underline: true });
    expect(l.rows[1][k]).toMatchObject({ underline: true, bold: true });
    expect(l.rows[2][k]).toMatchObject({ italic: true });
    const head = l.rows.slice(0, l.headerStart).flatMap(texts);
    expect(head).toContain(
      '(Kèm theo Tờ trình số 55/TTr-UBND ngày 06/5/2011 của UBND tỉnh Quảng Trị)',
    );
    expect(head).toContain('Số: 55/TTr-UBND');
    // the left block takes about two fifths of the strip's width
    const total = widths.reduce((a, b) => a + b, 0);
    const left = widths.slice(0, k).reduce((a, b) => a + b, 0);
    expect(left / total).toBeGreaterThan(0.3);
    expect(left / total).toBeLessThan(0.5);
  });

  it('signs under the table on the right, and the body rows are as tall as their names', () => {
    const wb = sample();
    wb.meta = { ...wb.meta, signerTitle: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', signerName: 'Lê Hữu Thăng' };
    const l = layoutOf(wb);
    // under the right-hand part of the last print strip: the last page printed
    const [from] = l.print!.ranges[l.print!.ranges.length - 1];
    const k = from + splitColumn(l.widths.slice(from));
    const after = l.rows.slice(l.tableEnd);
    expect(after.flatMap(texts)).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Lê Hữu Thăng']);
    expect(after.every((r) => r.every((c, i) => !c?.text || i === k))).toBe(true);
    // heights: one per body row; a long wrapped name's row is taller than a short one's
    expect(l.heights).toHaveLength(l.rows.length - l.firstRow);
    const rowOf = (name: string) =>
      l.rows.findIndex((r, i) => i >= l.firstRow && r[1]?.text?.startsWith(name));
    const short = l.heights![rowOf('Dự án GIS cơ sở') - l.firstRow];
    const long = l.heights![rowOf('XD và triển khai hệ thống gửi') - l.firstRow];
    expect(short).toBe(rowHeight(1));
    expect(long).toBeGreaterThanOrEqual(rowHeight(4));
  });
});

describe('wrapped lines in Times New Roman', () => {
  it('counts words that fit, breaks long words, follows line breaks, size and bold', () => {
    expect(wrappedLines('Dự án GIS cơ sở (Giai đoạn 2)', 48)).toBe(1);
    expect(wrappedLines('a '.repeat(200), 48)).toBeGreaterThan(3);
    expect(wrappedLines('x'.repeat(100), 10)).toBeGreaterThanOrEqual(10);
    expect(wrappedLines('một\nhai\nba', 48)).toBe(3);
    const text = 'Hệ thống giao ban trực tuyến cho 05 đơn vị cấp huyện';
    expect(wrappedLines(text, 48)).toBe(1);
    expect(wrappedLines(text, 48, { size: 14, bold: true })).toBe(2);
    expect(wrappedLines(text.toUpperCase(), 48)).toBe(2);
    expect(rowHeight(1)).toBeGreaterThanOrEqual(16);
    expect(rowHeight(3)).toBeGreaterThan(rowHeight(2));
  });
});

describe('the form read back as a plain table (the hidden sheet gone, as after some edits)', () => {
  it('keeps title, number, date, place and issuing body apart from the header block', async () => {
    const wb = sample();
    const { out } = await evaluatedExport(wb);
    const book = XLSX.read(out.bytes, { type: 'array', cellFormula: true });
    const plain = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(plain, book.Sheets['Phụ lục'], 'Phụ lục');
    const bytes = XLSX.write(plain, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
    const back = readPlanFile('plain.xlsx', new Uint8Array(bytes)).workbook;
    expect(back.meta.title).toBe(wb.sheets[0].title);
    expect(back.meta).toMatchObject({
      issuingBody: 'UBND tỉnh Quảng Trị',
      docNumber: '1024/KH-UBND',
      docDate: '06/5/2011',
      unit: 'triệu đồng',
    });
    expect(back.sheets[0].rows.map((r) => r.cells.name).slice(0, 22)).toEqual(
      wb.sheets[0].rows.map((r) => r.cells.name),
    );
    // the lines alone: the second line of the issuing body, the number, the place and date
    const g = {
      name: 'x',
      rows: [
        ['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
        ['TỈNH QUẢNG TRỊ', 'Độc lập - Tự do - Hạnh phúc'],
        ['Số: 12/TTr-UBND', 'Quảng Trị, ngày 03 tháng 02 năm 2024'],
        ['Danh mục dự án'],
      ].map((r) => r.map((text) => ({ text }))),
    } as unknown as Parameters<typeof readMeta>[0];
    expect(readMeta(g, 4)).toMatchObject({
      issuingBody: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ',
      docNumber: '12/TTr-UBND',
      docDate: '03/2/2024',
      place: 'Quảng Trị',
      title: 'Danh mục dự án',
    });
  });
});
