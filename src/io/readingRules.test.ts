/**
 * The issue's reproductions, each on a table built as text: what a figure means is read from the
 * table's own evidence.
 */
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../cli/check';
import { readPlanFile } from './readPlan';

const read = (lines: string[][]) =>
  readPlanFile('plan.tsv', new TextEncoder().encode(lines.map((l) => l.join('\t')).join('\n')));
const errors = (lines: string[][]) =>
  checkWorkbook('plan.tsv', read(lines)).findings.filter((f) => f.severity === 'error');

describe('reading what the table states', () => {
  it('a medium-term plan: Tổng mức đầu tư is each project’s total investment, not the period’s sum', () => {
    const rows: string[][] = [
      ['TT', 'Tên dự án', 'Chủ đầu tư', 'Tổng mức đầu tư', 'Năm 2021', 'Năm 2022', 'Năm 2023'],
    ];
    for (let k = 1; k <= 2000; k++)
      rows.push([String(k), `Dự án số ${k}`, 'Sở TT&TT', String(900 + k), '100', '200', '300']);
    // one project is allocated more than its total investment: that one is an error
    rows[1][5] = '700';
    const found = errors(rows);
    expect(found.map((f) => [f.rule, f.row])).toEqual([['row-total', 2]]);
  });

  it('a code row with a range (`1=2+…+11`, `7=8+...+13`) is a rule, never a row', () => {
    const head = ['TT', 'Nội dung', 'Tổng số', 'Năm 2021', 'Năm 2022', 'Năm 2023'];
    for (const code of ['3=4+…+6', '3=4+...+6', '3 = 4 + ... + 6']) {
      const r = read([
        head,
        ['1', '2', code, '4', '5', '6'],
        ['I', 'Hạ tầng', '13.750', '4.000', '4.750', '5.000'],
        ['1', 'Dự án A', '6.000', '2.000', '2.000', '2.000'],
        ['2', 'Dự án B', '7.750', '2.000', '2.750', '3.000'],
      ]);
      const s = r.workbook.sheets[0];
      expect(s.rows.map((x) => x.kind)).toEqual(['section', 'project', 'project']);
      expect(checkWorkbook('p', r).findings).toEqual([]);
    }
  });

  it('a plain numbering row (1 … 6) states no rule', () => {
    const r = read([
      ['TT', 'Nội dung', 'Tổng số', 'Năm 2021', 'Năm 2022', 'Năm 2023'],
      ['1', '2', '3', '4', '5', '6'],
      ['1', 'Dự án A', '9.999', '2.000', '2.000', '2.000'],
    ]);
    expect(r.workbook.sheets[0].rows).toHaveLength(1);
    expect(checkWorkbook('p', r).findings.filter((f) => f.rule === 'column-rule')).toEqual([]);
  });

  it('of which rows, ratio rows and notes below are never added; the label’s rule is checked', () => {
    const lines = [
      ['STT', 'Chỉ tiêu', 'Dự toán năm 2024'],
      ['A', 'Tổng thu', '1.000'],
      ['1', 'Thu nội địa', '700'],
      ['', 'Trong đó:', ''],
      ['-', 'Thu từ dầu thô', '650'],
      ['2', 'Thu xuất nhập khẩu', '300'],
      ['B', 'Tổng chi', '1.200'],
      ['1', 'Chi đầu tư', '400'],
      ['2', 'Chi thường xuyên', '800'],
      ['C', 'Bội chi (C = B - A)', '200'],
      ['', 'Tỷ lệ bội chi so GDP (%)', '3,5'],
      ['', 'Ghi chú: (1) số liệu ước thực hiện', ''],
      ['', 'NGƯỜI LẬP BIỂU', ''],
    ];
    const r = read(lines);
    const s = r.workbook.sheets[0];
    expect(s.rows.map((x) => `${x.kind}${x.part ? `:${x.part}` : ''}`)).toEqual([
      'section',
      'section',
      'project:ofWhich',
      'project',
      'section',
      'project',
      'project',
      'section',
      'project:ratio',
    ]);
    expect(s.rows[7].rule).toBe('C = B - A');
    expect(s.footer).toEqual(['Ghi chú: (1) số liệu ước thực hiện', 'NGƯỜI LẬP BIỂU']);
    expect(checkWorkbook('p', r).findings).toEqual([]);
    // a wrong deficit is found against the rule its label states
    lines[9][2] = '250';
    expect(errors(lines).map((f) => [f.rule, f.row, f.from])).toEqual([
      ['label-rule', 10, 'label'],
    ]);
  });

  it('a footnote marker in a figure cell is a note, never −1', () => {
    const r = read([
      ['TT', 'Nội dung', 'Năm 2021', 'Năm 2022'],
      ['I', 'Hạ tầng', '3.000', '(*)'],
      ['1', 'Dự án A', '1.000', '(1)'],
      ['2', 'Dự án B', '2.000', '1/'],
    ]);
    const s = r.workbook.sheets[0];
    expect(
      s.rows.flatMap((x) => Object.values(x.cells)).filter((v) => typeof v === 'number'),
    ).toEqual([3000, 1000, 2000]);
    expect(r.warnings.filter((w) => w.code === 'footnoteMarker')).toHaveLength(3);
  });
});

describe('a note explains a gap only where the table points to it', () => {
  const table = (marker: string) => [
    ['TT', 'Tên dự án', 'Năm 2024', 'Năm 2025'],
    ['I', 'Hạ tầng', '500', '400'],
    ['1', 'Dự án A', marker || '0', '200'],
    ['2', 'Dự án B', '380', '200'],
    ['', 'Ghi chú: (1) Dự án A bố trí 120 triệu đồng từ nguồn khác.', '', ''],
  ];

  it('a figure cell holding the note’s marker: the gap the note states is a warning', () => {
    const found = checkWorkbook('plan.tsv', read(table('(1)'))).findings;
    const gap = found.find((f) => f.rule === 'section-total');
    expect(gap).toMatchObject({ severity: 'warning', expected: 500, actual: 380 });
  });

  it('the same gap with nothing pointing to the note is an error', () => {
    const found = errors(table(''));
    expect(found.map((f) => [f.rule, f.expected, f.actual])).toEqual([['section-total', 500, 380]]);
  });
});
