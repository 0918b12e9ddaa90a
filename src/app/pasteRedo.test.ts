/**
 * A large paste (over projects, and below the last project, adding rows) done, undone and redone:
 * after each, every figure the session shows is what a session built afresh from the same model
 * shows (the engine's recalculation order, engine/topSort.ts, and the rows a step adds written
 * without their blanks, engine/writes.ts, keep the engine equal to the model).
 */
import { describe, expect, it } from 'vitest';
import { leaves } from '../domain/columns';
import { generatePlan } from '../domain/generate';
import { planPaste } from './clipboard';
import { WorkbookSession } from './session';

/** Every raw input and value of the first sheet, by row and leaf. */
function figures(s: WorkbookSession): unknown[] {
  const sheet = s.workbook.sheets[0];
  const ls = leaves(sheet.columns);
  return sheet.rows.map((r, i) => [
    r.id,
    ls.map((l) => [s.raw(sheet.id, i, l.id), s.value(sheet.id, i, l.id)]),
  ]);
}

/** The figures of a session built afresh from `s`'s workbook. */
const fresh = (s: WorkbookSession) =>
  figures(
    new WorkbookSession({ workbook: structuredClone(s.workbook), order: new Map(), rev: 1 }, null),
  );

/** `rows` lines of 10 amounts (a formula among them), from `k` on. */
const block = (rows: number, k: number) =>
  Array.from({ length: rows }, (_, i) =>
    Array.from({ length: 10 }, (_, j) => (i === 3 && j === 2 ? '=E5*2' : String(i * 10 + j + k))),
  );

describe('a large paste done, undone and redone', () => {
  it('shows the figures of a session built afresh from the model at every point', () => {
    const s = new WorkbookSession(
      { workbook: generatePlan({ projects: 300 }), order: new Map(), rev: 1 },
      null,
    );
    const sheet = () => s.workbook.sheets[0];
    const col = leaves(sheet().columns).findIndex((l) => l.id === 'y2021_dtpt');
    const start = fresh(s);
    const lastProject = sheet().rows.findLastIndex((r) => r.kind === 'project');
    for (const [row, m] of [
      [2, block(200, 1)],
      [lastProject, block(120, 7)],
    ] as const) {
      const before = figures(s);
      const plan = planPaste(sheet(), { row, col }, m, m);
      if (!('command' in plan)) throw new Error('paste refused');
      expect(s.dispatch(plan.command, 'paste').ok).toBe(true);
      const done = figures(s);
      expect(done).not.toEqual(before);
      expect(done).toEqual(fresh(s));
      expect(s.undo()).toBe(true);
      expect(figures(s)).toEqual(before);
      expect(figures(s)).toEqual(fresh(s));
      expect(s.redo()).toBe(true);
      expect(figures(s)).toEqual(done);
      expect(figures(s)).toEqual(fresh(s));
    }
    expect(sheet().rows.length).toBeGreaterThan(start.length + 100);
  });
});
