import { describe, expect, it } from 'vitest';
import {
  columnSignature,
  confirmedMapping,
  formColumnId,
  formColumnsOf,
  mapColumns,
  sourceIn,
  submittedColumns,
  titleYear,
  unmappedColumns,
  yearIn,
} from './consolidateColumns';
import type { FormColumn } from './consolidateTypes';
import type { AppendixSheet, ColumnLeaf, ColumnNode } from './types';

const leaf = (
  id: string,
  label: string,
  role: ColumnLeaf['role'],
  extra: Partial<ColumnLeaf> = {},
): ColumnLeaf => ({
  kind: 'leaf',
  id,
  label,
  role,
  ...extra,
});
const group = (id: string, label: string, children: ColumnNode[], year?: number): ColumnNode => ({
  kind: 'group',
  id,
  label,
  children,
  ...(year ? { year } : {}),
});
const sheet = (columns: ColumnNode[]): AppendixSheet => ({
  kind: 'appendix',
  id: 's1',
  name: 'Phụ lục',
  title: 'Danh mục',
  columns: [leaf('tt', 'TT', 'number'), leaf('name', 'Tên dự án', 'name'), ...columns],
  rows: [],
});
const FORM: FormColumn[] = [2026, 2027, 2028].flatMap((year) =>
  ['ĐTPT', 'SN'].map((source) => ({ id: formColumnId(year, source), year, source })),
);
const summary = (s: AppendixSheet, year: number | null = null) =>
  submittedColumns(s, year).map((c) => [c.path.join(' / '), c.year, c.source, c.kind]);

describe('reading a submission’s columns', () => {
  it('finds years and sources written anywhere in a header', () => {
    expect(yearIn('XDCB 2026')).toBe(2026);
    expect(yearIn('Giai đoạn 2026-2028')).toBeNull();
    expect(titleYear(['ĐỀ XUẤT DỰ TOÁN NĂM 2026'])).toBe(2026);
    expect(titleYear(['KẾ HOẠCH 2026 - 2030'])).toBeNull();
    for (const [text, code] of [
      ['Vốn SN', 'SN'],
      ['Sự nghiệp 2027', 'SN'],
      ['Chi thường xuyên', 'SN'],
      ['Trong đó: Vốn ĐTPT', 'ĐTPT'],
      ['Đầu tư phát triển', 'ĐTPT'],
      ['XDCB', 'ĐTPT'],
      ['Kinh phí sự nghiệp', 'SN'],
      ['Ngân sách trung ương', 'NSTW'],
      ['Ghi chú', null],
    ] as const)
      expect(sourceIn(text), text).toBe(code);
  });

  it('tells amounts from year totals, the investment total and the stated row total', () => {
    const s = sheet([
      leaf('stated', 'Tổng mức đầu tư', 'stated'),
      group(
        'y2027',
        'Năm 2027',
        [
          leaf('y2027_total', 'Tổng số', 'amount', { year: 2027 }),
          group('g1', 'Trong đó', [
            leaf('y2027_sn', 'Sự nghiệp', 'amount', { year: 2027, source: 'SN' }),
            leaf('y2027_dtpt', 'Đầu tư phát triển', 'amount', { year: 2027, source: 'ĐTPT' }),
          ]),
        ],
        2027,
      ),
      leaf('c9', 'Lũy kế vốn đã bố trí đến năm 2025', 'value'),
      leaf('c10', 'Tổng cộng', 'stated'),
    ]);
    expect(summary(s)).toEqual([
      ['Tổng mức đầu tư', null, null, 'other'],
      ['Năm 2027 / Tổng số', 2027, null, 'subtotal'],
      ['Năm 2027 / Trong đó / Sự nghiệp', 2027, 'SN', 'amount'],
      ['Năm 2027 / Trong đó / Đầu tư phát triển', 2027, 'ĐTPT', 'amount'],
      ['Lũy kế vốn đã bố trí đến năm 2025', null, null, 'other'],
      ['Tổng cộng', null, null, 'subtotal'],
    ]);
  });

  it('reads a year and a source out of one flat header cell, or the plan’s year from its title', () => {
    const flat = sheet([
      leaf('src_dtpt', 'XDCB 2026', 'amount', { source: 'ĐTPT' }),
      leaf('src_sn', 'Sự nghiệp 2026', 'amount', { source: 'SN' }),
    ]);
    expect(summary(flat)).toEqual([
      ['XDCB 2026', 2026, 'ĐTPT', 'amount'],
      ['Sự nghiệp 2026', 2026, 'SN', 'amount'],
    ]);
    const single = sheet([
      leaf('src_sn', 'Vốn sự nghiệp', 'amount', { source: 'SN' }),
      leaf('src_dtpt', 'Vốn đầu tư', 'amount', { source: 'ĐTPT' }),
    ]);
    expect(summary(single, 2026).map((c) => c[1])).toEqual([2026, 2026]);
  });

  it('takes the one request column of a plan with neither years nor sources', () => {
    const s = sheet([
      leaf('stated', 'Tổng mức đầu tư', 'stated'),
      leaf('c3', 'Kinh phí đề nghị', 'value'),
      leaf('c4', 'Số lượng', 'value'),
    ]);
    expect(summary(s, 2026)).toEqual([
      ['Tổng mức đầu tư', null, null, 'other'],
      ['Kinh phí đề nghị', 2026, null, 'amount'],
      ['Số lượng', null, null, 'other'],
    ]);
  });

  it('keeps a source the form does not know, named by its header, beside known ones', () => {
    const s = sheet([
      group(
        'y2026',
        'Năm 2026',
        [
          leaf('a', 'NSTW', 'amount', { year: 2026, source: 'NSTW' }),
          leaf('b', 'Ngân sách huyện', 'amount', { year: 2026 }),
        ],
        2026,
      ),
    ]);
    expect(summary(s).map((c) => c[2])).toEqual(['NSTW', 'Ngân sách huyện']);
  });
});

describe('mapping onto the form', () => {
  const s = sheet([
    group('gs', 'Chi thường xuyên', [
      leaf('a', 'Năm 2027', 'amount', { year: 2027, source: 'SN' }),
      leaf('b', 'Năm 2026', 'amount', { year: 2026, source: 'SN' }),
    ]),
    group('gd', 'Vốn XDCB', [
      leaf('c', 'Năm 2026', 'amount', { year: 2026, source: 'ĐTPT' }),
      leaf('d', 'Năm 2029', 'amount', { year: 2029, source: 'ĐTPT' }),
    ]),
    leaf('e', 'Tổng cộng', 'stated'),
  ]);
  const cols = submittedColumns(s, null);

  it('maps other orders, a subset of years, other spellings; lists what goes nowhere', () => {
    const m = mapColumns(cols, FORM);
    expect(m).toEqual({
      's1:a': 'y2027_sn',
      's1:b': 'y2026_sn',
      's1:c': 'y2026_dtpt',
      's1:d': null,
      's1:e': null,
    });
    expect(unmappedColumns(cols, m, FORM).map((u) => [u.column.path.join(' / '), u.why])).toEqual([
      ['Vốn XDCB / Năm 2029', 'year 2029 not in the form'],
      ['Tổng cộng', 'total of other columns'],
    ]);
  });

  it('a confirmed mapping is remembered by header, whatever the file’s column ids', () => {
    const m = mapColumns(cols, FORM);
    m['s1:d'] = 'y2028_dtpt';
    const memory = confirmedMapping(cols, m);
    expect(memory[columnSignature(cols[3])]).toBe('y2028_dtpt');
    const again = submittedColumns({ ...s, id: 's9' }, null);
    expect(mapColumns(again, FORM, memory)['s9:d']).toBe('y2028_dtpt');
    // a remembered target the form no longer has falls back to the automatic mapping
    expect(mapColumns(again, FORM.slice(0, 2), memory)['s9:d']).toBeNull();
  });

  it('a year column without a source goes to the year’s only source; a form of the files’ columns', () => {
    const oneSource = FORM.filter((f) => f.source === 'SN');
    const yearOnly = submittedColumns(
      sheet([leaf('y', 'Năm 2027', 'amount', { year: 2027 })]),
      null,
    );
    expect(mapColumns(yearOnly, oneSource)['s1:y']).toBe('y2027_sn');
    expect(mapColumns(yearOnly, FORM)['s1:y']).toBeNull();
    expect(formColumnsOf(cols).map((f) => f.id)).toEqual([
      'y2026_dtpt',
      'y2026_sn',
      'y2027_sn',
      'y2029_dtpt',
    ]);
  });
});
