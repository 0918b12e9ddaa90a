/**
 * A second small table under the main one (its own title and header, a few lines and a `Cộng`) is
 * read as a table of its own: none of its lines is a row of the first, its `Cộng` is checked
 * against its own lines. A header repeated at a page break stays a repeat of the first's.
 */
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../cli/check';
import { readPlanFile } from '../readPlan';

const read = (lines: string[][]) =>
  readPlanFile('plan.tsv', new TextEncoder().encode(lines.map((l) => l.join('\t')).join('\n')));
const errors = (lines: string[][]) =>
  checkWorkbook('plan.tsv', read(lines))
    .findings.filter((f) => f.severity === 'error')
    .map((f) => `${f.sheet}|${f.label}|${f.expected}|${f.actual}`);
const names = (lines: string[][]) =>
  read(lines).workbook.sheets.map(
    (s) => `${s.name}: ${s.rows.map((r) => r.cells.name).join(', ')}`,
  );

/** The main table: STT | Nội dung | Kế hoạch 2024 | Ghi chú, two projects and its total. */
const main = (): string[][] => [
  ['DỰ TOÁN CHI ĐẦU TƯ PHÁT TRIỂN NĂM 2024'],
  ['Đơn vị: triệu đồng'],
  ['STT', 'Nội dung', 'Kế hoạch 2024', 'Ghi chú'],
  ['', 'Tổng số', '5.000', ''],
  ['1', 'Dự án đường huyện', '3.000', ''],
  ['2', 'Dự án trường học', '2.000', ''],
];
/** The small table below: its own title and header (two labels the main one has), a `Cộng`. */
const oda = (total: string, title = 'Biểu 2: VỐN ĐỐI ỨNG CÁC DỰ ÁN ODA'): string[][] => [
  [title],
  ['STT', 'Nội dung', 'Số tiền'],
  ['1', 'Vốn đối ứng ODA', '1.200'],
  ['2', 'Vốn trái phiếu Chính phủ', '800'],
  ['', 'Cộng', total],
];

describe('a second table below the first', () => {
  it('is read as a sheet of its own: no row of the first, no false alarm on its Cộng', () => {
    const lines = [...main(), [''], [''], ...oda('2.000')];
    expect(names(lines)).toEqual([
      'plan: Tổng số, Dự án đường huyện, Dự án trường học',
      'plan (2): Vốn đối ứng ODA, Vốn trái phiếu Chính phủ, Cộng',
    ]);
    expect(errors(lines)).toEqual([]);
    const r = read(lines);
    expect(r.workbook.sheets[1].title).toBe('Biểu 2: VỐN ĐỐI ỨNG CÁC DỰ ÁN ODA');
    const w = r.warnings.find((x) => x.code === 'nextTable');
    expect(w).toMatchObject({ row: 9, sheet: 'plan', detail: 'plan (2)' });
  });

  it('still finds a wrong Cộng in the second table, against its own lines', () => {
    const lines = [...main(), [''], ...oda('2.100')];
    expect(errors(lines)).toEqual(['plan (2)|Cộng|2100|2000']);
  });

  it('finds it whatever the title (`Phụ lục 2`, `II.`, `Bảng 2`), blank lines above or none', () => {
    for (const [title, gap] of [
      ['Phụ lục 2. Nguồn vốn đối ứng', 1],
      ['II. VỐN ĐỐI ỨNG', 0],
      ['Bảng 2 - Vốn đối ứng', 2],
    ] as const) {
      const lines = [...main(), ...Array.from({ length: gap }, () => ['']), ...oda('2.100', title)];
      expect(errors(lines), title).toEqual(['plan (2)|Cộng|2100|2000']);
      expect(read(lines).workbook.sheets[0].rows, title).toHaveLength(3);
    }
  });

  it('after the first table’s signature block, with other columns', () => {
    const lines = [
      ...main(),
      [''],
      ['NGƯỜI LẬP BIỂU', '', 'THỦ TRƯỞNG ĐƠN VỊ'],
      ['Nguyễn Văn A', '', 'Trần Văn B'],
      [''],
      ['PHỤ LỤC 2: KẾ HOẠCH VÀ THỰC HIỆN THEO ĐƠN VỊ'],
      ['TT', 'Tên đơn vị', 'Kế hoạch', 'Thực hiện'],
      ['1', 'Sở Giao thông', '700', '660'],
      ['2', 'Sở Giáo dục', '300', '290'],
      ['', 'Tổng cộng', '1.000', '950'],
    ];
    const r = read(lines);
    expect(r.workbook.sheets.map((s) => s.name)).toEqual(['plan', 'plan (2)']);
    expect(r.workbook.sheets[0].rows).toHaveLength(3);
    expect(r.workbook.sheets[0].footer?.[0]).toMatch(/NGƯỜI LẬP BIỂU/);
    expect(r.workbook.sheets[1].rows.map((x) => x.cells.name)).toEqual([
      'Sở Giao thông',
      'Sở Giáo dục',
      'Tổng cộng',
    ]);
    expect(errors(lines)).toEqual([]);
  });

  it('a header repeated at a page break is a repeat, not a new table (with a title line too)', () => {
    for (const above of [[[''], [''] as string[]], [['Biểu 1 (tiếp theo)']]]) {
      const lines = [
        ...main(),
        ...above,
        ['STT', 'Nội dung', 'Kế hoạch 2024', 'Ghi chú'],
        ['3', 'Dự án bệnh viện', '0', ''],
      ];
      const r = read(lines);
      expect(r.workbook.sheets).toHaveLength(1);
      expect(r.workbook.sheets[0].rows.map((x) => x.cells.name)).toContain('Dự án bệnh viện');
      expect(r.warnings.map((w) => w.code)).toContain('repeatedHeader');
    }
  });

  it('the closing notes of the sheet are the first table’s too', () => {
    const lines = [...main(), [''], ...oda('2.000'), [''], ['Ghi chú: số liệu sơ bộ']];
    const [first, second] = read(lines).workbook.sheets;
    expect(first.footer).toEqual(['Ghi chú: số liệu sơ bộ']);
    expect(second.footer).toEqual(['Ghi chú: số liệu sơ bộ']);
  });
});
