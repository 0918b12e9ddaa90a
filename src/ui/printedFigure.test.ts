import { describe, expect, it } from 'vitest';
import { printedText } from './printedFigure';

describe('a figure on the printed form as the .xlsx shows it', () => {
  it('prints a column’s #,##0.## with at most two decimals, #,##0 whole', () => {
    const c = { kind: 'project' as const, numeric: true, number: 1234.5678 };
    expect(printedText(c, '#,##0.##', 'vi')).toBe('1.234,57');
    expect(printedText(c, '#,##0.##', 'en')).toBe('1,234.57');
    expect(printedText({ ...c, number: 61600 }, '#,##0', 'vi')).toBe('61.600');
    // a formula's computed value, in the column's format
    const f = { kind: 'section' as const, numeric: true, formula: '=SUM(E2:E3)', value: 2 / 3 };
    expect(printedText(f, '#,##0.##', 'vi')).toBe('0,67');
    // a figure exact at a thousandth keeps it, as the export's #,##0.### and the grid show it
    expect(printedText({ ...f, value: 0.125 }, '#,##0.##', 'vi')).toBe('0,125');
    expect(printedText({ ...c, number: 1234.567 }, '#,##0.##', 'vi')).toBe('1.234,567');
  });

  it('a percent cell prints its percentage; a text or a number in a text column as it is', () => {
    const p = { kind: 'project' as const, numeric: true, number: 0.053, format: '0.0%' };
    expect(printedText(p, '#,##0', 'vi')).toBe('5,3%');
    expect(printedText({ kind: 'project', text: 'Sở Nội vụ' }, '@', 'vi')).toBe('Sở Nội vụ');
    expect(printedText({ kind: 'project', number: 12.5 }, '@', 'vi')).toBe('12,5');
  });
});
