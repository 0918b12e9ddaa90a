/**
 * `planbook export` with and without `--keep-stated` on the seed's appendix (Quảng Trị 2011–2015,
 * the raw text copied out of the published PDF): section 1 states 36.300 for its total investment,
 * its projects add up to 41.300. Files read back by openpyxl and recalculated by LibreOffice.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../tests/support/libreoffice';
import { type PyBook, type PySheet, readWithOpenpyxl } from '../../tests/support/openpyxl';
import { runCli } from './main';

const SEED = 'fixtures/quang-tri-2011-2015-appendix.tsv';
const SHEET = 'quang-tri-2011-2015-appendix';
const dir = mkdtempSync(join(tmpdir(), 'planbook-stated-'));

function sheetOf(book: PyBook, name: string): PySheet {
  if (!book.ok) throw new Error(book.error);
  const s = book.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

const at = (s: PySheet, ref: string) => s.cells.find((c) => c.ref === ref)?.value ?? null;

/** Rows of a sheet as texts (column letter → value), in order. */
function rowsOf(s: PySheet): Map<number, Map<string, string | number | boolean | null>> {
  const out = new Map<number, Map<string, string | number | boolean | null>>();
  for (const c of s.cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(c.ref)!;
    const r = Number(m[2]);
    if (!out.has(r)) out.set(r, new Map());
    out.get(r)!.set(m[1], c.value);
  }
  return out;
}

describe('planbook export: stated figures that differ from their rows', () => {
  it('writes the formulas and lists every replaced figure (36.300 → 41.300); --keep-stated keeps 36.300', async () => {
    const plain = join(dir, 'formulas.xlsx');
    const kept = join(dir, 'kept.xlsx');
    const a = await runCli(['export', SEED, '-o', plain]);
    const b = await runCli(['export', SEED, '-o', kept, '--keep-stated']);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    // never silent: the command says what it did with them
    expect(a.stdout).toMatch(
      /20 stated figure\(s\) differ .* replaced by formulas: O11 36,300 → 41,300/,
    );
    expect(b.stdout).toMatch(/20 stated figure\(s\) differ .* kept as stated \(--keep-stated\)/);

    const [fa, fb] = readWithOpenpyxl([plain, kept]);
    const pa = sheetOf(fa, SHEET);
    const pb = sheetOf(fb, SHEET);
    // section 1 (row 11, under the form's header block), Tổng mức đầu tư (column O: no computed "(tính)" column before it)
    expect(at(pa, 'B11')).toBe('Xây dựng cơ sở hạ tầng thông tin');
    expect(at(pa, 'O8')).toBe('Tổng mức đầu tư');
    expect(at(pa, 'O11')).toBe('=SUM(O12:O17)');
    expect(at(pb, 'O11')).toBe(36300);
    for (const s of [pa, pb])
      expect(s.cells.some((c) => typeof c.value === 'string' && c.value.includes('(tính)'))).toBe(
        false,
      );
    // one Tổng cộng row: the plan's own, last
    for (const s of [pa, pb]) {
      const names = s.cells.filter((c) => c.ref.startsWith('B')).map((c) => c.value);
      expect(names.filter((n) => n === 'Tổng cộng')).toHaveLength(1);
      expect(names.at(-1)).toBe('Tổng cộng');
    }

    // the check sheets list the stated figures: replaced, or kept
    const listed = (book: PyBook) =>
      [...rowsOf(sheetOf(book, 'Kiểm tra')).values()].filter((r) =>
        /^'quang-tri-2011-2015-appendix'!/.test(String(r.get('B') ?? '')),
      );
    const ra = listed(fa);
    const rb = listed(fb);
    expect(ra).toHaveLength(20);
    expect(rb).toHaveLength(20);
    const o8 = ra.find((r) => r.get('B') === "'quang-tri-2011-2015-appendix'!O11")!;
    expect(o8.get('C')).toBe('Công thức');
    expect(o8.get('G')).toBe(36300);
    expect(o8.get('H')).toBe(41300);
    expect(o8.get('J')).toBe('36.300 → 41.300');
    expect(rb.find((r) => r.get('B') === "'quang-tri-2011-2015-appendix'!O11")!.get('C')).toBe(
      'Giữ số ghi',
    );
    const titles = (book: PyBook) =>
      sheetOf(book, 'Kiểm tra')
        .cells.map((c) => c.value)
        .filter((v) => typeof v === 'string' && v.startsWith('SỐ LIỆU GHI'));
    expect(titles(fa)[0]).toMatch(/ĐÃ THAY BẰNG CÔNG THỨC.*\(20\)$/);
    expect(titles(fb)[0]).toMatch(/ĐƯỢC GIỮ NGUYÊN.*\(20\)$/);

    // LibreOffice, recalculating: the formulas give 41.300; the kept figure stays 36.300
    const ca = toCsv(plain, true).get(SHEET)!;
    const cb = toCsv(kept, true).get(SHEET)!;
    expect(ca[10][14]).toBe('41300');
    expect(cb[10][14]).toBe('36300');
    // the plan's Tổng cộng row is live: 2011 over both sources, as its rows add up
    const last = ca.findIndex((r) => r[1] === 'Tổng cộng');
    expect(ca[last][4]).toBe('9100');
    expect(cb[cb.findIndex((r) => r[1] === 'Tổng cộng')][4]).toBe('11150');
    writeFileSync(join(dir, 'done'), '');
  }, 180_000);
});
