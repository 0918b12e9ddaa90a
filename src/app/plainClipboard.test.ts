/** Copy, paste, fill and clear on a plain grid sheet: one step each, undone and redone whole. */
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import type { CellInput, GridSheet } from '../domain/types';
import type { PasteResult } from './clipboard';
import { shiftBlock } from './copyBlock';
import { copyGridRange, planGridClear, planGridFill, planGridPaste } from './plainClipboard';
import { WorkbookSession } from './session';
import { parseTsv } from './tsv';

function session(cells: CellInput[][]) {
  const grid: GridSheet = { kind: 'grid', id: 'g1', name: 'Đối chiếu', cells };
  const wb = makePlan({ rows: [['project', 0, 'p1', {}]] });
  return new WorkbookSession(
    { workbook: { ...wb, grids: [grid] }, order: new Map(), rev: 1 },
    null,
  );
}

const NOTES: CellInput[][] = [
  ['Nguồn', 'Số tiền'],
  ['NSTW', 100],
  ['NSĐP', 250],
  ['Cộng', '=SUM(B2:B3)'],
];

const g = (s: WorkbookSession) => s.workbook.grids![0];
const vals = (s: WorkbookSession, r0: number, r1: number, c0: number, c1: number) =>
  Array.from({ length: r1 - r0 + 1 }, (_, i) =>
    Array.from({ length: c1 - c0 + 1 }, (_, j) => s.gridValue('g1', r0 + i, c0 + j)),
  );

/** Dispatches a planned step; then undo and redo, checking the values at each point. */
function doUndoRedo(
  s: WorkbookSession,
  p: PasteResult,
  read: () => unknown,
  before: unknown,
  after: unknown,
) {
  if (!('command' in p)) throw new Error('refused');
  expect(read()).toEqual(before);
  expect(s.dispatch(p.command, 'range').ok).toBe(true);
  expect(read()).toEqual(after);
  expect(s.undo()).toBe(true);
  expect(read()).toEqual(before);
  // one step: a single undo took the whole block back
  expect(s.history.canUndo).toBe(false);
  expect(s.redo()).toBe(true);
  expect(read()).toEqual(after);
}

describe('plain sheet paste', () => {
  it('pastes a TSV block in Vietnamese style as one step; undo and redo take it whole', () => {
    const s = session(NOTES);
    const p = planGridPaste(g(s), { row: 1, col: 1 }, parseTsv('61.600\n1,5\n'), undefined, 'vi');
    expect(p).toMatchObject({
      command: {
        type: 'setGridCells',
        gridId: 'g1',
        changes: [
          { r: 1, c: 1, value: 61600 },
          { r: 2, c: 1, value: 1.5 },
        ],
      },
      range: { r0: 1, c0: 1, r1: 2, c1: 1 },
    });
    doUndoRedo(s, p, () => vals(s, 1, 3, 1, 1), [[100], [250], [350]], [[61600], [1.5], [61601.5]]);
  });

  it('reads figures in the user style when the block does not tell', () => {
    const s = session([]);
    const cmd = (style: 'vi' | 'en') => {
      const p = planGridPaste(g(s), { row: 0, col: 0 }, [['1,5', '2.5']], undefined, style);
      return 'command' in p ? p.command : null;
    };
    // a block that does not tell (one figure each way): the user's style decides
    expect(cmd('vi')).toMatchObject({ changes: [{ value: 1.5 }, { value: '2.5' }] });
    expect(cmd('en')).toMatchObject({ changes: [{ value: '1,5' }, { value: 2.5 }] });
    // the block's own style wins: `1,500.25` is English, so `2,000` is two thousand, not 2
    const en = planGridPaste(g(s), { row: 0, col: 0 }, [['1,500.25', '2,000']], undefined, 'vi');
    expect('command' in en && en.command).toMatchObject({
      changes: [{ value: 1500.25 }, { value: 2000 }],
    });
  });

  it('pastes past the last column and row: the sheet grows, and shrinks back on undo', () => {
    const s = session(NOTES);
    const p = planGridPaste(g(s), { row: 3, col: 2 }, [
      ['a', 'b', '7'],
      ['c', 'd', '8'],
    ]);
    doUndoRedo(
      s,
      p,
      () => [g(s).cells.length, Math.max(...g(s).cells.map((r) => r.length)), vals(s, 4, 4, 4, 4)],
      [4, 2, [[null]]],
      [5, 5, [[8]]],
    );
    // a second paste further right writes too
    const q = planGridPaste(g(s), { row: 0, col: 5 }, [['x', '9']]);
    expect('command' in q && s.dispatch(q.command, 'range').ok).toBe(true);
    expect(vals(s, 0, 0, 5, 6)).toEqual([['x', 9]]);
  });

  it('copies a block with its formulas and pastes it elsewhere with references moved', () => {
    const s = session([
      [1, 2, '=A1+B1'],
      [3, 4, '=A2+B2'],
    ]);
    const copied = copyGridRange(g(s), { r0: 0, c0: 0, r1: 1, c1: 2 }, (r, c) =>
      String(s.gridValue('g1', r, c)),
    );
    expect(copied.text).toBe('1\t2\t3\n3\t4\t7');
    const raw = shiftBlock(copied.raw, 2, 1);
    const p = planGridPaste(g(s), { row: 2, col: 1 }, parseTsv(copied.text), raw);
    expect(g(s).cells[2]).toBeUndefined();
    doUndoRedo(
      s,
      p,
      () => vals(s, 2, 3, 1, 3),
      [
        [null, null, null],
        [null, null, null],
      ],
      [
        [1, 2, 3],
        [3, 4, 7],
      ],
    );
    expect(g(s).cells[2][3]).toBe('=B3+C3');
  });

  it('an unchanged block is no step', () => {
    const s = session(NOTES);
    expect(planGridPaste(g(s), { row: 1, col: 0 }, [['NSTW', '100']])).toEqual({ refusals: [] });
  });
});

describe('plain sheet fill and clear', () => {
  it('fills down repeating the source, moving relative formulas', () => {
    const s = session([
      [1, '=A1*2'],
      [null, null],
      [null, null],
    ]);
    const p = planGridFill(g(s), { r0: 0, c0: 0, r1: 0, c1: 1 }, { r0: 1, c0: 0, r1: 2, c1: 1 });
    doUndoRedo(
      s,
      p,
      () => vals(s, 0, 2, 0, 1),
      [
        [1, 2],
        [null, null],
        [null, null],
      ],
      [
        [1, 2],
        [1, 2],
        [1, 2],
      ],
    );
    expect(g(s).cells[2][1]).toBe('=A3*2');
  });

  it('fills right into columns the sheet did not have', () => {
    const s = session([[5]]);
    const p = planGridFill(g(s), { r0: 0, c0: 0, r1: 0, c1: 0 }, { r0: 0, c0: 1, r1: 0, c1: 3 });
    doUndoRedo(s, p, () => vals(s, 0, 0, 0, 3), [[5, null, null, null]], [[5, 5, 5, 5]]);
  });

  it('clears a range as one step (blank cells are not changes)', () => {
    const s = session(NOTES);
    const c = planGridClear(g(s), { r0: 1, c0: 1, r1: 5, c1: 3 });
    expect(c).toMatchObject({
      changes: [
        { r: 1, c: 1 },
        { r: 2, c: 1 },
        { r: 3, c: 1 },
      ],
    });
    expect(s.dispatch(c!, 'range').ok).toBe(true);
    expect(vals(s, 1, 3, 1, 1)).toEqual([[null], [null], [null]]);
    s.undo();
    expect(vals(s, 1, 3, 1, 1)).toEqual([[100], [250], [350]]);
    expect(planGridClear(g(s), { r0: 5, c0: 5, r1: 6, c1: 6 })).toBeNull();
  });
});
