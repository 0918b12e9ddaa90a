import { describe, expect, it } from 'vitest';
import { balanceRows, namesBalance } from './balanceRows';
import { grandTotalMeaningful } from './grandTotal';
import type { ColumnLeaf, Row } from './types';

const col: ColumnLeaf = {
  kind: 'leaf',
  id: 'x',
  label: 'x',
  type: 'amount',
} as unknown as ColumnLeaf;
const row = (id: string, name: string, x: number): Row =>
  ({ id, kind: 'project', level: 0, cells: { name, x } }) as unknown as Row;

/** The rule found for the last row of a three-row block `a`, `b`, balance (one figure each). */
function ruleOf(a: string, b: string, balance: string): string | undefined {
  // figures where no shape of the block follows (so only the labels' meaning can decide)
  const rows = [row('a', `${a} NSĐP`, 100), row('b', `${b} NSĐP`, 130), row('c', balance, 45)];
  return balanceRows(rows, [col], new Map()).rules.get(2)?.text;
}

describe('balance labels, read by the one label reader (quantityLabels.ts)', () => {
  it('names the balances that restate a difference: deficit, surplus, difference', () => {
    for (const l of [
      'Bội chi NSĐP',
      'BỘI THU',
      'Thặng dư ngân sách',
      'Chênh lệch thu chi',
      'Vay bù đắp bội chi',
      '2. Bội chi',
    ])
      expect({ l, b: namesBalance(l) }).toEqual({ l, b: true });
    // a balance of another kind, and words that fold to one
    for (const l of ['Cân đối NSĐP', 'Kết dư ngân sách', 'Nguồn bù đắp', 'Dự án', 'Bồi chi phí'])
      expect({ l, b: namesBalance(l) }).toEqual({ l, b: false });
  });

  it('reads the blocks of a deficit with their tones: a library is no revenue', () => {
    // `Tổng chi` − `Tổng thu`: the deficit's meaning, certain (same budget, NSĐP)
    expect(ruleOf('Tổng thu', 'Tổng chi', 'Bội chi NSĐP')).toBeDefined();
    // `Thư viện` folds to `thu vien`: the fold read it as revenue and took a rule
    expect(ruleOf('Thư viện', 'Tổng chi', 'Bội chi NSĐP')).toBeUndefined();
    // `Chi cục` is a body, not spending
    expect(ruleOf('Tổng thu', 'Chi cục thuế', 'Bội chi NSĐP')).toBeUndefined();
  });

  it('agrees with the grand total on what a balance is', () => {
    // `Tổng bội chi`: the grand total read past `Tổng`, the fold did not
    const rows = [row('a', 'Tổng thu', 1), row('b', 'II. Tổng bội chi', 1)];
    expect(grandTotalMeaningful(rows)).toBe(false);
    expect(namesBalance('II. Tổng bội chi')).toBe(true);
  });
});
