/** One number style a sheet: the figures that decide it, and the ones that cannot. */
import { describe, expect, it } from 'vitest';
import { sheetNumberStyle } from './numberStyle';

describe('the number style of a sheet typed as text', () => {
  it('English when a figure can only be English (`1,234,567`, `1,234.5`, `1.5`)', () => {
    expect(sheetNumberStyle(['61,600', '1,234,567'])).toBe('en');
    expect(sheetNumberStyle(['61,600', '(1,234.5)'])).toBe('en');
    expect(sheetNumberStyle(['61,600', '1.5'])).toBe('en');
  });

  it('Vietnamese when a figure can only be Vietnamese (`1.234.567`, `1,5`, `0,750`)', () => {
    expect(sheetNumberStyle(['61.600', '1.234.567'])).toBe('vi');
    expect(sheetNumberStyle(['12,500', '1,5'])).toBe('vi');
    expect(sheetNumberStyle(['12,500', '3,250', '1,750', '0,750', '5'])).toBe('vi');
  });

  it('only `61,600` and plain whole figures: English (`#,##0`); none plain: left to auto', () => {
    expect(sheetNumberStyle(['431,057', '380,785', '104,302', '192', '500'])).toBe('en');
    // three-place decimals everywhere (a `0.000` format) with no whole figure: read as Vietnamese
    expect(sheetNumberStyle(['12,500', '3,250', '1,750'])).toBe('auto');
    expect(sheetNumberStyle(['61,600', '192'])).toBe('auto');
  });

  it('mixed evidence decides nothing', () => {
    expect(sheetNumberStyle(['1,234,567', '1.234.567'])).toBe('auto');
    expect(sheetNumberStyle([])).toBe('auto');
  });
});
