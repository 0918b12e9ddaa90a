import { describe, expect, it } from 'vitest';
import { amountDecimals } from './display';
import { moneyText, readMoney } from './displayMoney';

describe('money in a display unit beside the grid', () => {
  it('shows figures of the plan’s unit in the display unit, rounded as the settings say', () => {
    const tỷ = moneyText('triệu đồng', { unit: 'tỷ đồng' }, 'vi');
    expect(tỷ(49850)).toBe('49,85');
    expect(tỷ(null)).toBe('');
    expect(moneyText('triệu đồng', { unit: 'tỷ đồng', decimals: 1 }, 'vi')(49850)).toBe('49,9');
    expect(moneyText('triệu đồng', undefined, 'vi')(49850)).toBe('49.850');
    expect(moneyText('triệu đồng', { unit: 'nghìn đồng' }, 'en')(1.5)).toBe('1,500');
  });

  it('shows a computed share to 2 decimals of the plan’s unit by default (as the .xlsx), a typed thousandth as typed, the stored figure untouched', () => {
    const share = 54500 / 3;
    expect(moneyText('triệu đồng', undefined, 'vi')(share)).toBe('18.166,67');
    expect(moneyText('triệu đồng', undefined, 'en')(share)).toBe('18,166.67');
    // in tỷ đồng the same hundredth of a triệu (5 decimals); in nghìn đồng whole numbers
    expect(moneyText('triệu đồng', { unit: 'tỷ đồng' }, 'vi')(share)).toBe('18,16667');
    expect(moneyText('triệu đồng', { unit: 'nghìn đồng' }, 'vi')(share)).toBe('18.166.667');
    // decimals the user chose win; typed figures with few decimals show as typed
    expect(moneyText('triệu đồng', { decimals: 6 }, 'vi')(share)).toBe('18.166,666667');
    expect(moneyText('triệu đồng', { decimals: 0 }, 'vi')(share)).toBe('18.167');
    expect(moneyText('triệu đồng', undefined, 'vi')(1.5)).toBe('1,5');
    expect(share).not.toBe(18166.667);
    expect(amountDecimals('triệu đồng', undefined)).toBe(2);
    // a figure exact at a thousandth (typed 1.234,567, 1.000 đồng) keeps it; 4 decimals do not
    expect(moneyText('triệu đồng', undefined, 'vi')(1234.567)).toBe('1.234,567');
    expect(moneyText('triệu đồng', undefined, 'vi')(1234.5678)).toBe('1.234,57');
    expect(moneyText('triệu đồng', undefined, 'vi')(1234.567 + 1.001)).toBe('1.235,568');
    expect(moneyText('triệu đồng', { unit: 'tỷ đồng' }, 'vi')(1234.567)).toBe('1,234567');
    expect(amountDecimals('đồng', { unit: 'tỷ đồng' })).toBe(6); // at most 6
    expect(amountDecimals('tỷ đồng', { unit: 'đồng' })).toBe(0);
    expect(amountDecimals('ha', undefined)).toBe(2);
  });

  it('reads a figure typed in the display unit back into the plan’s unit, without noise', () => {
    expect(readMoney('1,5', 'triệu đồng', { unit: 'tỷ đồng' })).toBe(1500);
    expect(readMoney('0,7', 'triệu đồng', { unit: 'tỷ đồng' })).toBe(700);
    expect(readMoney('11.000', 'triệu đồng', undefined)).toBe(11000);
    expect(readMoney('  ', 'triệu đồng', { unit: 'tỷ đồng' })).toBeNull();
    expect(readMoney('-', 'triệu đồng', { unit: 'tỷ đồng' })).toBeNull();
    expect(readMoney('abc', 'triệu đồng', undefined)).toEqual({ invalid: 'abc' });
    // these inputs take figures, not formulas
    expect(readMoney('=1+1', 'triệu đồng', undefined)).toEqual({ invalid: '=1+1' });
    // an unknown plan unit: no conversion
    expect(readMoney('2', 'USD', { unit: 'tỷ đồng' })).toBe(2);
  });
});
