/**
 * The checks' first pass in steps (a large workbook's, after its engine is built): it ends with
 * exactly the findings of the one-go pass (CheckStore.full), shows none while it runs (never a
 * false alarm), checks no more than its rows per step, and an edit of any kind made between its
 * steps ends in the findings of a session opened afresh on the workbook as edited.
 */
import { describe, expect, it } from 'vitest';
import { bent, fresh, shown, threeSheets } from '../../tests/support/checkWorkbooks';
import { prng } from '../domain/generate';
import { PlanEngine } from '../engine/engine';
import { CheckStore } from './checkStore';
import { commandOf, type Ids, type Seed } from './randomSteps';
import { WorkbookSession } from './session';

describe('the checks’ first pass in steps', () => {
  it('gives the one-go pass’s findings, shows none until done, and checks at most its rows a step', () => {
    for (const [seed, rows] of [
      [1, 1],
      [2, 7],
      [3, 500],
      [4, 4000],
    ]) {
      const wb = threeSheets(seed);
      const engine = new PlanEngine();
      engine.loadWorkbook(wb);
      const store = new CheckStore();
      store.begin();
      let steps = 0;
      for (;;) {
        const before = store.passRows;
        const done = store.step(wb, (id) => engine.values(id), rows);
        expect(store.passRows - before).toBeLessThanOrEqual(rows);
        steps++;
        if (done) break;
        expect(store.passing).toBe(true);
        for (const sh of wb.sheets) expect(store.list(wb, sh.id)).toEqual([]);
      }
      const total = wb.sheets.reduce((n, s) => n + s.rows.length, 0);
      expect(store.passRows).toBe(total);
      expect(steps).toBeGreaterThanOrEqual(Math.ceil(total / rows));
      const want = fresh(wb);
      expect(want.flat().length).toBeGreaterThan(20); // findings on every kind of rule the plan bends
      expect(wb.sheets.map((s) => store.list(wb, s.id))).toStrictEqual(want);
    }
  }, 120_000);

  it('ends, after random edits of every kind made between its steps, as a fresh session', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const wb = threeSheets(seed);
      const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 0 }, null);
      const ids: Ids = { prefix: `c${seed}`, next: 0 };
      const rnd = prng(seed * 31 + 5);
      const n = () => Math.floor(rnd() * 1000);
      s.checks.begin();
      let edits = 0;
      for (let k = 0; ; k++) {
        if (k < 40 && rnd() < 0.6) {
          // cells mostly (the pass goes on), now and then rows, sheets, the plan's fields
          const kind = rnd() < 0.6 ? 0 : n() % 41;
          const seedOf: Seed = { kind, a: n(), b: n(), c: n(), d: n(), parts: [] };
          const cmd = commandOf(s.workbook, seedOf, ids);
          try {
            if (cmd && s.dispatch(cmd, 'edit').ok) edits++;
          } catch (e) {
            if (!(e instanceof Error && / not found| exists/.test(e.message))) throw e;
          }
          continue;
        }
        const done = s.checks.step(s.workbook, (id) => s.values(id), 1 + (n() % 60));
        if (done) break;
        for (const sh of s.workbook.sheets) expect(s.checks.list(s.workbook, sh.id)).toEqual([]);
      }
      expect(edits).toBeGreaterThan(5);
      expect(shown(s)).toStrictEqual(fresh(s.workbook));
      // and the findings keep following edits once it is done
      const cmd = commandOf(s.workbook, { kind: 0, a: 3, b: 5, c: 7, d: 9, parts: [] }, ids);
      if (cmd) s.dispatch(cmd, 'after');
      expect(shown(s)).toStrictEqual(fresh(s.workbook));
    }
  }, 120_000);

  it('runs after a large workbook’s build in idle steps, the findings shown once it is done', async () => {
    const wb = bent(9, 2000);
    const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 0 }, null, false, {
      defer: true,
      checkRows: 50,
      mark: null,
    });
    await s.engineBuilt;
    expect(s.engineReady).toBe(true);
    expect(s.checksReady).toBe(false);
    expect(s.checks.list(s.workbook, wb.sheets[0].id)).toEqual([]);
    await s.whenEngineReady();
    expect(s.checksReady).toBe(true);
    expect(shown(s)).toStrictEqual(fresh(s.workbook));
    s.close();
  });
});
