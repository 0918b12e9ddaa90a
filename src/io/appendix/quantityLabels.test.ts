/**
 * The first-letter test that spares reading most labels (`surelyNone` in domain/quantityLabels.ts) answers as
 * reading every label whole: on every row label of the MoF corpus and on generated labels.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../readPlan';
import '../sheetJsEager';
import {
  labelQuantity,
  readLabel,
  readLabelWhole,
  readQuantity,
} from '../../domain/quantityLabels';

const PIECES = [
  'Thu',
  'THU',
  'thu',
  'Chi',
  'CHI',
  'Tổng',
  'TỔNG SỐ',
  'Tổng cộng',
  'Bội chi',
  'Cân đối',
  'Kết dư',
  'Nguồn',
  'Vay',
  'bù đắp',
  'Chênh lệch',
  'Thặng dư',
  'Các khoản',
  'gom',
  'cục',
  'Dự án',
  'Xây dựng',
  'Ủy ban',
  'Đầu tư',
  'A.',
  'IV)',
  'I.',
  '1.',
  '-',
  '–',
  '=',
  ' ',
  ',',
  '(',
  'C = A - B',
  'trả nợ',
  'ngân sách',
  'Lăng',
  'x',
  'Thư viện',
  'Chỉ tiêu',
  'a)',
  'B',
  'vi.',
  '2)',
  '*',
  '\u0303',
  '\u00a0',
  '\u2003',
  '\ufeff',
  'Đ.',
  'đ)',
  '\u212aết dư',
  '•',
  'vay – trả nợ',
  'C=A-B',
];

describe('the quick reading of a label', () => {
  it('answers as the whole reading on every row label of the MoF corpus', () => {
    let n = 0;
    for (const f of readdirSync('fixtures/mof'))
      for (const s of readPlanFile(f, new Uint8Array(readFileSync(join('fixtures/mof', f))))
        .workbook.sheets)
        for (const r of s.rows) {
          const l = String(r.cells.name ?? '');
          expect({ l, q: readLabel(l) }).toEqual({ l, q: readLabelWhole(l) });
          n++;
        }
    expect(n).toBeGreaterThan(2500);
  }, 120_000);

  it('answers as the whole reading on generated labels', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }),
        fc.boolean(),
        (ps, sp) => {
          const l = ps.join(sp ? ' ' : '');
          expect(readLabel(l)).toEqual(readLabelWhole(l));
          expect(labelQuantity(l)).toBe(readQuantity(l));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
