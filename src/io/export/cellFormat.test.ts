import { describe, expect, it } from 'vitest';
import { lookKey } from './appendixSheet';
import { figureFormat } from './cellFormat';

describe('a money cell’s format in the .xlsx (the grid’s rule, domain/display figureDecimals)', () => {
  it('writes at most 2 decimals, a thousandth with its third, a whole figure whole', () => {
    expect(figureFormat('#,##0.##', 1234.5678)).toBe('#,##0.##');
    expect(figureFormat('#,##0.##', 1234.567)).toBe('#,##0.###');
    expect(figureFormat('#,##0.##', 1234.567 + 1.001)).toBe('#,##0.###'); // a sum of thousandths
    expect(figureFormat('#,##0.##', 54500 / 3)).toBe('#,##0.##');
    expect(figureFormat('#,##0.##', 61600)).toBe('#,##0');
    expect(figureFormat('#,##0.##', 1.5)).toBe('#,##0.##');
    expect(figureFormat('#,##0', 1234.567)).toBe('#,##0');
  });

  it('gives a thousandth a look of its own (its style is not a two-decimal figure’s)', () => {
    const cell = (number: number) => ({ kind: 'project' as const, numeric: true, number });
    expect(lookKey(cell(1234.567), 8)).not.toBe(lookKey(cell(1234.5678), 8));
    expect(lookKey(cell(1234.5678), 8)).toBe(lookKey(cell(18166.67), 8));
    // 1,001 is whole at 2 decimals but not at 3: it keeps its thousandth, a look apart from 1's
    expect(figureFormat('#,##0.##', 1.001)).toBe('#,##0.###');
    expect(lookKey(cell(1.001), 8)).not.toBe(lookKey(cell(1), 8));
    expect(lookKey(cell(1234.567), 8)).toBeLessThan(2 ** 31); // the looks are an Int32Array
  });
});
