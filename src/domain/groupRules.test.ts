import { describe, expect, it } from 'vitest';
import { groupRules } from './groupRules';
import type { ColumnLeaf, ColumnNode, Row } from './types';

const leaf = (id: string, label: string, extra: Partial<ColumnLeaf> = {}): ColumnLeaf => ({
  kind: 'leaf',
  id,
  label,
  role: 'value',
  ...extra,
});
const row = (k: number, cells: Record<string, number>): Row => ({
  id: `r${k}`,
  kind: 'project',
  level: 0,
  cells,
});
const none = new Set<string>();

/** `III. Chi thường xuyên › Tổng số | Giáo dục | Y tế` over rows given as [total, a, b]. */
function table(figures: [number, number, number][], label = 'III. Chi thường xuyên') {
  const columns: ColumnNode[] = [
    leaf('tt', 'STT', { role: 'number' }),
    leaf('name', 'Tên đơn vị', { role: 'name' }),
    {
      kind: 'group',
      id: 'g',
      label,
      children: [leaf('t', 'Tổng số'), leaf('a', 'Giáo dục'), leaf('b', 'Y tế')],
    },
  ];
  const rows = figures.map(([t, a, b], k) => row(k, { t, a, b }));
  return { columns, rows };
}

describe('sums a header means', () => {
  it('a group’s Tổng số is the sum of its columns where the figures follow it', () => {
    const { columns, rows } = table([
      [30, 10, 20],
      [7, 3, 4],
      [9, 4, 5],
      [11, 5, 6],
      [12, 6, 6],
      [13, 6, 7],
      [14, 7, 7],
      [15, 7, 8],
      [16, 8, 8],
      [99, 1, 2], // the one row in ten that breaks it: a real difference, the rule still holds
    ]);
    const rules = groupRules(columns, rows, none, none);
    expect(rules).toHaveLength(1);
    expect(rules[0].target).toBe('t');
    expect(rules[0].terms.map((t) => t.colId)).toEqual(['a', 'b']);
  });

  it('no rule where the figures do not follow it (a partial list without Trong đó)', () => {
    const { columns, rows } = table([
      [30, 10, 5],
      [7, 3, 1],
      [9, 4, 5],
      [11, 5, 6],
    ]);
    expect(groupRules(columns, rows, none, none)).toEqual([]);
  });

  it('never for an of-which group, a rule the code row states, or a column switched off', () => {
    const figures: [number, number, number][] = [
      [30, 10, 20],
      [7, 3, 4],
      [9, 4, 5],
      [11, 5, 6],
    ];
    const { columns, rows } = table(figures);
    expect(groupRules(columns, rows, new Set(['t']), none)).toEqual([]);
    expect(groupRules(columns, rows, none, new Set(['t']))).toEqual([]);
    const ofWhich: ColumnNode[] = [
      leaf('t', 'Tổng số'),
      {
        kind: 'group',
        id: 'w',
        label: 'Trong đó',
        children: [leaf('a', 'Giáo dục'), leaf('b', 'Y tế')],
      },
    ];
    expect(
      groupRules([{ kind: 'group', id: 'g', label: 'Chi', children: ofWhich }], rows, none, none),
    ).toEqual([]);
  });

  it('too few rows to tell: no rule', () => {
    const { columns, rows } = table([
      [30, 10, 20],
      [7, 3, 4],
    ]);
    expect(groupRules(columns, rows, none, none)).toEqual([]);
  });

  it('a first figure column over parts numbered I, II, III (by their own totals)', () => {
    const columns: ColumnNode[] = [
      leaf('name', 'Tên đơn vị', { role: 'name' }),
      leaf('c', 'Quyết toán 2009'),
      {
        kind: 'group',
        id: 'g1',
        label: 'I. Chi đầu tư',
        children: [leaf('d', 'Tổng số'), leaf('e', 'XDCB')],
      },
      leaf('j', 'II. Chi trả nợ'),
      {
        kind: 'group',
        id: 'g3',
        label: 'III. Chi thường xuyên',
        children: [leaf('k', 'Tổng số'), leaf('l', 'Giáo dục')],
      },
    ];
    const rows = [0, 1, 2, 3, 4].map((k) =>
      row(k, { c: 10 + k + 5 + 3, d: 10 + k, e: 10 + k, j: 5, k: 3, l: 3 }),
    );
    const rules = groupRules(columns, rows, none, none);
    const top = rules.find((r) => r.target === 'c');
    expect(top?.terms.map((t) => t.colId)).toEqual(['d', 'j', 'k']);
  });
});
