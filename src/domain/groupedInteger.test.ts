import { describe, expect, it } from 'vitest';
import { groupedInteger } from './groupedInteger';
import { formatAmount } from './numbers';
import { prng as random } from './generate';

/** What formatAmount wrote before the fast path: Intl alone. */
function intl(n: number, lang: 'vi' | 'en'): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
    maximumFractionDigits: 6,
    useGrouping: true,
  }).format(n);
}

describe('groupedInteger', () => {
  const edges = [
    0,
    1,
    -1,
    9,
    10,
    99,
    100,
    999,
    1000,
    -1000,
    9999,
    10000,
    99999,
    100000,
    999999,
    1000000,
    -1234567,
    2 ** 31,
    -(2 ** 31),
    Number.MAX_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER,
  ];

  it('writes whole amounts exactly as Intl does, in both languages', () => {
    const next = random(20);
    const cases = [...edges];
    for (let k = 0; k < 5000; k++) {
      const digits = 1 + Math.floor(next() * 16);
      const n = Math.floor(next() * 10 ** digits) * (next() < 0.3 ? -1 : 1);
      if (Number.isSafeInteger(n) && !Object.is(n, -0)) cases.push(n);
    }
    for (const n of cases)
      for (const lang of ['vi', 'en'] as const) {
        expect(formatAmount(n, lang)).toBe(intl(n, lang));
        expect(groupedInteger(n, lang === 'vi' ? '.' : ',')).toBe(intl(n, lang));
      }
  });

  it('leaves to Intl what it does not write: fractions, -0, huge and odd numbers', () => {
    for (const n of [-0, 0.5, -1.25, 2 ** 53, 1e21, -1e300, NaN, Infinity, -Infinity]) {
      expect(groupedInteger(n, '.')).toBeNull();
      for (const lang of ['vi', 'en'] as const) expect(formatAmount(n, lang)).toBe(intl(n, lang));
    }
  });
});
