/** Copy, paste, fill and clear on a plain grid sheet: one step each, undone and redone whole. */
import { describe, expect, it } from 'vitest';
import { gridInput } from '../domain/grid';
import { makePlan } from '../domain/template';
import type { CellInput, GridSheet } from '../domain/types';
import { parseTsv } from './clipboard';
import {
  copyGridRange,
  moveGridBlock,
  planGridClear,
  planGridFill,
  planGridFillKey,
  planGridPaste,
} from './plainClipboard';
import { WorkbookSession } from './session';

function session(cells: CellInput[][]) {
  const grid: GridSheet = { kind: 'grid', id: 'g1', name: 'Đối chiếu', cells };
  const wb = makePlan({ rows: [['project', 0, 'p1', {}]] });
  return new WorkbookSession(
    { workbook: { ...wb, grids: [grid] }, order: new Map(), rev: 1 },
    null,
  );
}

const g = (s: WorkbookSession) => s.workbook.grids![0];
const vals = (s: WorkbookSession, r0: number, r1: number, c0: number, c1: number) =>
  Array.from({ length: r1 - r0 + 1 }, (_, i) =>
    Array.from({ length: c1 - c0 + 1 }, (_, j) => s.gridValue('g1', r0 + i, c0 + j)),
  );

describe('plain sheet paste', () => {
  it('pastes a TSV block in Vietnamese style as one step; undo and redo take it whole', () => {
    const s = session([
      ['Nguồn', 'Số tiền'],
      ['NSTW', 100],
      ['NSĐP', 250],
      ['Cộng', '=SUM(B2:B3)'],
    ]);
    const p = planGridPaste(g(s), { row: 1, col: 1 }, parseTsv('61.600\n1,5\n'), undefined, 'vi');
    expect(p?.command).toEqual({
      type: 'setGridCells',
      gridId: 'g1',
      changes: [
        { r: 1, c: 1, value: 61600 },
        { r: 2, c: 1, value: 1.5 },
      ],
    });
    expect(s.dispatch(p!.command, 'range').ok).toBe(true);
    expect(s.gridValue('g1', 3, 1)).toBe(61601.5);
    s.undo();
    expect(vals(s, 1, 3, 1, 1)).toEqual([[100], [250], [350]]);
    // one step: a single undo took the whole block back
    expect(s.history.canUndo).toBe(false);
    s.redo();
    expect(vals(s, 1, 3, 1, 1)).toEqual([[61600], [1.5], [61601.5]]);
  });

  it('reads English-style figures when the block or the user says so', () => {
    const s = session([]);
    const en = planGridPaste(g(s), { row: 0, col: 0 }, [['1,500.25', '1.5']]);
    expect(en!.command).toMatchObject({
      changes: [
        { r: 0, c: 0, value: 1500.25 },
        { r: 0, c: 1, value: 1.5 },
      ],
    });
    // a lone three-digit group reads as thousands (the appendix grid's rule), whatever the user's style
    for (const style of ['vi', 'en'] as const)
      expect(
        planGridPaste(g(s), { row: 0, col: 0 }, [['1.234']], undefined, style)!.command,
      ).toMatchObject({ changes: [{ value: 1234 }] });
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
    const raw = moveGridBlock(copied.raw, { row: 0, col: 0 }, { row: 4, col: 1 });
    const p = planGridPaste(g(s), { row: 4, col: 1 }, parseTsv(copied.text), raw);
    s.dispatch(p!.command, 'range');
    expect(g(s).cells[4]).toEqual([null, 1, 2, '=B5+C5']);
    expect(vals(s, 4, 5, 3, 3)).toEqual([[3], [7]]);
    expect(p!.range).toEqual({ r0: 4, c0: 1, r1: 5, c1: 3 });
    s.undo();
    expect(g(s).cells.length).toBe(2);
  });

  it('plans nothing when the block changes nothing', () => {
    const s = session([[5]]);
    expect(planGridPaste(g(s), { row: 0, col: 0 }, [['5']])).toBeNull();
  });
});

describe('plain sheet fill and clear', () => {
  it('Ctrl+D fills the top row down, moving formulas, as one step', () => {
    const s = session([
      [1, 10, '=A1*B1'],
      [2, 20, null],
      [3, 30, null],
    ]);
    const p = planGridFillKey(g(s), { r0: 0, c0: 2, r1: 2, c1: 2 }, true);
    s.dispatch(p!.command, 'range');
    expect(g(s).cells.map((r) => r[2])).toEqual(['=A1*B1', '=A2*B2', '=A3*B3']);
    expect(vals(s, 0, 2, 2, 2)).toEqual([[10], [40], [90]]);
    s.undo();
    expect(g(s).cells.map((r) => r[2])).toEqual(['=A1*B1', null, null]);
    s.redo();
    expect(vals(s, 0, 2, 2, 2)).toEqual([[10], [40], [90]]);
  });

  it('Ctrl+D on one cell copies the cell above; Ctrl+R copies the cell to the left', () => {
    const s = session([
      [7, null],
      [null, null],
    ]);
    expect(planGridFillKey(g(s), { r0: 1, c0: 0, r1: 1, c1: 0 }, true)!.command).toMatchObject({
      changes: [{ r: 1, c: 0, value: 7 }],
    });
    expect(planGridFillKey(g(s), { r0: 0, c0: 1, r1: 0, c1: 1 }, false)!.command).toMatchObject({
      changes: [{ r: 0, c: 1, value: 7 }],
    });
    expect(planGridFillKey(g(s), { r0: 0, c0: 0, r1: 0, c1: 0 }, true)).toBeNull();
  });

  it('repeats a two-row pattern over a longer target', () => {
    const s = session([['a'], ['b']]);
    const p = planGridFill(g(s), { r0: 0, c0: 0, r1: 1, c1: 0 }, { r0: 2, c0: 0, r1: 4, c1: 0 });
    s.dispatch(p!.command, 'range');
    expect(g(s).cells.map((r) => r[0])).toEqual(['a', 'b', 'a', 'b', 'a']);
  });

  it('clears a range as one step and undo brings it back', () => {
    const s = session([
      [1, 2],
      [3, 4],
    ]);
    s.dispatch(planGridClear(g(s), { r0: 0, c0: 0, r1: 1, c1: 1 })!.command, 'range');
    expect(vals(s, 0, 1, 0, 1)).toEqual([
      [null, null],
      [null, null],
    ]);
    s.undo();
    expect(vals(s, 0, 1, 0, 1)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});

describe('typed input in a plain sheet', () => {
  it('reads numbers in the chosen style and keeps texts and dashes as text', () => {
    expect(gridInput('1,5', 'vi')).toBe(1.5);
    expect(gridInput('1.5', 'en')).toBe(1.5);
    expect(gridInput('1,500.5', 'en')).toBe(1500.5);
    expect(gridInput('61.600', 'vi')).toBe(61600);
    expect(gridInput('-')).toBe('-');
    expect(gridInput('=A1')).toBe('=A1');
    expect(gridInput('NSTW')).toBe('NSTW');
  });
});
