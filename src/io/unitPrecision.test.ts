/**
 * The same table in another unit or precision says the same (h187): in đồng (figures ×1,000,000,
 * rounded to the million as the triệu table printed them), figures stored with more decimals than
 * their `#,##0` shows, a ratio row's `0.0%` beside the amounts. A rounding of display is no error;
 * a real one is still found.
 */
import './sheetJsEager';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../cli/check';
import type { RawCell, RawGrid } from './appendix/grid';
import { readGrids } from './readPlan';

const fig = (v: number, format = '#,##0'): RawCell => ({
  text: v.toLocaleString('en-US', { maximumFractionDigits: 6 }),
  value: v,
  format,
});
const txt = (text: string): RawCell => ({ text, value: text });

/** A region and its provinces (figures per line: total, then two parts), in `unit`. */
function grid(unit: string, lines: [string, string, ...RawCell[]][]): RawGrid {
  const rows: RawCell[][] = [
    [txt('BIỂU CÂN ĐỐI DỰ TOÁN NĂM 2026')],
    [txt(''), txt(''), txt(''), txt(`Đơn vị tính: ${unit}`)],
    [txt('STT'), txt('Tên tỉnh'), txt('Tổng số'), txt('Đầu tư'), txt('Thường xuyên')],
    ...lines.map(([no, name, ...cells]) => [txt(no), txt(name), ...cells]),
  ];
  return { name: 'S', rows, merges: [], lineOf: rows.map((_, i) => i + 1) };
}

const errors = (g: RawGrid) =>
  checkWorkbook('S', readGrids('S', [g]))
    .sheets.flatMap((s) => s.findings)
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.rule}|${f.label}|${f.expected}|${f.actual}`);

/** The triệu table ×`k` (printed to the million: 26,939,138 stated over parts adding to …139). */
const provinces = (k: number, stated = 26939138) =>
  grid(k === 1 ? 'triệu đồng' : 'đồng', [
    ['I', 'MIỀN NÚI PHÍA BẮC', fig(stated * k), fig(10000000 * k), fig(16939138 * k)],
    ['1', 'Hà Giang', fig(12000000 * k), fig(4000000 * k), fig(8000000 * k)],
    ['2', 'Cao Bằng', fig(8000000 * k), fig(3000000 * k), fig(5000000 * k)],
    ['3', 'Lạng Sơn', fig(6939139 * k), fig(3000001 * k), fig(3939138 * k)],
  ]);

describe('a table in đồng converted from triệu', () => {
  it('keeps the million rounding the triệu table had: no error from it', () => {
    expect(errors(provinces(1))).toEqual([]);
    expect(errors(provinces(1e6))).toEqual([]);
  });

  it('still finds a real error, as in triệu', () => {
    const triệu = errors(provinces(1, 26949138));
    expect(triệu.length).toBeGreaterThan(0);
    expect(errors(provinces(1e6, 26949138)).length).toBe(triệu.length);
  });

  it('figures in đồng to the đồng keep the đồng precision (a gap of a million is an error)', () => {
    const g = (stated: number) =>
      grid('đồng', [
        ['I', 'MIỀN NÚI PHÍA BẮC', fig(stated), fig(9000000001), fig(11001234565)],
        ['1', 'Hà Giang', fig(12000234567), fig(5000000001), fig(7000234566)],
        ['2', 'Cao Bằng', fig(8000000000), fig(4000000000), fig(4000000000)],
        ['3', 'Lạng Sơn', fig(999999), fig(0), fig(999999)],
      ]);
    expect(errors(g(20001234566))).toEqual([]);
    expect(errors(g(20002234566)).length).toBeGreaterThan(0);
  });
});

describe('figures stored with more decimals than `#,##0` prints', () => {
  /** Parts stored half a unit off what they print (shares computed by formulas). */
  const shares = (stated: number) =>
    grid('triệu đồng', [
      ['I', 'MIỀN NÚI PHÍA BẮC', fig(stated), fig(11), fig(7)],
      ['1', 'Hà Giang', fig(6.5), fig(3.5), fig(2.5)],
      ['2', 'Cao Bằng', fig(5.5), fig(3.4999), fig(2.4999)],
      ['3', 'Lạng Sơn', fig(4.5), fig(2.5), fig(1.5)],
    ]);

  it('reads the printed table (7 + 6 + 5 = 18 for 19) and the stored one (16.5) as no error', () => {
    // printed: 7, 6, 5 add to 18 (the stated 19 within their rounding); stored: 16.5
    expect(errors(shares(19))).toEqual([]);
  });

  it('still finds a figure off beyond both readings', () => {
    expect(errors(shares(21)).some((e) => e.startsWith('section-total|'))).toBe(true);
  });
});

describe("a ratio row's `0.0%` beside amounts", () => {
  it('leaves the amounts their own decimals: a balance off by a rounding is no error', () => {
    const g = grid('tỷ đồng', [
      ['A', 'TỔNG THU', fig(740500), fig(494600), fig(245900)],
      ['B', 'TỔNG CHI', fig(880700.5), fig(300000.4), fig(580700.1)],
      ['C', 'BỘI CHI NGÂN SÁCH (C=B-A)', fig(140200), fig(-194600), fig(334800)],
      ['', 'Tỷ lệ bội chi so GDP', fig(0.048, '0.0%'), txt(''), txt('')],
    ]);
    expect(errors(g)).toEqual([]);
  });
});
