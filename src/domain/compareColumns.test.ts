import { describe, expect, it } from 'vitest';
import { pairColumns } from './compareColumns';
import type { AppendixSheet, ColumnLeaf, ColumnNode } from './types';

const leaf = (id: string, label: string, role: ColumnLeaf['role'] = 'value'): ColumnLeaf => ({
  kind: 'leaf',
  id,
  label,
  role,
});
const group = (id: string, label: string, children: ColumnNode[]): ColumnNode => ({
  kind: 'group',
  id,
  label,
  children,
});
const sheet = (columns: ColumnNode[]): AppendixSheet => ({
  kind: 'appendix',
  id: 's1',
  name: 'M08',
  title: '',
  columns,
  rows: [],
});

/** Plan_2012 M08's columns: two `TỔNG SỐ` (of two groups) and two `TỔNG CHI CÂN ĐỐI NSĐP`. */
const provinces = (ids: string[], extra: ColumnNode[] = []): AppendixSheet =>
  sheet([
    leaf('name', 'TỈNH, THÀNH PHỐ', 'name'),
    ...extra,
    leaf(ids[0], 'TỔNG CHI CÂN ĐỐI NSĐP'),
    group('g1', 'BỔ SUNG TỪ NSTW CHO NSĐP', [
      leaf(ids[1], 'TỔNG SỐ'),
      leaf(ids[2], 'BỔ SUNG CÂN ĐỐI'),
      group('g2', 'BỔ SUNG CÓ MỤC TIÊU', [leaf(ids[3], 'TỔNG SỐ'), leaf(ids[4], 'VỐN ĐẦU TƯ')]),
    ]),
    leaf(ids[5], 'TỔNG CHI CÂN ĐỐI NSĐP'),
  ]);

const pairs = (a: AppendixSheet, b: AppendixSheet) =>
  pairColumns(a, b).map((c) => [c.a?.id ?? null, c.b?.id ?? null]);

describe('pairing the columns of two sheets', () => {
  it('pairs columns of one label by their header path, then their order, never one for two', () => {
    const a = provinces(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    // the department's copy: its columns numbered otherwise, one column of its own inserted
    const b = provinces(['b1', 'b2', 'b3', 'b4', 'b5', 'b6'], [leaf('bx', 'Vốn khác')]);
    expect(pairs(a, b)).toEqual([
      ['a1', 'b1'],
      ['a2', 'b2'],
      ['a3', 'b3'],
      ['a4', 'b4'],
      ['a5', 'b5'],
      ['a6', 'b6'],
      [null, 'bx'],
    ]);
  });

  it('keeps the key of a label one column has: a column read under another group still pairs', () => {
    const a = sheet([
      leaf('a1', 'Ghi chú', 'text'),
      group('g', 'Kế hoạch', [leaf('a2', 'Tổng số')]),
    ]);
    const b = sheet([
      leaf('b1', 'Ghi chú', 'text'),
      group('g', 'Kế hoạch vốn', [leaf('b2', 'Tổng số')]),
    ]);
    expect(pairs(a, b)).toEqual([
      ['a1', 'b1'],
      ['a2', 'b2'],
    ]);
    expect(pairColumns(a, b).map((c) => c.key)).toEqual(['text|ghi chú', 'value|tổng số']);
  });

  it('pairs a column whose header carries a footnote mark one year and not the next', () => {
    // Plan_2014 M09 → Plan_2015 M09: `(2)` marked one column in 2014 and another in 2015
    const a = sheet([
      leaf('a0', 'TỈNH, THÀNH PHỐ', 'name'),
      leaf('a1', 'TỔNG THU NSNN TRÊN ĐỊA BÀN (1)'),
      leaf('a2', 'TỔNG CHI CÂN ĐỐI NGÂN SÁCH ĐỊA PHƯƠNG (2)'),
      leaf('a3', 'Ghi chú (*)', 'text'),
    ]);
    const b = sheet([
      leaf('b0', 'TỈNH, THÀNH PHỐ', 'name'),
      leaf('b1', 'TỔNG THU NSNN TRÊN ĐỊA BÀN (1)'),
      leaf('b2', 'TỔNG CHI CÂN ĐỐI NGÂN SÁCH ĐỊA PHƯƠNG'),
      leaf('b3', 'Ghi chú', 'text'),
    ]);
    expect(pairs(a, b)).toEqual([
      ['a1', 'b1'],
      ['a2', 'b2'],
      ['a3', 'b3'],
    ]);
  });
});
