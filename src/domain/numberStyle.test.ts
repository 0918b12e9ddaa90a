/** One number style a sheet: the figures that decide it, and the ones that cannot. */
import { describe, expect, it } from 'vitest';
import { sheetNumberStyle, styleLeftToSums, sumsHolding } from './numberStyle';

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

describe('the sums the table states decide what the figures cannot', () => {
  const sum = (total: string | number, ...terms: (string | number)[]) => ({
    total,
    terms: terms.map((figure) => ({ sign: 1 as const, figure })),
  });

  it('English where the sums hold read so, though fewer than three `61,600` show', () => {
    const texts = ['1,700', '1,200', '500'];
    expect(sheetNumberStyle(texts)).toBe('auto');
    expect(sheetNumberStyle(texts, [sum('1,700', '1,200', '500')])).toBe('en');
  });

  it('Vietnamese three-place decimals beside a plain `3`: the sums win over the count', () => {
    const texts = ['20,500', '12,500', '3,250', '1,750', '3'];
    expect(sheetNumberStyle(texts)).toBe('en');
    expect(sheetNumberStyle(texts, [sum('20,500', '12,500', '3,250', '1,750', '3')])).toBe('vi');
    // a stored number in a sum is read as itself
    const stored = sum('12,500', 7, '4,000', '1,500');
    expect(sheetNumberStyle(['12,500', '4,000', '1,500', '9'], [stored])).toBe('vi');
  });

  it('sums holding in both styles (all `1,500`-like) leave the count to decide', () => {
    const all = sum('7,000', '1,500', '2,000', '3,500');
    expect(sheetNumberStyle(['7,000', '1,500', '2,000', '3,500'], [all])).toBe('auto');
    expect(sheetNumberStyle(['7,000', '1,500', '2,000', '3,500', '192'], [all])).toBe('en');
    // as many sums hold each way: no decision from them
    const en = sum('1,700', '1,200', '500');
    const vi = sum('20,500', '12,500', '3,250', '1,750', '3');
    expect(sheetNumberStyle(['1,700', '1,200', '500'], [en, vi])).toBe('auto');
  });

  it('figures only one style writes still decide before the sums', () => {
    expect(sheetNumberStyle(['1.234.567', '1,200', '500'], [sum('1,700', '1,200', '500')])).toBe(
      'vi',
    );
  });

  it('percentages vote: `12,5%` for the decimal comma, `12.5%` for the point', () => {
    expect(sheetNumberStyle(['61,600', '431,057', '104,302', '192', '12,5%'])).toBe('vi');
    expect(sheetNumberStyle(['61,600', '12.5%'])).toBe('en');
    // a percentage in the thousands is not written: `12,500%` is 12.5 %
    expect(sheetNumberStyle(['61,600', '12,500%'])).toBe('vi');
    // a whole percentage is no plain whole figure of the count
    expect(sheetNumberStyle(['431,057', '380,785', '104,302', '5%'])).toBe('auto');
  });

  it('leaves the style to the sums only when figures read differently and none decides', () => {
    expect(styleLeftToSums(['61,600', '192'])).toBe(true);
    expect(styleLeftToSums(['1.234', '192'])).toBe(true);
    expect(styleLeftToSums(['192', '5'])).toBe(false);
    expect(styleLeftToSums(['61,600', '1,234,567'])).toBe(false);
    expect(sumsHolding([sum('1,700', '1,200', '500')], 'en')).toBe(1);
    expect(sumsHolding([sum('1,700', '1,200', '500')], 'vi')).toBe(0);
    // a total off by the rounding of its terms holds, as the checks hold it
    expect(sumsHolding([sum('15,802', '9,500', '6,303')], 'en')).toBe(1);
    expect(sheetNumberStyle(['15,802', '9500', '6303'], [sum('15,802', '9500', '6303')])).toBe(
      'en',
    );
  });
});
