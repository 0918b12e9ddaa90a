/**
 * Layouts other offices print the same figures in: a numbering row `A | B | 1` over a table of one
 * figure column, English lines under numbered items, figures typed rounded beside one kept
 * unrounded. The reading and the checks are those of the plain table.
 */
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../cli/check';
import { tableStructure } from '../domain/tableStructure';
import { readPlanFile } from './readPlan';

const read = (lines: string[][]) =>
  readPlanFile('plan.tsv', new TextEncoder().encode(lines.map((l) => l.join('\t')).join('\n')));
const findings = (lines: string[][]) => checkWorkbook('plan.tsv', read(lines)).findings;
const counts = (lines: string[][]) => {
  const st = tableStructure(read(lines).workbook.sheets[0]);
  return { sections: st.sections.length, items: st.items.length, totals: st.totals.length };
};

const fees = [
  ['', 'Tổng số', '88.269'],
  ['I', 'Các khoản phí, lệ phí', '32.578'],
  ['1', 'Phí sử dụng đường bộ', '732'],
  ['2', 'Các loại phí, lệ phí khác', '24.127'],
  ['', ' - Học phí', '3.481'],
  ['', ' - Viện phí và phí khác', '20.646'],
  ['3', 'Chi từ nguồn thu xổ số kiến thiết', '7.719'],
  ['II', 'Chi đầu tư từ nguồn trái phiếu Chính phủ', '55.691'],
];
const head = [['STT', 'Chỉ tiêu', 'Quyết toán năm 2009']];

describe('hostile layouts', () => {
  it('`A | B | 1` under the header of a one-column table is its code row, no figure', () => {
    const plain = [...head, ...fees];
    const coded = [...head, ['A', 'B', '1'], ...fees];
    expect(findings(coded)).toEqual(findings(plain));
    expect(findings(coded)).toEqual([]);
    expect(counts(coded)).toEqual(counts(plain));
  });

  it('an English line under a numbered item leaves its dash lines under it', () => {
    const plain = [...head, ...fees];
    const bilingual = [
      ...head,
      ...fees.slice(0, 4),
      ['', 'Other fees and charges', ''],
      ...fees.slice(4),
    ];
    expect(counts(bilingual)).toEqual(counts(plain));
    expect(counts(plain)).toEqual({ sections: 2, items: 5, totals: 1 });
    expect(findings(bilingual)).toEqual([]);
  });

  it('a figure kept unrounded over terms typed rounded: the rounding of the terms explains it', () => {
    const lines = [
      ['STT', 'Tên đơn vị', 'Tổng số', 'Đầu tư', 'Thường xuyên'],
      ['A', 'B', '1=2+3', '2', '3'],
      ['1', 'Bộ Tài chính', '1.000,6', '400', '601'],
      ['2', 'Bộ Tư pháp', '500', '200', '300'],
    ];
    expect(findings(lines).filter((f) => f.severity === 'error')).toEqual([]);
    lines[2][2] = '1.010,6';
    expect(findings(lines).map((f) => [f.rule, f.severity])).toEqual([['column-rule', 'error']]);
  });
});
