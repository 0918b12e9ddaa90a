/**
 * The structure convention of fixtures/audits/README.md on small tables built as text: derived
 * balance rows (taken only where the figures show them) and the check of their difference, label
 * rules naming their own block's rows, bodies named `Tổng …` that are no totals, stray zeros.
 */
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../cli/check';
import { leaves } from '../domain/columns';
import { tableStructure } from '../domain/tableStructure';
import { readPlanFile } from './readPlan';

const read = (lines: string[][]) =>
  readPlanFile('plan.tsv', new TextEncoder().encode(lines.map((l) => l.join('\t')).join('\n')));
const errors = (lines: string[][]) =>
  checkWorkbook('plan.tsv', read(lines)).findings.filter((f) => f.severity === 'error');
/** Structure as 1-based input lines (the header is line 1). */
function structure(lines: string[][]) {
  const r = read(lines);
  const s = r.workbook.sheets[0];
  const st = tableStructure(s);
  const at = (xs: number[]) => xs.map((i) => r.linesBySheet!.get(s.id)!.get(s.rows[i].id));
  return {
    sections: at(st.sections),
    items: at(st.items),
    derived: at(st.derived),
    totals: at(st.totals),
  };
}

/** A balance table: revenue A, carry-over B, expenditure C, deficit D = C − A − B. */
const balance = (deficit: string[]) => [
  ['STT', 'Chỉ tiêu', 'Dự toán', 'Ước thực hiện', 'Quyết toán'],
  ['A', 'TỔNG THU CÂN ĐỐI NGÂN SÁCH NHÀ NƯỚC', '740.500', '750.000', '760.000'],
  ['1', 'Thu nội địa', '494.600', '500.000', '510.000'],
  ['2', 'Thu từ dầu thô', '245.900', '250.000', '250.000'],
  ['B', 'THU CHUYỂN NGUỒN NĂM TRƯỚC', '22.400', '22.400', '22.400'],
  ['C', 'TỔNG CHI CÂN ĐỐI NGÂN SÁCH NHÀ NƯỚC', '903.100', '910.000', '915.000'],
  ['1', 'Chi đầu tư phát triển', '180.000', '181.000', '182.000'],
  ['2', 'Chi thường xuyên', '723.100', '729.000', '733.000'],
  ['D', 'BỘI CHI NGÂN SÁCH NHÀ NƯỚC', ...deficit],
  ['', 'Tỷ lệ bội chi so GDP', '4,8%', '4,7%', '4,6%'],
];

describe('derived balance rows', () => {
  it('a deficit that restates C − A − B is derived (no item), and a wrong column is an error', () => {
    const right = ['140.200', '137.600', '132.600'];
    expect(structure(balance(right))).toEqual({
      sections: [2, 6],
      items: [3, 4, 5, 7, 8],
      derived: [9],
      totals: [],
    });
    expect(errors(balance(right))).toEqual([]);
    const found = errors(balance(['140.200', '173.600', '132.600']));
    expect(found.map((f) => [f.rule, f.row, f.cell, f.from])).toEqual([
      ['balance-rule', 9, 'D9', 'structure'],
    ]);
    expect(found[0].message).toContain('C − A − B');
  });

  it('a deficit the figures do not show as a difference is an item, never checked', () => {
    // the deficit of the central budget under blocks of state totals: no rule, no alarm
    const lines = balance(['64.567', '60.000', '61.000']);
    expect(structure(lines).derived).toEqual([]);
    expect(structure(lines).items).toContain(9);
    expect(errors(lines)).toEqual([]);
  });

  it('two blocks whose differences follow their labels: a wrong one is found in one column', () => {
    const lines = [
      ['STT', 'Chỉ tiêu', 'Quyết toán'],
      ['A', 'NGÂN SÁCH TRUNG ƯƠNG', ''],
      ['I', 'Nguồn thu ngân sách trung ương', '269.117'],
      ['II', 'Chi ngân sách trung ương', '333.684'],
      ['III', 'Vay bù đắp bội chi ngân sách nhà nước', '64.567'],
      ['B', 'NGÂN SÁCH ĐỊA PHƯƠNG', ''],
      ['I', 'Nguồn thu ngân sách địa phương', '240.882'],
      ['II', 'Chi cân đối ngân sách địa phương', '214.864'],
      ['III', 'Chênh lệch thu chi ngân sách địa phương', '26.018'],
    ];
    expect(structure(lines)).toEqual({
      sections: [],
      items: [3, 4, 7, 8],
      derived: [5, 9],
      totals: [],
    });
    expect(errors(lines)).toEqual([]);
    lines[8][2] = '29.018';
    // the row and its blocks name the same budget (địa phương): the difference is certain
    expect(errors(lines).map((f) => [f.rule, f.row, f.from])).toEqual([
      ['balance-rule', 9, 'structure'],
    ]);
    // labels naming no budget: the rule is read from block A's balance only, to verify
    const bare = lines.map((l, k) =>
      k >= 6 ? [l[0], ['Nguồn thu', 'Chi', 'Chênh lệch thu chi'][k - 6], l[2]] : l,
    );
    expect(errors(bare)).toEqual([]);
    const all = checkWorkbook('plan.tsv', read(bare)).findings;
    expect(all.map((f) => [f.rule, f.row, f.severity])).toEqual([['balance-rule', 9, 'warning']]);
    expect(all[0].message).toContain('to verify');
    // a state deficit under the central blocks: another budget, never an error
    const central = lines.slice(0, 5);
    central[4] = ['III', 'Vay bù đắp bội chi ngân sách nhà nước', '60.000'];
    expect(errors(central)).toEqual([]);
    // alone in its sheet, a one-column balance that breaks its difference shows no rule at all
    expect(errors(lines.slice(0, 6).concat([['III', 'Chênh lệch thu chi', '9']]))).toEqual([]);
  });

  it('a state deficit under the central blocks is the central one up to budget year 2016', () => {
    const table = (year: number, deficit: string) => [
      [`CÂN ĐỐI NGUỒN THU, CHI DỰ TOÁN NSTW VÀ NSĐP NĂM ${year}`],
      ['STT', 'Chỉ tiêu', 'Dự toán'],
      ['A', 'NGÂN SÁCH TRUNG ƯƠNG', ''],
      ['I', 'Nguồn thu ngân sách Trung ương', '493.675'],
      ['II', 'Chi ngân sách Trung ương', '633.875'],
      ['III', 'Vay bù đắp bội chi ngân sách nhà nước', deficit],
    ];
    expect(errors(table(2012, '140.200'))).toEqual([]);
    // the law of 2002: the state's deficit is the central budget's, so II − I is certain
    expect(errors(table(2012, '160.200')).map((f) => [f.rule, f.row])).toEqual([
      ['balance-rule', 6],
    ]);
    // from 2017 the state's deficit adds the local ones: another budget, never an error
    expect(errors(table(2018, '160.200'))).toEqual([]);
  });

  it('one figure per row: a balance its label and its blocks name in one budget is checked', () => {
    const lines = [
      ['STT', 'Chỉ tiêu', 'Dự toán'],
      ['A', 'TỔNG THU CÂN ĐỐI NGÂN SÁCH NHÀ NƯỚC', '740.500'],
      ['1', 'Thu nội địa', '494.600'],
      ['2', 'Thu từ dầu thô', '245.900'],
      ['B', 'THU CHUYỂN NGUỒN NSTW NĂM TRƯỚC', '22.400'],
      ['C', 'TỔNG CHI CÂN ĐỐI NGÂN SÁCH NHÀ NƯỚC', '903.100'],
      ['1', 'Chi đầu tư phát triển', '180.000'],
      ['2', 'Chi thường xuyên', '723.100'],
      ['D', 'BỘI CHI NGÂN SÁCH NHÀ NƯỚC', '140.200'],
    ];
    expect(errors(lines)).toEqual([]);
    expect(structure(lines).derived).toEqual([9]);
    lines[4][2] = '26.880'; // the carry-over mistyped: D no longer C − A − B
    expect(errors(lines).map((f) => [f.rule, f.row])).toEqual([['balance-rule', 9]]);
    // a deficit of the central budget under the state's blocks: no rule, no alarm
    lines[4][2] = '22.400';
    lines[8] = ['D', 'BỘI CHI NGÂN SÁCH TRUNG ƯƠNG', '120.000'];
    expect(errors(lines)).toEqual([]);
  });

  it('a label rule `III = II - I` names the I and II of its own block', () => {
    const lines = [
      ['STT', 'Chỉ tiêu', 'Quyết toán'],
      ['A', 'NGÂN SÁCH TRUNG ƯƠNG', ''],
      ['I', 'Nguồn thu', '588.689'],
      ['II', 'Chi', '825.458'],
      ['III', 'Bội chi ngân sách nhà nước (III= II- I)', '236.769'],
      ['B', 'NGÂN SÁCH ĐỊA PHƯƠNG', ''],
      ['I', 'Nguồn thu', '729.062'],
      ['II', 'Chi', '685.939'],
    ];
    expect(errors(lines)).toEqual([]);
    expect(structure(lines).derived).toEqual([5]);
    lines[4][2] = '263.769';
    expect(errors(lines).map((f) => [f.rule, f.row, f.from])).toEqual([['label-rule', 5, 'label']]);
  });
});

describe('rows that are no items', () => {
  it('`Tổng liên đoàn` in an of-which list is a body; `Tổng 02 chương trình` is a total', () => {
    const lines = [
      ['STT', 'Tên đơn vị', 'Tổng số', 'Đầu tư'],
      ['I', 'Các Bộ, cơ quan Trung ương', '1.000', '400'],
      ['', 'Trong đó:', '', ''],
      ['1', 'Bộ Tài chính', '300', '100'],
      ['2', 'Tổng liên đoàn Lao động Việt Nam', '200', '50'],
      ['3', 'Bảo hiểm xã hội Việt Nam', '100', '0'],
      ['II', 'Chi cho các Ban quản lý', '500', '100'],
    ];
    const r = read(lines);
    expect(r.workbook.sheets[0].rows.map((x) => x.part ?? x.kind)).toEqual([
      'section',
      'ofWhich',
      'ofWhich',
      'ofWhich',
      'section',
    ]);
    expect(structure(lines).items).toEqual([2, 7]);
    const total = [
      ['STT', 'Tên chương trình', 'Dự toán'],
      ['I', 'Tổng 02 chương trình mục tiêu quốc gia', '15.231'],
      ['1', 'Chương trình giảm nghèo', '7.231'],
      ['2', 'Chương trình nông thôn mới', '8.000'],
    ];
    expect(structure(total).totals).toEqual([2]);
  });

  it('zeros left on a row without a label are no table row; a 0 heading states nothing', () => {
    const lines = [
      ['STT', 'Tên', 'Năm 2024', 'Năm 2025'],
      ['I', 'Các Bộ', '0', ''],
      ['1', 'Bộ A', '100', '200'],
      ['2', 'Bộ B', '300', '400'],
      ['', '', '', '0'],
    ];
    const r = read(lines);
    expect(r.workbook.sheets[0].rows).toHaveLength(3);
    expect(r.warnings.map((w) => w.code)).toContain('strayZeros');
    expect(structure(lines)).toEqual({ sections: [], items: [3, 4], derived: [], totals: [] });
  });

  it('a unit line is no header; a count left under the table is no row; #REF! is no figure', () => {
    const lines = [
      ['', '', 'Đơn vị: Triệu đồng.', 'Đơn vị: Triệu đồng.'],
      ['S', '', 'TỔNG THU', 'TỔNG SỐ CHI', 'SỐ BỔ SUNG'],
      ['T', 'TỈNH, THÀNH PHỐ', 'NSNN', 'NGÂN SÁCH', 'TỪ'],
      ['T', '', 'TRÊN ĐỊA BÀN', 'TỈNH', 'NSTW'],
      ['A', 'B', '1', '2', '#REF!'],
      ['1', 'HÀ NỘI', '19.348.000', '3.849.306', '#REF!'],
      ['2', 'HẢI PHÒNG', '5.992.400', '1.757.821', '#REF!'],
      ['3', 'HÀ TÂY', '715.300', '1.104.731', '#REF!'],
      ['', '', '3', '3', ''],
    ];
    const r = read(lines);
    const s = r.workbook.sheets[0];
    expect(leaves(s.columns).map((l) => l.role)).toEqual([
      'number',
      'name',
      'value',
      'value',
      'text',
    ]);
    expect(structure(lines)).toEqual({ sections: [], items: [6, 7, 8], derived: [], totals: [] });
  });
});
