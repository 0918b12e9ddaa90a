import { describe, expect, it } from 'vitest';
import { sheetFindings } from './checks';
import { partColumns } from './columnShape';
import type { AppendixSheet, ColumnLeaf, ColumnNode, Row } from './types';

const leaf = (id: string, label: string): ColumnLeaf => ({
  kind: 'leaf',
  id,
  label,
  role: 'value',
});
const label = (id: string, l: string): ColumnLeaf => ({ kind: 'leaf', id, label: l, role: 'name' });

/** Provinces as rows, figures as columns: revenue, spending, and `Tr.đó` a part of spending. */
const provinces: ColumnNode[] = [
  label('name', 'Tỉnh, thành phố'),
  leaf('c', 'Tổng thu NSNN trên địa bàn'),
  leaf('f', 'Tổng số chi ngân sách tỉnh'),
  leaf('g', 'Tr.đó: chi chương trình mục tiêu quốc gia'),
];

describe('a lone column headed `Trong đó` (no group over its parts)', () => {
  it('is a part of the column just before it', () => {
    const parts = partColumns(provinces, []).map((p) => [p.total.id, p.parts.map((x) => x.id)]);
    expect(parts).toEqual([['f', ['g']]]);
  });

  it('is not part of a column that is itself a part, nor of a ratio, nor of a coded sum', () => {
    const two = [leaf('f', 'Tổng số'), leaf('g', 'Trong đó: vốn NSTW'), leaf('h', 'Trong đó: ODA')];
    expect(partColumns(two, []).map((p) => [p.total.id, p.parts[0].id])).toEqual([['f', 'g']]);
    const ratio = [{ ...leaf('f', 'Tỷ lệ'), additive: false as const }, leaf('g', 'Trong đó: x')];
    expect(partColumns(ratio, [])).toEqual([]);
    const coded = [{ target: 'f', text: '4=5+6', terms: [] }];
    expect(partColumns(provinces, coded)).toEqual([]);
  });

  it('finds a part above its whole on a row, and nothing where it stays within', () => {
    const row = (id: string, c: number, f: number, g: number): Row => ({
      id,
      kind: 'project',
      level: 0,
      cells: { name: id, c, f, g },
    });
    const sheet = (rows: Row[]): AppendixSheet => ({
      kind: 'appendix',
      id: 's',
      name: 'Sheet1',
      title: '',
      columns: provinces,
      rows,
    });
    const errors = (s: AppendixSheet) =>
      sheetFindings(s, null, {
        value: (i, c) => s.rows[i].cells[c],
        total: () => null,
        rule: () => null,
      })
        .filter((f) => f.severity === 'error')
        .map((f) => [f.rowId, f.colId, f.expected, f.actual]);
    expect(errors(sheet([row('Hà Nội', 900, 500, 120), row('Hải Phòng', 800, 300, 90)]))).toEqual(
      [],
    );
    expect(errors(sheet([row('Hà Nội', 900, 500, 620), row('Hải Phòng', 800, 300, 90)]))).toEqual([
      ['Hà Nội', 'f', 500, 620],
    ]);
  });
});
