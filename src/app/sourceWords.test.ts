/**
 * A capital-source word inside a column's name (`Đầu tư từ nguồn vốn ngoài nước`, `Đầu tư một số
 * công trình quan trọng`: both begin with *Đầu tư*) does not make the columns amounts by source:
 * two columns claiming the same source are no year × source partition of the row.
 */
import { describe, expect, it } from 'vitest';
import { previewTotals } from './previewTotals';
import { leaves } from '../domain/columns';
import { readPlanFile } from '../io/readPlan';

const read = (lines: string[][]) =>
  readPlanFile('plan.tsv', new TextEncoder().encode(lines.map((l) => l.join('\t')).join('\n')));

const provinces = [
  ['STT', 'Tỉnh, thành phố', 'Tổng thu NSNN trên địa bàn', 'Bổ sung từ NSTW', '', '', '', ''],
  ['', '', '', 'Tổng số', 'Bổ sung cân đối', 'Bổ sung có mục tiêu', '', ''],
  [
    '',
    '',
    '',
    '',
    '',
    'Tổng số',
    'Đầu tư từ nguồn vốn ngoài nước',
    'Đầu tư một số công trình quan trọng',
  ],
  ['', 'TỔNG SỐ', '1.500', '900', '500', '400', '150', '250'],
  ['1', 'Hà Giang', '700', '500', '300', '200', '100', '100'],
  ['2', 'Cao Bằng', '800', '400', '200', '200', '50', '150'],
];

describe('source words inside column names', () => {
  it('two columns read as the same source are figure columns, not amounts by source', () => {
    const s = read(provinces).workbook.sheets[0];
    const ls = leaves(s.columns);
    expect(ls.filter((l) => l.role === 'amount' || l.role === 'rowTotal')).toEqual([]);
    expect(ls.some((l) => l.source !== undefined)).toBe(false);
    // the import preview totals the table's first column, not a row total of two transfers
    const p = previewTotals(read(provinces).workbook);
    expect([p.total, p.column]).toEqual([1500, 'Tổng thu NSNN trên địa bàn']);
  });

  it('a column a source word names alone is still an amount by source', () => {
    const lines = [
      ['STT', 'Danh mục dự án', 'Vốn ĐTPT', 'Vốn sự nghiệp'],
      ['1', 'Dự án A', '100', '20'],
      ['2', 'Dự án B', '200', '30'],
    ];
    const ls = leaves(read(lines).workbook.sheets[0].columns);
    expect(ls.filter((l) => l.role === 'amount').map((l) => l.source)).toEqual(['ĐTPT', 'SN']);
  });
});
