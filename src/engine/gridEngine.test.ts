import { describe, expect, it } from 'vitest';
import type { GridSheet } from '../domain/types';
import { GridEngine } from './gridEngine';

const grid = (id: string, name: string, cells: GridSheet['cells']): GridSheet => ({
  kind: 'grid',
  id,
  name,
  cells,
});

describe('GridEngine', () => {
  it('evaluates formulas, keeps texts as texts, and follows references between grid sheets', () => {
    const e = new GridEngine();
    e.load([
      grid('g1', 'Dữ liệu', [
        ['Năm', 'Vốn'],
        [2011, 1.5],
        [2012, '=B2*2'],
        ['1.5', "'=A1"],
      ]),
      grid('g2', '__proto__', [["='Dữ liệu'!B3+1"]]),
    ]);
    expect(e.value('g1', 2, 1)).toBe(3);
    expect(e.value('g1', 3, 0)).toBe('1.5');
    expect(e.value('g1', 3, 1)).toBe('=A1');
    expect(e.value('g2', 0, 0)).toBe(4);
  });

  it('recomputes dependants of an edit and refuses an edit that would be an error', () => {
    const e = new GridEngine();
    e.load([grid('g1', 'S', [[1, 2, '=A1+B1']])]);
    const rows = e.setCells('g1', [{ r: 0, c: 0, value: 10 }]);
    expect(rows).toEqual(new Set([0]));
    expect(e.value('g1', 0, 2)).toBe(12);
    const refused = e.setCells('g1', [{ r: 1, c: 0, value: '=1/0' }]);
    expect(Array.isArray(refused) && refused[0].error).toBe('DIV_BY_ZERO');
    expect(e.value('g1', 1, 0)).toBeNull();
    e.remove('g1');
    expect(() => e.value('g1', 0, 0)).toThrow();
  });
});
