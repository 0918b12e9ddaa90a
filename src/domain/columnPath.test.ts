/** A finding names an ambiguous column by its path in the column tree (`Năm 2010 › TỔNG SỐ`). */
import { describe, expect, it } from 'vitest';
import { explain } from './checks';
import { ambiguousPaths, columnScope } from './columnPath';
import type { ColumnNode } from './types';

const leaf = (id: string, label: string): ColumnNode => ({
  kind: 'leaf',
  id,
  label,
  role: 'value',
});
const group = (id: string, label: string, children: ColumnNode[]): ColumnNode => ({
  kind: 'group',
  id,
  label,
  children,
});

const tree: ColumnNode[] = [
  leaf('name', 'Tên'),
  group('g1', 'Năm 2010', [leaf('a', 'TỔNG SỐ'), leaf('b', 'Vốn trong nước')]),
  group('g2', 'Năm 2011', [
    group('g3', 'Bổ sung', [leaf('c', 'TỔNG SỐ')]),
    leaf('d', 'Vốn nước ngoài'),
  ]),
];

describe('column paths', () => {
  it('are computed once per column tree, and anew for a changed tree', () => {
    const first = ambiguousPaths(tree);
    expect(ambiguousPaths(tree)).toBe(first);
    const renamed = [
      tree[0],
      group('g1', 'Năm 2012', (tree[1] as { children: ColumnNode[] }).children),
      tree[2],
    ];
    expect(ambiguousPaths(renamed)).not.toBe(first);
    expect(ambiguousPaths(renamed).get('a')).toBe('Năm 2012 › TỔNG SỐ');
  });

  it('names only the leaves whose label is shared, by the fewest header texts above them', () => {
    expect([...ambiguousPaths(tree)]).toEqual([
      ['a', 'Năm 2010 › TỔNG SỐ'],
      ['c', 'Bổ sung › TỔNG SỐ'],
    ]);
    const same = [
      group('x', 'A', [leaf('p', 'T')]),
      group('y', 'B', [group('z', 'A', [leaf('q', 'T')])]),
    ];
    expect([...ambiguousPaths(same)]).toEqual([
      ['p', 'A › T'],
      ['q', 'B › A › T'],
    ]);
  });

  it('a finding of each TỔNG SỐ column reads apart in Vietnamese and English', () => {
    const paths = ambiguousPaths(tree);
    expect(columnScope(paths, 'a', 'TỔNG SỐ')).toBe('Năm 2010 › TỔNG SỐ');
    expect(columnScope(paths, 'b', 'Vốn trong nước')).toBe('Vốn trong nước');
    expect(columnScope(paths, 'a', 'ĐTPT')).toBe('ĐTPT'); // a source scope is kept
    const f = (colId: string) => ({
      rule: 'grand-total' as const,
      severity: 'error' as const,
      rowId: 'r',
      colId,
      label: 'TỔNG SỐ',
      expected: 10,
      actual: 9,
      terms: 2,
      scope: columnScope(paths, colId, 'TỔNG SỐ'),
    });
    expect(explain(f('a'), 'vi')).toMatch(/^TỔNG SỐ \[Năm 2010 › TỔNG SỐ\]: số ghi/);
    expect(explain(f('c'), 'en')).toMatch(/^TỔNG SỐ \[Bổ sung › TỔNG SỐ\]: stated/);
  });
});
