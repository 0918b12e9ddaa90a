import { describe, expect, it } from 'vitest';
import type { ComparedColumn } from '../domain/compareColumns';
import { compareFigures } from './compareFigures';

const amount: ComparedColumn = {
  key: 'y2013',
  year: 2013,
  source: 'ĐTPT',
  label: '2013',
  amount: true,
  b: { kind: 'leaf', id: 'y2013_dtpt', label: '2013', role: 'amount' },
};
const quantity: ComparedColumn = {
  key: 'q',
  year: null,
  source: null,
  label: 'Số lượng',
  amount: false,
  b: { kind: 'leaf', id: 'q', label: 'Số lượng', role: 'value', additive: false },
};

describe('a comparison’s figures in the unit the sheet shows', () => {
  it('converts money to tỷ đồng and says so; the plan’s unit when the sheet shows its own', () => {
    const tỷ = compareFigures('triệu đồng', { unit: 'tỷ đồng' }, 'vi');
    expect(tỷ.unit).toBe('tỷ đồng');
    expect(tỷ.cell(amount, 1000)).toBe('1');
    expect(tỷ.cell(amount, 1500)).toBe('1,5');
    expect(tỷ.money(49850)).toBe('49,85');
    // a figure that is not money, and a text, as they are
    expect(tỷ.cell(quantity, 1500)).toBe('1.500');
    expect(tỷ.cell(amount, '=A1')).toBe('=A1');
    expect(tỷ.cell(amount, null)).toBe('');
    const own = compareFigures('triệu đồng', undefined, 'vi');
    expect(own.unit).toBe('triệu đồng');
    expect(own.cell(amount, 1500)).toBe('1.500');
  });
});
