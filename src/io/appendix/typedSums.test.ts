/**
 * A sheet typed as text whose figures alone cannot tell `1,200` English from Vietnamese: read in
 * the style under which the sums it states hold (its total row, its sections, the rules its labels
 * state), whatever the count of `61,600`-like figures says.
 */
import { describe, expect, it } from 'vitest';
import type { RawCell, RawGrid } from './grid';
import { readAppendix } from './reader';

const t = (text: string): RawCell => ({ text });

function grid(lines: [string, string, string][]): RawGrid {
  const rows = [[t('STT'), t('Nội dung'), t('Kế hoạch 2024')], ...lines.map((l) => l.map(t))];
  return { name: 'M01', rows, merges: [], lineOf: rows.map((_, i) => i + 1) };
}

const figures = (g: RawGrid) => readAppendix(g)!.sheet.rows.map((r) => r.cells.c2 ?? null);

describe('figures typed as text, the style chosen by the sums that hold', () => {
  it('English with two `1,200`-like figures: the total holds read so (was read 1.2)', () => {
    const g = grid([
      ['', 'Tổng số', '1,700'],
      ['1', 'Dự án A', '1,200'],
      ['2', 'Dự án B', '500'],
    ]);
    expect(figures(g)).toEqual([1700, 1200, 500]);
  });

  it('Vietnamese three-place decimals beside a plain `3`: read as decimals (was English)', () => {
    const g = grid([
      ['', 'Tổng số', '20,500'],
      ['I', 'Xây dựng', '17,500'],
      ['1', 'Dự án A', '12,500'],
      ['2', 'Dự án B', '5'],
      ['II', 'Ứng dụng', '3,000'],
      ['1', 'Dự án C', '1,250'],
      ['2', 'Dự án D', '1,750'],
    ]);
    expect(figures(g)).toEqual([20.5, 17.5, 12.5, 5, 3, 1.25, 1.75]);
  });

  it('the same English table with three grouped figures and a plain one: English, as before', () => {
    const g = grid([
      ['', 'Tổng số', '20,500'],
      ['I', 'Xây dựng', '17,500'],
      ['1', 'Dự án A', '12,500'],
      ['2', 'Dự án B', '5,000'],
      ['II', 'Ứng dụng', '3,000'],
      ['1', 'Dự án C', '1,250'],
      ['2', 'Dự án D', '1,750'],
      ['3', 'Dự án E', '0'],
    ]);
    expect(figures(g)).toEqual([20500, 17500, 12500, 5000, 3000, 1250, 1750, 0]);
  });

  it('the rule a label states is a sum: English by `C = A - B` (was read 1.7, 1.2)', () => {
    const g = grid([
      ['A', 'Tổng thu ngân sách', '1,700'],
      ['B', 'Tổng chi ngân sách', '1,200'],
      ['C', 'Kết dư ngân sách (C = A - B)', '500'],
    ]);
    expect(figures(g)).toEqual([1700, 1200, 500]);
  });

  it('Vietnamese by `C = B - A` beside three `61,600`-like figures and a plain one (was English)', () => {
    const g = (rule: string) =>
      grid([
        ['A', 'Tổng thu ngân sách', '12,500'],
        ['B', 'Tổng chi ngân sách', '17,500'],
        ['C', `Bội chi ngân sách (${rule})`, '5'],
        ['D', 'Chi trả nợ gốc', '2,000'],
      ]);
    expect(figures(g('C = B - A'))).toEqual([12.5, 17.5, 5, 2]);
    // a rule with a term named in words states no sum of the rows alone: English, as before
    expect(figures(g('C = B - A - kết dư'))).toEqual([12500, 17500, 5, 2000]);
  });
});
