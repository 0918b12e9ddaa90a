import { describe, expect, it } from 'vitest';
import { amountsEqual, clean, formatAmount, parseAmount } from './numbers';

describe('parseAmount', () => {
  it.each([
    ['61.600', 61600],
    ['1,5', 1.5],
    ['1.000,5', 1000.5],
    ['1000.5', 1000.5],
    ['1 500', 1500],
    ['1,500.25', 1500.25],
    ['1.500.000', 1500000],
    ['3.500', 3500],
    ['0.5', 0.5],
    ['-200', -200],
    ['(200)', -200],
    ['  42 ', 42],
    ['1.5', 1.5],
  ])('reads %s as %d', (text, value) => {
    expect(parseAmount(text)).toBe(value);
  });

  it('follows an explicit style', () => {
    expect(parseAmount('1,500', 'en')).toBe(1500);
    expect(parseAmount('1,500', 'vi')).toBe(1.5);
    expect(parseAmount('1.5', 'vi')).toBeNull();
  });

  it.each(['abc', '', '1.2.3,4,5', '12a', '=1+2', '1..2', '--'])('refuses %s', (text) => {
    expect(parseAmount(text)).toBeNull();
  });
});

describe('formatting and tolerance', () => {
  it('formats in Vietnamese style', () => {
    expect(formatAmount(15800)).toBe('15.800');
    expect(formatAmount(1.5)).toBe('1,5');
    expect(formatAmount(0.1 + 0.2)).toBe('0,3');
    expect(formatAmount(15800, 'en')).toBe('15,800');
  });
  it('ignores floating noise', () => {
    expect(amountsEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(amountsEqual(1, 1.001)).toBe(false);
    expect(clean(0.1 + 0.2)).toBe(0.3);
  });
});
