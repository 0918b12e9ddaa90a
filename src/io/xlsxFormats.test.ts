import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { knownText } from './xlsxFormats';

/** Formats that shortcut SSF (every one must), then formats it must leave to SSF. */
const KNOWN = [
  'General',
  'general',
  '#,##0',
  '0',
  '#,##0;[Red]\\-#,##0',
  '#,##0;\\-#,##0',
  '#,##0;-#,##0',
  '0;[Red]0',
  '#,##0;(#,##0)',
  '#,##0;[Blue](#,##0)',
  '0;-0',
  '0;#,##0',
];
const LEFT = [
  '0.00',
  '#,##0.00',
  '#,##0;(#,##0',
  '#,##0;-#,##0;"-"',
  '[Red]#,##0;0',
  'm/d/yy',
  '@',
];

let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
const INTS = [
  0,
  1,
  -1,
  7,
  -12,
  999,
  -999,
  1000,
  -1000,
  61600,
  -61600,
  1234567,
  -(2 ** 31),
  2 ** 31,
];
for (let i = 0; i < 300; i++) INTS.push(Math.round(rand() * 10 ** (1 + (i % 14))) || 0);
const OTHER = [1.5, -0.25, 123456.789, 'abc', '', '61.600', true, false];

describe('knownText', () => {
  it('gives what SSF gives, for every value of the formats it knows', () => {
    for (const fmt of KNOWN)
      for (const v of [...INTS, ...OTHER]) {
        const known = knownText(fmt === 'General' ? 0 : 164, fmt, v);
        if (known !== undefined) expect([fmt, v, known]).toEqual([fmt, v, XLSX.SSF.format(fmt, v)]);
      }
  });

  it('knows whole numbers in the formats a plan uses (SheetJS not needed for them)', () => {
    for (const fmt of KNOWN)
      for (const v of INTS)
        if ((v | 0) === v || !/general/i.test(fmt))
          // General: whole numbers beyond 32 bits go to SSF
          expect(knownText(164, fmt, v), `${fmt} ${v}`).toBeDefined();
    expect(knownText(0, 'General', 'Dự án A')).toBe('Dự án A');
    expect(knownText(164, '#,##0;[Red]\\-#,##0', -61600)).toBe('-61,600');
    expect(knownText(164, '#,##0;(#,##0)', -61600)).toBe('(61,600)');
  });

  it('leaves other formats and fractions to SSF', () => {
    for (const fmt of LEFT) expect(knownText(164, fmt, 1234), fmt).toBeUndefined();
    expect(knownText(164, '#,##0', 1.5)).toBeUndefined();
    expect(knownText(164, '#,##0', -0)).toBeUndefined();
    expect(knownText(164, '#,##0', 1e16)).toBeUndefined();
    expect(knownText(0, 'General', 0.1)).toBeUndefined();
  });
});
