/**
 * Hidden lines that are current: projects collapsed in an outline group or filtered out by an
 * AutoFilter are rows of the table (the stated totals count them); a hidden line of no group and
 * no filter, or a filtered one copying a shown row or holding `#REF!`, stays a stale line. A hidden
 * column in an outline group is a detail, not a stale copy. Formulas saved without their values
 * read as they compute; error values are never figures.
 */
import { describe, expect, it } from 'vitest';
import type { RawCell, RawGrid } from './grid';
import { readAppendix } from './reader';
import { evaluate, formulaNotes, withBookFormulaValues, withFormulaValues } from './cachedFormulas';
import { staleHiddenColumns } from './brokenColumns';
import { findHeaderBand } from './header';

const t = (text: string): RawCell => ({ text });
const n = (value: number): RawCell => ({ text: String(value), value });

/** STT | Tên dự án | Kế hoạch: a total, a section, three projects (the third at line 6). */
function table(extra: Partial<RawGrid> = {}, rows?: RawCell[][]): RawGrid {
  const body = rows ?? [
    [t('STT'), t('Tên dự án'), t('Kế hoạch')],
    [t(''), t('Tổng số'), n(60)],
    [t('I'), t('Giao thông'), n(60)],
    [t('1'), t('Đường tỉnh 1'), n(10)],
    [t('2'), t('Đường tỉnh 2'), n(20)],
    [t('3'), t('Cầu Hà Thanh'), n(30)],
  ];
  return { name: 'S', rows: body, merges: [], lineOf: body.map((_, i) => i + 1), ...extra };
}

const names = (g: RawGrid) => {
  const r = readAppendix(g)!;
  const name = r.sheet.columns.find((c) => c.kind === 'leaf' && c.label === 'Tên dự án')!.id;
  return r.sheet.rows.map((row) => row.cells[name]);
};
const codes = (g: RawGrid) => readAppendix(g)!.warnings.map((w) => `${w.code}@${w.row}`);

describe('hidden rows', () => {
  it('a hidden row of no group and no filter is a stale line, dropped', () => {
    const g = table({ hiddenRows: new Set([5]) });
    expect(names(g)).not.toContain('Cầu Hà Thanh');
    expect(codes(g)).toContain('hiddenRow@6');
  });

  it('a project collapsed in an outline group is read, and the user told', () => {
    const g = table({ hiddenRows: new Set([4, 5]), groupedRows: new Set([3, 4, 5]) });
    expect(names(g)).toContain('Cầu Hà Thanh');
    expect(codes(g)).toEqual(expect.arrayContaining(['foldedRow@5', 'foldedRow@6']));
  });

  it('a project filtered out by an AutoFilter is read; a filtered copy of a shown row is not', () => {
    const filter = { r0: 0, c0: 0, r1: 6, c1: 2 };
    expect(names(table({ hiddenRows: new Set([5]), autoFilter: filter }))).toContain(
      'Cầu Hà Thanh',
    );
    const copy = table({ hiddenRows: new Set([6]), autoFilter: filter }, [
      ...table().rows,
      [t('3'), t('Cầu Hà Thanh'), n(67)],
    ]);
    expect(names(copy).filter((x) => x === 'Cầu Hà Thanh')).toHaveLength(1);
    expect(codes(copy)).toContain('hiddenRow@7');
    // a row whose formulas broke is a leftover, whatever filters it
    const broken = table({ hiddenRows: new Set([6]), autoFilter: filter }, [
      ...table().rows,
      [t('4'), t('Cầu cũ'), t('#REF!')],
    ]);
    expect(names(broken)).not.toContain('Cầu cũ');
  });
});

describe('a hidden column in an outline group', () => {
  it('is a detail of the table, not a stale copy of the shown column of the same label', () => {
    const rows = [
      [t('STT'), t('Tên dự án'), t('Kế hoạch'), t('Kế hoạch')],
      [t('1'), t('Đường tỉnh 1'), n(10), n(4)],
    ];
    const stale = table({ hiddenCols: new Set([3]) }, rows);
    const band = findHeaderBand(stale)!;
    expect(staleHiddenColumns(stale, band)).toEqual([3]);
    const grouped = { ...stale, groupedCols: new Set([3]) };
    expect(staleHiddenColumns(grouped, band)).toEqual([]);
  });
});

describe('formulas saved without cached values', () => {
  it('compute sums, SUBTOTAL(9, …), arithmetic; another sheet or function is not computed', () => {
    const cells: Record<string, number> = { '1,2': 5, '2,2': 7, '3,2': 11 };
    // the sheet itself only: another sheet is not known here
    const at = (l: number, c: number, sheet?: string) =>
      sheet === undefined ? (cells[`${l},${c}`] ?? 0) : null;
    expect(evaluate('SUM(C1:C3)', at)).toBe(23);
    expect(evaluate('=SUBTOTAL(9,C1:C3)', at)).toBe(23);
    expect(evaluate('+$C$1*2-(C2+C3)/2', at)).toBe(1);
    expect(evaluate("'M01'!D11", at)).toBeNull();
    expect(evaluate('ROUND(C1,0)', at)).toBeNull();
    expect(evaluate('SUBTOTAL(1,C1:C3)', at)).toBeNull();
  });

  it('read another sheet of the workbook, a text referred to, nothing of another workbook', () => {
    const f = (formula: string): RawCell => ({ text: '', formula });
    const m01: RawGrid = {
      name: 'M01+',
      rows: [
        [t('(Kèm theo Quyết định số 1731/QĐ-BTC)'), t(''), t('')],
        [t(''), n(40), n(2)],
      ],
      merges: [],
      lineOf: [4, 5],
    };
    const g = table({}, [
      [f("+'M01+'!A4:C4"), f("+'m01+'!A4:C4"), f("'M01+'!A4:B5")],
      [t(''), t('Tổng số'), f("'M01+'!B5+'M01+'!$C$5")],
      [t(''), t('Cộng'), f("SUM('M01+'!B5:C5,'M01+'!A4)+'M01+'!B5")],
      [t(''), t('Lệch'), f("'M01+'!A4+1")],
      [t(''), t('Liên kết'), f('[1]M01!B5')],
      [t(''), t('Không có'), f("'M02+'!B5")],
      [t(''), t('Hai trang'), f("SUM('M01+:M02+'!B5)")],
    ]);
    const [read] = withBookFormulaValues([g, m01]);
    const at = (r: number, k: number) => read.rows[r][k];
    // a title copied from the other sheet's row range: the cell where it meets the column
    expect(at(0, 0)).toMatchObject({ value: '(Kèm theo Quyết định số 1731/QĐ-BTC)' });
    expect(at(0, 1)).toMatchObject({ value: 0, noValue: 'computed' }); // (B4 is blank)
    expect(at(0, 2).noValue).toBe('unknown'); // (a block of two rows: no one cell)
    expect(at(1, 2)).toMatchObject({ value: 42, text: '42', noValue: 'computed' });
    expect(at(2, 2).value).toBe(82); // (text in a sum counts as nothing)
    // text in arithmetic, another workbook, a sheet the file lacks, a 3-D range: not computed
    for (const r of [3, 4, 5, 6]) expect(at(r, 2)).toMatchObject({ text: '', noValue: 'unknown' });
    expect(formulaNotes(read).unknown).toHaveLength(5);
  });

  it('a total saved as `SUM` without a value reads as its sum, a formula of them too', () => {
    const f = (formula: string): RawCell => ({ text: '', formula });
    const g = table({}, [
      [t('STT'), t('Tên dự án'), t('Kế hoạch')],
      [t(''), t('Tổng số'), f('C3')],
      [t('I'), t('Giao thông'), f('SUM(C4:C5)')],
      [t('1'), t('Đường tỉnh 1'), n(10)],
      [t('2'), t('Đường tỉnh 2'), n(20)],
    ]);
    const { grid, cells } = withFormulaValues(g);
    expect(cells).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(grid.rows[1][2]).toMatchObject({ value: 30, formula: 'C3' });
    expect(codes(g)).toContain('formulaNoValue@2');
  });
});

describe('error values', () => {
  it('are no figures (SheetJS stores `#REF!` as its code 23)', () => {
    const g = table({}, [
      [t('STT'), t('Tên dự án'), t('Kế hoạch')],
      [t(''), t('Tổng số'), { text: '#REF!', value: 23, formula: 'SUM(#REF!)' }],
      [t('1'), t('Đường tỉnh 1'), n(10)],
    ]);
    const r = readAppendix(g)!;
    const plan = r.sheet.columns.find((c) => c.kind === 'leaf' && c.label === 'Kế hoạch')!.id;
    expect(r.sheet.rows[0].cells[plan]).not.toBe(23);
  });
});
