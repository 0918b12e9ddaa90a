/**
 * A kept step of a plain sheet follows the rows and columns others inserted or removed: its cells
 * at their places now, cells of removed rows or columns dropped, positions past the sheet's end
 * kept as far from the end, and its row arrays made never to match (the step is then taken cell by
 * cell by `applyDeltaOnto`, only where the cell still holds what the step found).
 */
import { describe, expect, it } from 'vitest';
import { diffWorkbooks, reverseDelta } from './delta';
import { applyDeltaOnto } from './deltaOnto';
import { deltaThroughMoves, gridMoveOf } from './gridMoves';
import type { CellInput, Workbook } from './types';

const wb = (cells: CellInput[][]): Workbook =>
  ({ sheets: [], grids: [{ kind: 'grid', id: 'g', name: 'G', cells }] }) as unknown as Workbook;

describe('plain sheets: kept steps follow moved rows and columns', () => {
  it('reads the move of two id orders', () => {
    expect(gridMoveOf({ rows: ['a', 'b'], cols: ['x'] }, { rows: ['a', 'b'], cols: ['x'] })).toBe(
      null,
    );
    expect(
      gridMoveOf(
        { rows: ['a', 'b', 'c'], cols: ['x'] },
        { rows: ['n', 'a', 'c'], cols: ['y', 'x'] },
      ),
    ).toEqual({ rows: [1, -1, 2], rowCount: 3, cols: [1], colCount: 2 });
  });

  it('undoes my cell where it is now; drops a removed row; shifts past the end', () => {
    const before = wb([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    const mine = wb([
      ['a', 5],
      ['b', 6],
      ['c', 3],
    ]);
    const undo = reverseDelta(diffWorkbooks(before, mine));
    // another person inserted a row on top and removed row b (a, b, c → n, a, c)
    const now = wb([
      ['n', 5],
      ['a', 5],
      ['c', 3],
    ]);
    const move = { rows: [1, -1, 2], rowCount: 3, cols: [0, 1], colCount: 2 };
    const moved = deltaThroughMoves(undo, new Map([['g', move]]));
    expect(moved.grids[0].cells.map((x) => [x.r, x.c, x.before, x.after])).toEqual([[1, 1, 5, 1]]);
    expect(applyDeltaOnto(now, moved).after.grids![0].cells).toEqual([
      ['n', 5],
      ['a', 1],
      ['c', 3],
    ]);
    // unmoved: the position the step found, whoever's cell is there now
    expect(applyDeltaOnto(now, undo).after.grids![0].cells[0]).toEqual(['n', 1]);
    expect(deltaThroughMoves(undo, new Map())).toBe(undo);
    // a step that added rows at the end: its length and its cells past the end keep their distance
    const grown = diffWorkbooks(
      before,
      wb([
        ['a', 1],
        ['b', 2],
        ['c', 3],
        ['d', 4],
      ]),
    );
    const two = { rows: [2, 3, 4], rowCount: 5, cols: [0, 1], colCount: 2 };
    const g = deltaThroughMoves(grown, new Map([['g', two]])).grids[0];
    expect([g.length, g.cells.map((x) => [x.r, x.c])]).toEqual([
      { before: 5, after: 6 },
      [
        [5, 0],
        [5, 1],
      ],
    ]);
    expect([g.rowArrays.at(-1)!.r, g.rowArrays.at(-1)!.before]).toEqual([5, []]);
  });
});
