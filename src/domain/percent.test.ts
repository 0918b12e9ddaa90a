import { describe, expect, it } from 'vitest';
import {
  formatPercent,
  percentAt,
  percentEditText,
  percentFormat,
  percentFormatDecimals,
} from './percent';
import type { Row } from './types';

describe('percent figures', () => {
  it('tells a percent number format and its decimals', () => {
    expect(percentFormatDecimals('0.0%')).toBe(1);
    expect(percentFormatDecimals('0%')).toBe(0);
    expect(percentFormatDecimals('0.00%')).toBe(2);
    expect(percentFormatDecimals('#,##0.00%;[Red]-#,##0.00%')).toBe(2);
    for (const f of ['#,##0', '#,##0.##', 'General', '"%"#,##0', '[$%-409]0', '0\\%', undefined])
      expect(percentFormatDecimals(f)).toBeUndefined();
    expect(percentFormat(1)).toBe('0.0%');
    expect(percentFormat(0)).toBe('0%');
  });

  it('shows a fraction as its percentage, at least the decimals the source printed', () => {
    expect(formatPercent(0.053, 'vi', 1)).toBe('5,3%');
    expect(formatPercent(0.05, 'vi', 1)).toBe('5,0%');
    expect(formatPercent(0.0564, 'vi', 0)).toBe('5,64%');
    expect(formatPercent(0.03496078431372549, 'vi', 1)).toBe('3,5%');
    expect(formatPercent(0.0690079348090225, 'en', 2)).toBe('6.90%');
    expect(formatPercent(12.5, 'vi', 0)).toBe('1.250%');
    expect(formatPercent(-0.1, 'en', 1)).toBe('-10.0%');
    expect(percentEditText(0.0534, 'vi')).toBe('5,34%');
  });

  it('finds a percent cell, and any cell of a ratio row holding one', () => {
    const row: Row = { id: 'r', kind: 'project', level: 1, cells: {}, percent: { a: 1 } };
    expect(percentAt(row, 'a')).toBe(1);
    expect(percentAt(row, 'b')).toBeUndefined();
    expect(percentAt({ ...row, part: 'ratio' }, 'b')).toBe(1);
    expect(percentAt({ ...row, percent: undefined, part: 'ratio' }, 'b')).toBeUndefined();
    expect(percentAt(undefined, 'a')).toBeUndefined();
  });
});
