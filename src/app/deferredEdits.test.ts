/**
 * Issue 20: edits typed while the engine is still being built (held mid-way by fake timers, one
 * build step per task) are taken without it: the figures shown are right at once, the build goes
 * on in its steps (it is never run to its end inside the edit), and once it is done the engine
 * holds what an engine built from the final model holds, and the checks are those of that model.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { leaves } from '../domain/columns';
import type { Command } from '../domain/commands';
import { generatePlan } from '../domain/generate';
import type { Row, Workbook } from '../domain/types';
import { commandOf, seedArb, snapshot } from './randomSteps';
import { WorkbookSession } from './session';

const held = (wb: Workbook) =>
  new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null, false, {
    defer: true,
    budget: 0, // one build step per task
    mark: null,
  });
const builtAtOnce = (wb: Workbook) =>
  new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);

/** Every figure the grid shows of a session, and the checks' findings once it is built. */
function figures(s: WorkbookSession): unknown {
  return JSON.parse(JSON.stringify(snapshot(s).values).replace(/-0\b/g, '0'));
}

/** The figures a session built at once from `s`'s model shows (what `s` must show). */
function fresh(s: WorkbookSession): { values: unknown; checks: unknown } {
  const f = builtAtOnce(s.workbook);
  const out = {
    values: figures(f),
    checks: s.workbook.sheets.map((sh) => f.checks.list(f.workbook, sh.id)),
  };
  f.close();
  return out;
}

const checksOf = (s: WorkbookSession) =>
  s.workbook.sheets.map((sh) => s.checks.list(s.workbook, sh.id));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('edits during the engine’s build', () => {
  it('show right figures at once, leave the build in its steps, and reach the final model', () => {
    const wb = generatePlan({ projects: 4000, seed: 5 });
    const sheet = wb.sheets[0];
    const sid = sheet.id;
    const ids = leaves(sheet.columns).map((l) => l.id);
    const amount = ids.find((id) => id.startsWith('y2022_'))!;
    const s = held(wb);
    void s.whenEngineReady();
    vi.runOnlyPendingTimers(); // the contents and the values
    vi.runOnlyPendingTimers(); // the first formulas
    expect(s.engineReady).toBe(false);
    const steps = () => s.engineCounts.buildSteps;
    const projects = sheet.rows.filter((r) => r.kind === 'project');
    const newRow = (n: number): Row => ({
      id: `new${n}`,
      kind: 'project',
      level: 2,
      cells: { name: `Mới ${n}`, [amount]: 1000 + n },
    });
    const paste = projects
      .slice(10, 60)
      .flatMap((p, i) =>
        ids.slice(5, 9).map((colId, j) => ({ rowId: p.id, colId, value: i * 10 + j })),
      );
    const edits: (() => unknown)[] = [
      () =>
        s.dispatch(
          {
            type: 'setCells',
            sheetId: sid,
            changes: [{ rowId: projects[3].id, colId: amount, value: 12345 }],
          },
          'edit',
        ),
      () => s.dispatch({ type: 'setCells', sheetId: sid, changes: paste }, 'paste'),
      () => s.undo(),
      () => s.redo(),
      () => s.dispatch({ type: 'insertRows', sheetId: sid, at: 40, rows: [newRow(1)] }, 'insert'),
      () => s.dispatch({ type: 'deleteRows', sheetId: sid, rowIds: [projects[7].id] }, 'delete'),
      () => s.dispatch({ type: 'moveRows', sheetId: sid, from: 5, count: 3, to: 90 }, 'move'),
      () => s.undo(),
      () =>
        s.dispatch(
          {
            type: 'setCells',
            sheetId: sid,
            changes: [{ rowId: projects[3].id, colId: amount, value: null }],
          },
          'clear',
        ),
    ];
    for (const edit of edits) {
      const before = steps();
      expect(edit()).toBeTruthy();
      expect([edits.indexOf(edit), s.engineReady]).toEqual([edits.indexOf(edit), false]);
      expect(steps()).toBe(before); // no build step ran inside the edit
      expect(figures(s)).toEqual(fresh(s).values);
      vi.runOnlyPendingTimers(); // and the build goes on: one step in the next task
      expect(steps()).toBe(before + 1);
    }
    expect(s.engineReady).toBe(false);
    expect(s.engineCounts.deferred).toBe(edits.length);
    const sofar = steps();
    vi.runAllTimers();
    expect(steps()).toBeGreaterThan(sofar);
    expect(s.engineReady).toBe(true);
    const want = fresh(s);
    expect(figures(s)).toEqual(want.values);
    expect(checksOf(s)).toEqual(want.checks);
    // the engine goes on from there: an undo and an edit after the build
    expect(s.undo()).toBe(true);
    expect(figures(s)).toEqual(fresh(s).values);
    s.close();
  }, 120_000);

  it('builds the engine at once for a formula typed during the build, and refuses as built', () => {
    const wb = generatePlan({ projects: 300, seed: 2 });
    const sheet = wb.sheets[0];
    const amount = leaves(sheet.columns).find((l) => l.id.startsWith('y2021_'))!.id;
    const s = held(wb);
    void s.whenEngineReady();
    vi.runOnlyPendingTimers();
    const p = sheet.rows.find((r) => r.kind === 'project')!;
    const r = s.dispatch(
      {
        type: 'setCells',
        sheetId: sheet.id,
        changes: [{ rowId: p.id, colId: amount, value: '=1/0' }],
      },
      'f',
    );
    expect(r.ok).toBe(false);
    expect(s.engineReady).toBe(true);
    expect(s.engineCounts.deferred).toBe(0);
    s.close();
  });

  it('random steps during the build: right figures at each, the built engine that of the model', () => {
    let deferred = 0;
    fc.assert(
      fc.property(fc.array(seedArb, { minLength: 5, maxLength: 25 }), fc.nat(4), (seeds, seed) => {
        const s = held(generatePlan({ projects: 40, perSection: 6, seed: seed + 1 }));
        void s.whenEngineReady();
        vi.runOnlyPendingTimers();
        const ids = { prefix: 'r', next: 1 };
        for (const sd of seeds) {
          let cmd: Command | null;
          try {
            cmd = commandOf(s.workbook, sd, ids);
          } catch {
            continue;
          }
          // no plain grid sheets here (their figures need the engine anyway)
          if (!cmd || JSON.stringify(cmd).includes('"grid')) continue;
          try {
            if (sd.d % 5 === 0) s.undo();
            else if (sd.d % 5 === 1) s.redo();
            else s.dispatch(cmd, 'step');
          } catch (e) {
            if (e instanceof Error && / not found| exists/.test(e.message)) continue;
            throw e;
          }
          expect(figures(s)).toEqual(fresh(s).values);
        }
        deferred += s.engineCounts.deferred;
        vi.runAllTimers();
        expect(s.engineReady).toBe(true);
        const want = fresh(s);
        expect(figures(s)).toEqual(want.values);
        expect(checksOf(s)).toEqual(want.checks);
        s.close();
      }),
      { numRuns: 40, seed: 20261201 },
    );
    expect(deferred).toBeGreaterThan(40);
  }, 120_000);
});
