/**
 * Find and replace through the session: "replace all" over an appendix and a plain sheet is one
 * step (undo restores every cell, redo writes them again), the totals follow the figures replaced
 * and never the skipped sums, a single replace is a step of its own, a read-only session writes
 * nothing.
 */
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import type { GridSheet } from '../domain/types';
import { replaceInWorkbook } from './replace';
import { WorkbookSession } from './session';

const A11 = 'y2011_dtpt';
/** Section I over projects "Dự án a" (1) and "Dự án b" (2), the total row stating 3; a plain sheet. */
function plan(grids: GridSheet[] = []): WorkbookSession {
  const wb = makePlan({
    rows: [
      ['section', 0, 'I'],
      ['project', 1, 'Dự án a', { [A11]: 1 }],
      ['project', 1, 'Dự án b', { [A11]: 2 }],
      ['total', 0, 'Tổng cộng', { stated: 3 }],
    ],
  });
  return new WorkbookSession({ workbook: { ...wb, grids }, order: new Map(), rev: 1 }, null);
}

const loose = { matchCase: false, wholeCell: false };
const grid: GridSheet = { kind: 'grid', id: 'g1', name: 'Ghi chú', cells: [['Dự án a, Dự án b']] };
const names = (s: WorkbookSession) => s.workbook.sheets[0].rows.map((r) => r.cells.name);

describe('replace through the session', () => {
  it('replace all is one step: undo restores every cell, redo writes them again', () => {
    const s = plan([grid]);
    const before = s.workbook;
    const r = replaceInWorkbook(s, 'Dự án', 'Công trình', loose, 'vi');
    expect(r).toMatchObject({ ok: true, replaced: 3 });
    expect(names(s)).toEqual(
      ['I', 'Công trình a', 'Công trình b', 'Tổng cộng'].map((n, i) =>
        i === 0 || i === 3 ? n : n,
      ),
    );
    expect(s.workbook.grids?.[0].cells[0][0]).toBe('Công trình a, Công trình b');
    expect(s.undo()).toBe(true);
    expect(s.workbook.sheets[0].rows.map((r) => r.cells)).toEqual(
      before.sheets[0].rows.map((r) => r.cells),
    );
    expect(s.workbook.grids?.[0].cells).toEqual(grid.cells);
    expect(s.history.canUndo).toBe(false);
    expect(s.redo()).toBe(true);
    expect(names(s)[1]).toBe('Công trình a');
    expect(s.workbook.grids?.[0].cells[0][0]).toBe('Công trình a, Công trình b');
  });

  it('a figure replaced moves the sums; the section sum matching is skipped and counted', () => {
    const s = plan();
    expect(s.value('s1', 0, A11)).toBe(3);
    // whole cell "3": the total row's stated 3 (typed there) is replaced
    const sum = replaceInWorkbook(s, '3', '30', { matchCase: false, wholeCell: true }, 'vi');
    expect(sum).toMatchObject({ ok: true, replaced: 1 });
    // the section's sum and the total row's live sum of 2011 show 3: skipped
    expect(sum.skipped.computed).toBe(2);
    expect(s.value('s1', 0, A11)).toBe(3);
    const two = replaceInWorkbook(s, '2', '61.600', { matchCase: false, wholeCell: true }, 'vi');
    expect(two.replaced).toBe(1);
    expect(s.raw('s1', 2, A11)).toBe(61600);
    expect(s.value('s1', 0, A11)).toBe(61601);
    s.undo();
    expect(s.value('s1', 0, A11)).toBe(3);
  });

  it('a single replace (one cell in scope) is a step of its own', () => {
    const s = plan();
    const one = (c: { rowId: string; colId: string }) =>
      c.colId === 'name' && c.rowId === s.workbook.sheets[0].rows[1].id;
    expect(
      replaceInWorkbook(s, 'a', 'A', { matchCase: true, wholeCell: true }, 'vi', one).replaced,
    ).toBe(0);
    const r = replaceInWorkbook(s, 'Dự án', 'DA', loose, 'vi', one);
    expect(r.replaced).toBe(1);
    expect(names(s).slice(1, 3)).toEqual(['DA a', 'Dự án b']);
    s.undo();
    expect(names(s).slice(1, 3)).toEqual(['Dự án a', 'Dự án b']);
  });

  it('a read-only session writes nothing and says so', () => {
    const s = plan();
    s.readOnly = true;
    const r = replaceInWorkbook(s, 'Dự án', 'DA', loose, 'vi');
    expect(r.ok).toBe(false);
    expect(r.refusal?.code).toBe('readOnly');
    expect(names(s)[1]).toBe('Dự án a');
  });
});
