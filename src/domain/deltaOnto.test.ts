import { describe, expect, it } from 'vitest';
import { applyDelta, diffWorkbooks, reverseDelta } from './delta';
import { applyDeltaOnto, orderOnto } from './deltaOnto';
import { makePlan } from './template';
import type { GridSheet, Row, Workbook } from './types';

const A = 'y2011_dtpt';
const B = 'y2011_sn';
const base = makePlan({
  rows: [
    ['section', 0, 'I', {}],
    ['project', 1, 'p1', { '2011:ĐTPT': 100 }],
    ['project', 1, 'p2', { '2011:ĐTPT': 200 }],
  ],
});
const withRows = (wb: Workbook, f: (rows: Row[]) => Row[]): Workbook => ({
  ...wb,
  sheets: [{ ...wb.sheets[0], rows: f(wb.sheets[0].rows) }],
});
const setCell = (wb: Workbook, id: string, col: string, v: number) =>
  withRows(wb, (rows) =>
    rows.map((r) => (r.id === id ? { ...r, cells: { ...r.cells, [col]: v } } : r)),
  );

describe('orderOnto', () => {
  it('is the step’s order when nothing else moved', () => {
    expect(orderOnto(['a', 'b'], ['a', 'b'], ['a', 'x', 'b'])).toEqual(['a', 'x', 'b']);
  });
  it('keeps ids others added after the id they followed, drops ids others removed', () => {
    // the step removed x; meanwhile others added y after a and removed b
    expect(orderOnto(['a', 'y', 'x', 'c'], ['a', 'b', 'x', 'c'], ['a', 'b', 'c'])).toEqual([
      'a',
      'y',
      'c',
    ]);
    expect(orderOnto(['y', 'a'], ['a'], ['a', 'n'])).toEqual(['y', 'a', 'n']);
  });
});

describe('applyDeltaOnto', () => {
  it('is the delta itself on the workbook it was read from', () => {
    const after = setCell(base, 'r2', A, 150);
    const d = reverseDelta(diffWorkbooks(base, after));
    const got = applyDeltaOnto(after, d);
    expect(got.delta).toBe(d);
    expect(got.after).toEqual(applyDelta(after, d));
  });

  it("changes only the cells the step changed, keeping another's cell of the same row", () => {
    const mine = setCell(base, 'r2', A, 150);
    const undo = reverseDelta(diffWorkbooks(base, mine));
    const theirs = setCell(mine, 'r2', B, 77);
    const { after } = applyDeltaOnto(theirs, undo);
    expect(after.sheets[0].rows[1].cells).toMatchObject({ [A]: 100, [B]: 77, name: 'p1' });
  });

  it('undoes a plain-sheet cell where it still holds the step’s value only', () => {
    const grid: GridSheet = { kind: 'grid', id: 'g', name: 'G', cells: [[1, 2]] };
    const wb0 = { ...base, grids: [grid] };
    const wb1 = { ...wb0, grids: [{ ...grid, cells: [[5, 6]] }] };
    const undo = reverseDelta(diffWorkbooks(wb0, wb1));
    const wb2 = { ...wb1, grids: [{ ...grid, cells: [[5, 9]] }] }; // another wrote the second
    expect(applyDeltaOnto(wb2, undo).after.grids![0].cells).toEqual([[1, 9]]);
  });
});
