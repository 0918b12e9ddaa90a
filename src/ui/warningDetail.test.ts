/**
 * The several-figures warning quoted its figures as the cells' texts joined English-style
 * ("(3.000, 7.000)", or "(3000, 7000)"): in the app they are written as it writes figures elsewhere
 * (formatAmount: `3.000; 7.000` in Vietnamese, where `,` is the decimal mark).
 */
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../io/readPlan';
import { translator } from './i18n';
import { warningDetail } from '../app/previewWarnings';

const tsv = (a: string, b: string) =>
  `TT\tTên dự án\tNăm 2021\t\tGhi chú\n1\tDự án A\t${a}\t${b}\t\n2\tDự án B\t1.500\t\t\n`;
const warningOf = (text: string) =>
  readPlanFile('x.tsv', new TextEncoder().encode(text)).warnings.find(
    (w) => w.code === 'ambiguousFigure',
  )!;

describe('the several-figures warning in the app', () => {
  it('lists the figures read, in the app’s number format', () => {
    const w = warningOf(tsv('3000', '7000,5'));
    expect(w.figures).toEqual([3000, 7000.5]);
    expect(warningDetail(w, 'vi')).toBe('3.000; 7.000,5');
    expect(warningDetail(w, 'en')).toBe('3,000, 7,000.5');
    expect(translator('vi')('w_ambiguousFigure', { row: 2, detail: warningDetail(w, 'vi') })).toBe(
      'Dòng 2: nhiều số dưới cùng một cột (3.000; 7.000,5); lấy số cuối, các số khác giữ trong ghi chú của dòng.',
    );
  });

  it('writes figures typed Vietnamese-style the same way, and keeps other warnings’ text', () => {
    expect(warningDetail(warningOf(tsv('3.000', '7.000')), 'vi')).toBe('3.000; 7.000');
    expect(
      warningDetail({ code: 'textInAmount', row: 3, message: '', detail: 'chưa có' }, 'vi'),
    ).toBe('chưa có');
  });
});
