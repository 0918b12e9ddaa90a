/**
 * A sheet typed as text whose figures alone cannot tell `1,200` English from Vietnamese: read in
 * the style under which the sums it states hold (its total row, its sections), whatever the count
 * of `61,600`-like figures says.
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
});
