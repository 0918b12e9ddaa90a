/**
 * A wide appendix and a wide consolidation as LibreOffice prints them (PDF, read by poppler): one
 * strip of years after the other, every page with the TT and name columns and the header, no page
 * with more than a strip's columns, the type at the plan's scale, the title block on the first
 * page and the signature after the last row on the last.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { evaluatedExport } from '../../../tests/support/evaluatedExport';
import {
  pageText,
  pdfInfo,
  pdfWords,
  type PdfWord,
  toPdf,
  toPng,
} from '../../../tests/support/pdf';
import { wideConsolidation } from '../../../tests/support/wideConsolidation';
import { MOTTO } from '../../domain/formPrint';
import type { Workbook } from '../../domain/types';
import { parsePlanbook } from '../planbookFile';

const dir = mkdtempSync(join(tmpdir(), 'planbook-strips-pdf-'));
const squeeze = (s: string) => s.replace(/\s+/g, '');

function sample(): Workbook {
  const r = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
  if (!r.ok) throw new Error('sample');
  return r.workbook;
}

/** Writes `bytes` and prints it; the PDF's path and the file's. */
function printed(bytes: Uint8Array, name: string): { pdf: string; file: string } {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, bytes);
  return { pdf: toPdf(file), file };
}

/** The same file printed at 100 % (the strips kept): what the type's height is compared to. */
function atFullSize(file: string): string {
  const files = unzipSync(readFileSync(file));
  const xml = strFromU8(files['xl/worksheets/sheet1.xml']);
  files['xl/worksheets/sheet1.xml'] = strToU8(xml.replace(/scale="\d+"/, 'scale="100"'));
  const full = file.replace(/\.xlsx$/, '-100.xlsx');
  writeFileSync(full, zipSync(files));
  return toPdf(full);
}

/** Height of the first word `text` on `page`, in points. */
const heightOf = (words: PdfWord[], text: string, page = 1) => {
  const w = words.find((x) => x.page === page && x.text === text)!;
  return w.yMax - w.yMin;
};

/** How often `word` is printed on `page`. */
const count = (words: PdfWord[], page: number, word: string) =>
  words.filter((w) => w.page === page && w.text === word).length;

describe('a wide table printed in strips (LibreOffice PDF)', () => {
  it('prints the sample appendix in two strips of years at 76 %, each page with TT, name and header', async () => {
    const { out } = await evaluatedExport(sample());
    const { pdf, file } = printed(out.bytes, 'sample');
    const info = pdfInfo(pdf);
    expect(Math.round(info.width)).toBe(842); // A4 landscape
    const texts = Array.from({ length: info.pages }, (_, i) => squeeze(pageText(pdf, i + 1)));
    const reportAt = texts.findIndex((t) => t.includes(squeeze('BÁO CÁO KIỂM TRA')));
    const pages = texts.slice(0, reportAt);
    // two strips, two pages each: strip 1 (2011, 2012) down, then strip 2 (2013 … 2015) down
    expect(pages).toHaveLength(4);
    const words = pdfWords(pdf);
    pages.forEach((t, k) => {
      const p = k + 1;
      for (const h of ['TT', 'Tên dự án', 'Nhu cầu vốn đầu tư'])
        expect(t, `page ${p}: ${h}`).toContain(squeeze(h));
      const years = ['2011', '2012', '2013', '2014', '2015'].filter((y) => count(words, p, y) > 0);
      expect(years, `page ${p}`).toEqual(p <= 2 ? ['2011', '2012'] : ['2013', '2014', '2015']);
      // no page prints more than its strip's figure columns: two or three years of two sources
      expect(count(words, p, 'DTPT') + count(words, p, 'SN'), `page ${p}`).toBe(p <= 2 ? 4 : 6);
      expect(t.includes(squeeze('Đơn vị phối hợp')), `page ${p}`).toBe(p <= 2);
      expect(t.includes(squeeze('Ghi chú')), `page ${p}`).toBe(p > 2);
      // the title block on the first page only, the signature after the last row of the last
      expect(t.includes(squeeze(MOTTO)), `page ${p}: motto`).toBe(p === 1);
      expect(t.includes(squeeze('ĐVT: triệu đồng')), `page ${p}: unit`).toBe(p === 1);
      expect(t.includes(squeeze('TM. ỦY BAN NHÂN DÂN')), `page ${p}: signature`).toBe(p === 4);
    });
    // every project's name whole on the pages of each strip (-raw: a wrapped name's lines in turn)
    const raw = (from: number, to: number) =>
      squeeze(
        execFileSync('pdftotext', ['-raw', '-f', `${from}`, '-l', `${to}`, pdf, '-'], {
          encoding: 'utf8',
        }).normalize('NFC'),
      );
    const [first, second] = [raw(1, 2), raw(3, 4)];
    for (const r of sample().sheets[0].rows.filter((x) => x.kind === 'project')) {
      const name = squeeze(String(r.cells.name));
      expect(first.includes(name), name).toBe(true);
      expect(second.includes(name), name).toBe(true);
    }
    // the type as printed: 76 % of the same file at 100 %, never under 70 %
    const scale = heightOf(words, 'Tên') / heightOf(pdfWords(atFullSize(file)), 'Tên');
    expect(scale).toBeGreaterThanOrEqual(0.7);
    expect(scale).toBeCloseTo(0.76, 1);
    toPng(pdf, join(dir, 'sample'), 50);
    // the docs' screenshot: the second strip's first page (docs/printed-strips-3.png)
    if (process.env.PLANBOOK_DOCS) toPng(pdf, 'docs/printed-strips', 70);
  }, 300_000);

  it('prints a consolidation of five years one year a strip, the total and notes on the last', async () => {
    const x = await wideConsolidation([2026, 2027, 2028, 2029, 2030]);
    const { pdf } = printed(x.bytes, 'consolidation');
    const info = pdfInfo(pdf);
    expect(Math.round(info.width)).toBe(842);
    const words = pdfWords(pdf);
    const texts = Array.from({ length: info.pages }, (_, i) => squeeze(pageText(pdf, i + 1)));
    const listAt = texts.findIndex((t) => t.includes(squeeze('DANH SÁCH HỒ SƠ TIẾP NHẬN')));
    expect(listAt).toBe(6); // six strips of one page each, then the submissions sheet
    for (let p = 1; p <= 6; p++) {
      const t = texts[p - 1];
      for (const h of [
        'TT',
        'Tên dự án, nhiệm vụ',
        'Sở Y tế',
        'TỔNG CỘNG',
        'Phần mềm quản lý văn bản',
      ])
        expect(t, `page ${p}: ${h}`).toContain(squeeze(h));
      const years = [2026, 2027, 2028, 2029, 2030].filter((y) => t.includes(`Năm${y}`));
      expect(years, `page ${p}`).toEqual(p <= 5 ? [2025 + p] : []);
      // a year's two sources × three figures at most: no page squeezes in more columns
      // (page 1 also prints the "Đơn vị đề xuất" column)
      expect(count(words, p, 'xuất'), `page ${p}`).toBe(p === 1 ? 3 : p <= 5 ? 2 : 1);
      expect(t.includes('Ghichú'), `page ${p}`).toBe(p === 6);
      expect(t.includes(squeeze('ĐVT: triệu đồng')), `page ${p}`).toBe(p === 1);
    }
    // every page's type at the same readable size as the first's
    const h1 = heightOf(words, 'TT', 1);
    for (let p = 2; p <= 6; p++) expect(heightOf(words, 'TT', p)).toBeCloseTo(h1, 1);
  }, 300_000);
});
