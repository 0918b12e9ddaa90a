/**
 * The checks' first pass in steps (a large workbook's, after its engine is built): it ends with
 * exactly the findings of the one-go pass (CheckStore.full), shows none while it runs (never a
 * false alarm), checks no more than its rows per step, and an edit of any kind made between its
 * steps ends in the findings of a session opened afresh on the workbook as edited.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatePlan, prng } from '../domain/generate';
import type { AppendixSheet, Row, Workbook } from '../domain/types';
import { PlanEngine } from '../engine/engine';
import { readPlanFile } from '../io/readPlan';
import { CheckStore } from './checkStore';
import { commandOf, type Ids, type Seed, startWorkbook } from './randomSteps';
import { WorkbookSession } from './session';

const AMOUNTS = [2021, 2022, 2023, 2024, 2025].flatMap((y) => [`y${y}_dtpt`, `y${y}_sn`]);

/** A generated plan with wrong stated figures here and there (findings on many rows). */
function bent(seed: number, projects = 300): Workbook {
  const wb = generatePlan({ projects, seed, perSection: 12 });
  const rnd = prng(seed * 7 + 1);
  const rows: Row[] = wb.sheets[0].rows.map((r) => {
    const cells = { ...r.cells };
    const x = rnd();
    if (r.kind === 'project' && x < 0.1) cells.stated = Number(cells.stated ?? 0) + 7;
    if (r.kind === 'section' && x < 0.3) cells[AMOUNTS[seed % 10]] = Math.round(rnd() * 20000);
    return { ...r, cells };
  });
  return { ...wb, sheets: [{ ...wb.sheets[0], rows }] };
}

/** A workbook of three appendices: a bent plan, a Ministry of Finance table, the property kit's. */
function threeSheets(seed: number): Workbook {
  const wb = bent(seed);
  const mof = readPlanFile('p.xls', readFileSync('fixtures/mof/Plan_2014.xls')).workbook;
  const kit = startWorkbook(seed);
  const second = { ...(mof.sheets[0] as AppendixSheet), id: 'mof', name: 'Bộ Tài chính' };
  const third = { ...kit.sheets[0], id: 'kit', name: 'Bộ thử' };
  return { ...wb, sheets: [...wb.sheets, second, third] };
}

/** Every finding of every sheet, from a one-go pass over a fresh copy (no cache shared). */
function fresh(wb: Workbook) {
  const copy = structuredClone(wb);
  const engine = new PlanEngine();
  engine.loadWorkbook(copy);
  const store = new CheckStore();
  store.full(copy, engine);
  return copy.sheets.map((s) => store.list(copy, s.id));
}

const shown = (s: WorkbookSession) =>
  s.workbook.sheets.map((sh) => s.checks.list(s.workbook, sh.id));

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
