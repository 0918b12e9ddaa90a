/** Total rows in a row: their blocks are counted before the checks build them (fuzz seed 5, mutant 4318). */
import { describe, expect, it } from 'vitest';
import { totalSegments } from '../domain/totalSegments';
import type { Row } from '../domain/types';
import { checkTotalRows, LimitError } from './limits';

const rows = (top: number, totals: number): Row[] => [
  ...Array.from({ length: top }, (_, i): Row => ({
    id: `p${i}`,
    kind: 'project',
    level: 0,
    cells: {},
  })),
  ...Array.from({ length: totals }, (_, i): Row => ({
    id: `t${i}`,
    kind: 'total',
    level: 0,
    cells: {},
  })),
];

describe('total rows', () => {
  it('refuses total rows whose blocks add up past the limit (each empty block is every row above)', () => {
    expect(() => checkTotalRows('S', rows(1_000, 3_000))).toThrow(LimitError);
    expect(() => checkTotalRows('S', rows(1_000, 3_000))).toThrow(
      "sheet 'S' has 3,000 total rows adding up 3,000,000 rows in all; Planbook reads at most 2,000,000",
    );
    expect(() => checkTotalRows('S', rows(2, 100_000))).not.toThrow();
  });

  it('finds the blocks of 100,000 total rows in a row in linear time', () => {
    const t = performance.now();
    const seg = totalSegments(rows(2, 100_000));
    expect(seg.size).toBe(100_000);
    expect(seg.get(100_001)).toEqual([0, 1]);
    expect(performance.now() - t).toBeLessThan(5_000);
  });
});
