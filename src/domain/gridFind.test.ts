/** Find in a plain grid sheet. */
import { describe, expect, it } from 'vitest';
import { findInGrid } from './gridFind';
import type { GridSheet } from './types';

const g: GridSheet = {
  kind: 'grid',
  id: 'g1',
  name: 'Đối chiếu',
  cells: [
    ['Nguồn', 'Số tiền'],
    ['Ngân sách Trung ương', 61600],
    ['NSĐP', 250],
    ['Cộng', '=SUM(B2:B3)'],
  ],
};
const values = (r: number, c: number) => (r === 3 && c === 1 ? 61850 : null);

describe('find in a plain sheet', () => {
  it('finds texts with diacritics folded, and figures as typed in either style', () => {
    expect(findInGrid(g, 'trung uong', values)).toEqual([{ r: 1, c: 0 }]);
    expect(findInGrid(g, 'nsđp', values)).toEqual([{ r: 2, c: 0 }]);
    for (const q of ['61600', '61.600', '61,600'])
      expect(findInGrid(g, q, values)).toEqual([{ r: 1, c: 1 }]);
  });

  it("finds a formula's value and its text; nothing for a blank query", () => {
    expect(findInGrid(g, '61.850', values)).toEqual([{ r: 3, c: 1 }]);
    expect(findInGrid(g, 'sum(', values)).toEqual([{ r: 3, c: 1 }]);
    expect(findInGrid(g, '  ', values)).toEqual([]);
  });
});
