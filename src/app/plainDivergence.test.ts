import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import type { CellInput, Workbook } from '../domain/types';
import { keepLocalPlain, plainDivergences } from './plainDivergence';
import { divergences } from './sync';
import { WorkbookSession } from './session';

const withGrid = (cells: CellInput[][]): Workbook => ({
  ...makePlan({ rows: [['section', 0, 'I', {}]] }),
  id: 'w',
  grids: [{ kind: 'grid', id: 'g1', name: 'Ghi chú', cells }],
});

describe('plain cells on which the two copies disagree', () => {
  it('lists each differing plain cell with both values (blank and padding alike)', () => {
    const mine = withGrid([
      ['a', 1],
      ['b', 2, null],
    ]);
    const shared = withGrid([
      ['a', 5],
      ['b', 2],
      [null, ''],
    ]);
    const d = plainDivergences(mine, shared);
    expect(d).toEqual([
      { sheetId: 'g1', rowId: '0', colId: '1', local: 1, shared: 5, plain: true },
    ]);
    expect(divergences(mine, shared)).toEqual(d);
  });

  it("keeping this browser's value is a step on the plain cell", () => {
    const shared = withGrid([['a', 5]]);
    const [d] = plainDivergences(withGrid([['a', 1]]), shared);
    const s = new WorkbookSession({ workbook: shared, order: new Map(), rev: 1 }, null);
    expect(s.dispatch(keepLocalPlain(d), 'setCells').ok).toBe(true);
    expect(s.workbook.grids![0].cells[0][1]).toBe(1);
  });
});
