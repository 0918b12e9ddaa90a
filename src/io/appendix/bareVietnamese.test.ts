/**
 * Vietnamese typed without diacritics is not an English line (rowKinds.ts): a department without a
 * Vietnamese keyboard writes `Bac Trung Bo Va`; the bilingual MoF tables' English lines stay English.
 */
import { describe, expect, it } from 'vitest';
import { isBareVietnamese, isEnglishLine } from './rowKinds';

describe('a line without diacritics', () => {
  it('is Vietnamese when every word is a Vietnamese syllable, a figure or an abbreviation', () => {
    for (const t of [
      'Bac Trung Bo Va',
      'GIA LAI',
      'Chia ra',
      'Truong THPT Dong Ha',
      'Xay dung UBND xa Trieu Do 2021-2025',
      'Nang cap ha tang cua',
      'Duyen Hai Mien Trung',
    ]) {
      expect(isBareVietnamese(t), t).toBe(true);
      expect(isEnglishLine(t), t).toBe(false);
    }
  });

  it('is English otherwise (the English lines of the MoF tables)', () => {
    for (const t of [
      'Domestic revenues',
      'Oil revenues',
      'TOTAL REVENUES',
      'OIL AND GAS',
      'Of which',
      'State budget',
      'Capital expenditure',
      'Revenue from land',
      'Interest payment',
    ])
      expect(isEnglishLine(t), t).toBe(true);
  });

  it('needs two syllables: a lone word proves nothing', () => {
    expect(isBareVietnamese('Loan')).toBe(false);
    expect(isBareVietnamese('Tong')).toBe(false);
  });
});
