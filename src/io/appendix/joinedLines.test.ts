/**
 * A label split over lines is joined, but only over a few lines: a damaged file repeating one
 * lower-case line 100,000 times used to be joined into one label in quadratic time (20 s at 20,000
 * lines); past the bound the lines are rows of their own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../readPlan';

const TAIL = '-\tthông tin, tích hợp website các sở, ban, ngành và các địa phương trong tỉnh';

function withTail(n: number): Uint8Array {
  const lines = readFileSync('fixtures/quang-tri-2011-2015-appendix.tsv', 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('Tổng vốn đầu tư phát triển'));
  lines.splice(at, 0, ...Array<string>(n).fill(TAIL));
  return new TextEncoder().encode(lines.join('\n'));
}

describe('labels split over lines', () => {
  it('joins a tail line to the label above it (no row of its own)', () => {
    const rows = (n: number) => readPlanFile('p.tsv', withTail(n)).workbook.sheets[0].rows;
    expect(rows(1)).toHaveLength(rows(0).length);
    expect(rows(3)).toHaveLength(rows(0).length);
  });

  it('joins at most 8 lines to one label; a repeated line 5,000 times stays linear', () => {
    const rows = readPlanFile('p.tsv', withTail(5_000)).workbook.sheets[0].rows;
    const longest = Math.max(...rows.map((r) => String(r.cells.name ?? '').length));
    expect(longest).toBeLessThan(12 * TAIL.length);
    expect(rows.length).toBeGreaterThan(5_000 / 9);
  });

  it('joins a numbered name over two lines with its figures on the third; past 8 lines, not', () => {
    const lines = (tail: number) =>
      [
        'STT\tTên dự án\tNăm 2024',
        '1\tXây dựng hệ thống',
        ...Array<string>(tail).fill('\tthông tin quản lý'),
        '\tvăn bản điều hành\t1200',
        '2\tDự án B\t300',
      ].join('\n');
    const rows = (tail: number) =>
      readPlanFile('p.tsv', new TextEncoder().encode(lines(tail))).workbook.sheets[0].rows;
    expect(rows(1).map((r) => [r.cells.name, r.cells.y2024_total])).toEqual([
      ['Xây dựng hệ thống thông tin quản lý văn bản điều hành', 1200],
      ['Dự án B', 300],
    ]);
    // the figures 9 lines below their number: the name lines are joined, the figures' line not
    expect(rows(8).map((r) => r.cells.y2024_total ?? null)).toEqual([null, 1200, 300]);
  });
});
