/**
 * The shown texts of a grid's rows (grid.ts `rowShown`), made once per row and kept: every text is
 * the one the old `cellText` gave, a row replaced by a copy is read again, and the store is kept
 * out of the grid's keys (a grid compares, copies and spreads as before).
 */
import { describe, expect, it } from 'vitest';
import { cellText as cellTextBefore } from '../../../tests/support/readingBefore/grid';
import { cellText, type RawCell, type RawGrid, rowShown } from './grid';

const cell = (text: string): RawCell => ({ text });

function grid(): RawGrid {
  const holey: RawCell[] = [];
  holey[0] = cell('\u00a0x\u3000y');
  holey[2] = cell('  ');
  return {
    name: 'Phụ lục',
    rows: [
      [cell(' Dự  án\tA '), cell(''), cell('61.600'), { text: undefined as unknown as string }],
      [],
      holey,
    ],
    merges: [],
    lineOf: [1, 2, 3],
  };
}

describe('rowShown', () => {
  it('gives every cell the text cellText gave, by column, past the row end too', () => {
    const g = grid();
    const before = grid();
    for (let r = -1; r < 5; r++)
      for (let c = -1; c < 6; c++) {
        expect(cellText(g, r, c), `${r},${c}`).toBe(cellTextBefore(before, r, c));
        expect(rowShown(g, r)[c] ?? '', `${r},${c}`).toBe(cellTextBefore(before, r, c));
      }
    expect(rowShown(g, 0)).toEqual(['Dự án A', '', '61.600', '']);
    expect(rowShown(g, 9)).toEqual([]);
  });

  it('makes a row once, and again when the row is replaced by another array', () => {
    const g = grid();
    const first = rowShown(g, 0);
    expect(rowShown(g, 0)).toBe(first);
    g.rows[0] = [cell('khác  nhau')];
    expect(rowShown(g, 0)).toEqual(['khác nhau']);
    g.rows = [[cell(' mới ')]];
    expect(cellText(g, 0, 0)).toBe('mới');
  });

  it('keeps the store out of the grid: keys, copies and equality are as before', () => {
    const g = grid();
    rowShown(g, 0);
    expect(Object.keys(g)).toEqual(Object.keys(grid()));
    expect(g).toStrictEqual(grid());
    const copy = { ...g, rows: [[cell('b')]] };
    expect(cellText(copy, 0, 0)).toBe('b');
    expect(cellText(g, 0, 0)).toBe('Dự án A');
    expect(JSON.stringify(g)).toBe(JSON.stringify(grid()));
  });

  it('reads a frozen grid (nothing kept)', () => {
    const g = Object.freeze(grid());
    expect(cellText(g, 2, 0)).toBe('x y');
    expect(rowShown(g, 0)).not.toBe(rowShown(g, 0));
  });
});
