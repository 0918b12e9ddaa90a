import { describe, expect, it } from 'vitest';
import { explain, sheetFindings } from './checks';
import type { AppendixSheet, ColumnLeaf, ColumnNode, Row } from './types';

const leaf = (id: string, label: string, extra: Partial<ColumnLeaf> = {}): ColumnLeaf => ({
  kind: 'leaf',
  id,
  label,
  role: 'value',
  ...extra,
});
const columns: ColumnNode[] = [
  { kind: 'leaf', id: 'tt', label: 'TT', role: 'number' },
  { kind: 'leaf', id: 'name', label: 'Nội dung', role: 'name' },
  leaf('a', 'Kế hoạch'),
  leaf('b', 'Thực hiện'),
];

let n = 0;
/** A row: `tt`, label, level, figures `a` (and `b`); `of` marks an of-which part. */
const row = (
  tt: string,
  name: string,
  level: number,
  a?: number,
  extra: Partial<Row> & { of?: true; b?: number } = {},
): Row => {
  const { of, b, ...rest } = extra;
  return {
    id: `r${++n}`,
    kind: 'project',
    level,
    cells: {
      tt,
      name,
      ...(a !== undefined ? { a } : {}),
      ...(b !== undefined ? { b } : {}),
    },
    ...(of ? { part: 'ofWhich' as const } : {}),
    ...rest,
  };
};
const section = (tt: string, name: string, level: number, a?: number, b?: number): Row => ({
  ...row(tt, name, level, a, b === undefined ? {} : { b }),
  kind: 'section',
});
const part = (tt: string, name: string, level: number, a?: number, b?: number) =>
  row(tt, name, level, a, { of: true, ...(b === undefined ? {} : { b }) });

const sheetOf = (rows: Row[], cols: ColumnNode[] = columns): AppendixSheet => ({
  kind: 'appendix',
  id: 's',
  name: 'Sheet1',
  title: '',
  columns: cols,
  rows,
});
/** The of-which findings of a sheet (the engine's values are the rows' own figures here). */
const ofWhich = (rows: Row[], cols?: ColumnNode[]) => {
  const s = sheetOf(rows, cols);
  return sheetFindings(s, null, {
    value: (i, c) => s.rows[i].cells[c],
    total: () => null,
    rule: () => null,
  }).filter((f) => f.rule === 'of-which');
};

describe('an of-which breakdown cannot exceed the line it breaks down', () => {
  it('finds parts above the line, naming the line and the parts', () => {
    const rows = [
      section('I', 'Chi đầu tư phát triển', 0, 6500),
      part('', 'Trong đó: vốn ODA', 1, 7000),
    ];
    const f = ofWhich(rows);
    expect(f.map((x) => [x.severity, x.label, x.colId, x.expected, x.actual])).toEqual([
      ['error', 'Chi đầu tư phát triển', 'a', 6500, 7000],
    ]);
    expect(explain(f[0], 'vi', String)).toBe(
      'Chi đầu tư phát triển [Kế hoạch]: các khoản trong đó “vốn ODA” (7000) lớn hơn số của dòng (6500), vượt 500',
    );
  });

  it('adds the parts of a list, column by column, within the rounding of their figures', () => {
    const rows = [
      section('III', 'Chi thường xuyên', 0, 1000, 900),
      part('1', 'Chi giáo dục', 1, 600, 500),
      part('2', 'Chi khoa học', 1, 401, 300),
      part('3', 'Chi y tế', 1, 100, 50),
    ];
    expect(ofWhich(rows).map((x) => [x.severity, x.colId, x.actual])).toEqual([
      ['error', 'a', 1101],
    ]);
    rows[3].cells.a = 1;
    // 1.002 over 1.000 by 2, within the rounding of 4 figures: a warning, not an error
    rows[1].cells.a = 600.5;
    rows[2].cells.a = 400.5;
    expect(ofWhich(rows).map((x) => x.severity)).toEqual(['warning']);
  });

  it('is silent where the parts stay within the line', () => {
    const rows = [
      section('I', 'Chi đầu tư phát triển', 0, 6500, 6000),
      part('', 'Trong đó: - vốn ODA', 1, 3000, 6000),
      part('', '- vốn trái phiếu', 1, 3500, 0),
    ];
    expect(ofWhich(rows)).toEqual([]);
  });

  it('leaves a line without its own figure (gross, refunds, net) and a stated 0', () => {
    const vat = [
      section('2', 'Thuế GTGT hàng nhập khẩu', 0),
      part('', 'Trong đó: - Tổng số thu', 1, 66633),
      part('', '- Số hoàn thuế GTGT', 1, 38000),
      row('', '- Số thu cân đối NSNN', 1, 28633),
    ];
    expect(ofWhich(vat)).toEqual([]);
    expect(ofWhich([section('1', 'Phí', 0, 0), part('', 'Trong đó: học phí', 1, 50)])).toEqual([]);
  });

  it('leaves refunds printed negative', () => {
    const rows = [
      section('2', 'Thuế GTGT hàng nhập khẩu', 0, 28633),
      part('', 'Trong đó: - Tổng số thu', 1, 66633),
      part('', '- Số hoàn thuế GTGT', 1, -38000),
    ];
    expect(ofWhich(rows)).toEqual([]);
  });

  it('leaves parts of another kind: counts, lengths, ratios, percent figures', () => {
    const line = () => section('1', 'Đường giao thông nông thôn', 0, 120);
    expect(ofWhich([line(), part('', 'Trong đó: số dự án khởi công mới', 1, 150)])).toEqual([]);
    expect(ofWhich([line(), part('', 'Trong đó: chiều dài (km)', 1, 300)])).toEqual([]);
    expect(ofWhich([line(), part('', 'Trong đó: tỷ lệ giải ngân', 1, 130)])).toEqual([]);
    const pct = part('', 'Trong đó: vốn đối ứng', 1, 150);
    pct.percent = { a: 1 };
    expect(ofWhich([line(), pct])).toEqual([]);
    // a line counting projects: its parts are counts too
    expect(
      ofWhich([section('', 'Số dự án', 0, 12), part('', 'Trong đó: dự án mới', 1, 20)]),
    ).toEqual([]);
  });

  it('leaves a ratio column', () => {
    const cols = [...columns.slice(0, 2), leaf('a', 'Tỷ lệ (%)', { additive: false })];
    expect(
      ofWhich([section('I', 'Chi đầu tư', 0, 80), part('', 'Trong đó: ODA', 1, 95)], cols),
    ).toEqual([]);
  });

  it('checks a list whose numbering nests (`I, II, 1, 2, III, 1`) level by level', () => {
    const rows = () => [
      section('B', 'Chi ngân sách trung ương theo lĩnh vực', 0, 707780),
      part('I', 'Chi đầu tư phát triển', 1, 179700),
      part('II', 'Chi trả nợ lãi và viện trợ', 1, 100200),
      part('1', 'Chi trả nợ lãi', 1, 98900),
      part('2', 'Chi viện trợ', 1, 1300),
      part('III', 'Chi thường xuyên', 1, 404630),
      part('1', 'Chi giáo dục', 1, 22194),
      part('2', 'Chi y tế', 1, 11401),
      part('IV', 'Dự phòng', 1, 15800),
    ];
    // read flat the parts add up to 1,033,625 > 707,780: each level holds
    expect(ofWhich(rows())).toEqual([]);
    const inner = rows();
    inner[7].cells.a = 474240; // a part of III above III
    expect(ofWhich(inner).map((x) => [x.label, x.expected, x.actual, x.parts])).toEqual([
      ['Chi thường xuyên', 404630, 496434, ['Chi giáo dục', 'Chi y tế']],
    ]);
    const outer = rows();
    outer[5].cells.a = 428606; // III above what B leaves for it
    expect(ofWhich(outer).map((x) => [x.label, x.expected, x.actual])).toEqual([
      ['Chi ngân sách trung ương theo lĩnh vực', 707780, 724306],
    ]);
    // bullets under a numbered part are its parts too
    const dashes = [
      section('B', 'Chi theo lĩnh vực', 0, 1000),
      part('I', 'Chi đầu tư', 1, 600),
      part('-', 'Vốn trong nước', 1, 500),
      part('-', 'Vốn ngoài nước', 1, 200),
      part('II', 'Chi thường xuyên', 1, 300),
    ];
    expect(ofWhich(dashes).map((x) => [x.label, x.actual])).toEqual([['Chi đầu tư', 700]]);
  });

  it('checks the parts after a total row (`TỔNG CHI … Trong đó:`), which follow it at its level', () => {
    const total: Row = {
      ...row('', 'TỔNG CHI CÂN ĐỐI NGÂN SÁCH NHÀ NƯỚC', 0, 1390480),
      kind: 'total',
    };
    const rows = [
      total,
      part('I', 'Chi đầu tư phát triển', 0, 357150),
      part('II', 'Chi thường xuyên', 0, 896280),
      part('1', 'Chi giáo dục', 0, 215167),
      part('III', 'Dự phòng', 0, 29300),
    ];
    expect(ofWhich(rows)).toEqual([]);
    rows[2].cells.a = 1100000;
    expect(ofWhich(rows).map((x) => [x.label, x.expected, x.actual])).toEqual([
      ['TỔNG CHI CÂN ĐỐI NGÂN SÁCH NHÀ NƯỚC', 1390480, 1486450],
    ]);
  });

  it('leaves a list numbered in two styles that do not nest (read flat, parts of parts)', () => {
    const flat = (tts: string[]) =>
      ofWhich([
        section('B', 'Chi theo lĩnh vực', 0, 1000),
        ...tts.map((tt, k) => part(tt, `Khoản ${k}`, 1, 600)),
      ]);
    // a list under a part that does not start (`3, 4`): a numbering mistake, no nesting
    expect(flat(['I', 'II', '3', '4'])).toEqual([]);
    // a part without a number among numbered ones
    expect(flat(['I', '', '1', 'II'])).toEqual([]);
    // a style at two levels (`a` under `I` and `I` under `a`)
    expect(flat(['I', 'a', 'II', '1', 'a', 'I'])).toEqual([]);
    // bullets outside, numbers inside
    expect(flat(['-', '1', '2', '-'])).toEqual([]);
  });

  it('leaves bullets after the last item of a list its section holds (they may be its own)', () => {
    const rows = [
      section('I', 'Chi đầu tư phát triển', 0, 1000),
      row('1', 'Dự án A', 1, 600),
      section('2', 'Dự án B', 1, 400),
      part('', 'Trong đó: vốn ODA', 2, 700),
    ];
    expect(ofWhich(rows)).toEqual([]);
    // above the section too: the parts exceed whichever line they break down
    rows[3].cells.a = 1200;
    expect(ofWhich(rows).map((x) => [x.label, x.actual])).toEqual([['Dự án B', 1200]]);
    // numbered under the item (`1, 2` under a roman item): the item's own, whatever its section
    const numbered = [
      section('A', 'Chi theo dự toán', 0, 304199),
      section('I', 'Chi đầu tư phát triển', 1, 48773),
      section('III', 'Chi thường xuyên', 1, 175253),
      part('1', 'Chi giáo dục', 2, 180000),
      part('2', 'Chi y tế', 2, 5380),
    ];
    expect(ofWhich(numbered).map((x) => [x.label, x.expected, x.actual])).toEqual([
      ['Chi thường xuyên', 175253, 185380],
    ]);
  });

  it('holds parts of a line without its own figure to the sum of its lines', () => {
    /** Values as the engine computes them: a section without a figure adds its own lines. */
    const computed = (rows: Row[]) => {
      const s = sheetOf(rows);
      const value = (i: number, c: string): unknown => {
        const x = rows[i].cells[c];
        if (typeof x === 'number' && (x !== 0 || rows[i].kind !== 'section')) return x;
        if (rows[i].kind !== 'section') return x;
        let sum = 0;
        for (let j = i + 1; j < rows.length && rows[j].level > rows[i].level; j++)
          if (rows[j].level === rows[i].level + 1 && !rows[j].part) sum += Number(value(j, c) ?? 0);
        return sum;
      };
      return sheetFindings(s, null, { value, total: () => null, rule: () => null }).filter(
        (f) => f.rule === 'of-which',
      );
    };
    const rows = (odaA: number, first: number | undefined = 600, zero = false) => [
      section('II', 'Chi thường xuyên', 0, zero ? 0 : undefined),
      part('', 'Trong đó: chi giáo dục', 1, odaA),
      row('1', 'Bộ A', 1, first),
      row('2', 'Bộ B', 1, 400),
    ];
    expect(computed(rows(900))).toEqual([]);
    expect(computed(rows(1200)).map((x) => [x.label, x.expected, x.actual])).toEqual([
      ['Chi thường xuyên', 1000, 1200],
    ]);
    // a 0 printing blank over the lines is no figure either
    expect(computed(rows(1200, 600, true)).map((x) => x.expected)).toEqual([1000]);
    // a line negative among them: the sum is a net the parts need not stay within
    expect(computed(rows(1200, -100))).toEqual([]);
    // a single line under it: it may be the net of `gross, refunds, net`
    const single = [
      section('2', 'Thuế GTGT hàng nhập khẩu', 0),
      part('', 'Trong đó: - Tổng số thu', 1, 66633),
      part('', '- Số hoàn thuế GTGT', 1, 38000),
      row('', '- Số thu cân đối NSNN', 1, 28633),
    ];
    expect(computed(single)).toEqual([]);
    // no line with a figure typed in the column: nothing to hold the parts to
    const blank = rows(1200);
    delete blank[2].cells.a;
    delete blank[3].cells.a;
    expect(computed(blank)).toEqual([]);
  });
});
