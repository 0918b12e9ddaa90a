/**
 * A session that builds its engine later: before the build it shows the engine's figures (from the
 * stored rows), everything that needs the engine builds it first, and an edit made before the build
 * is applied after it, in order, with its undo.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { leaves, yearGroups } from '../domain/columns';
import { generatePlan } from '../domain/generate';
import { makePlan } from '../domain/template';
import type { Workbook } from '../domain/types';
import { readPlanFile } from '../io/readPlan';
import { PlainValues } from '../engine/plainValues';
import { PlanEngine } from '../engine/engine';
import { DEFER_ENGINE_ROWS, defersEngine, EngineGate } from './engineGate';
import { WorkbookSession } from './session';

const open = (wb: Workbook, defer: boolean) =>
  new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null, false, defer);

/** Everything the grid reads of a sheet, through the session (values, totals, raw, layout). */
function reads(s: WorkbookSession, wb: Workbook): unknown[] {
  const out: unknown[] = [];
  for (const sheet of wb.sheets) {
    const ids = leaves(sheet.columns).map((l) => l.id);
    const groups = yearGroups(sheet.columns).map((g) => g.group.id);
    const v = s.values(sheet.id);
    const rules = s.layout(sheet.id).rules.length;
    sheet.rows.forEach((_, i) => {
      for (const id of ids) out.push([i, id, s.value(sheet.id, i, id), s.raw(sheet.id, i, id)]);
      for (let k = 0; k < rules; k++) out.push(['rule', i, k, v.rule(i, k)]);
    });
    const layout = s.layout(sheet.id);
    out.push(layout.sources, [...layout.col], [...layout.statedCol]);
    for (const src of [...layout.sources, null])
      for (const id of [...ids, ...groups])
        out.push(['total', src, id, s.total(sheet.id, src, id)]);
  }
  return out;
}

const zero = (x: unknown): unknown => (Array.isArray(x) ? x.map(zero) : x === 0 ? 0 : x); // -0 and 0 show alike

/**
 * The deferred session's reads before its build equal a built session's; they build nothing unless
 * a sheet holds what only the engine computes.
 */
function sameBeforeBuild(wb: Workbook): void {
  const later = open(wb, true);
  const now = open(wb, false);
  expect(zero(reads(later, wb))).toEqual(zero(reads(now, wb)));
  expect(later.engineReady).toBe(wb.sheets.some((s) => !PlainValues.of(s)));
  later.close();
  now.close();
}

const P1 = '2011:ĐTPT';
const A11 = 'y2011_dtpt';

function small(): Workbook {
  return makePlan({
    rows: [
      ['section', 0, 'I', { [A11]: 999 }],
      ['project', 1, 'p1', { [P1]: 100, '2011:SN': 10 }],
      ['project', 1, 'p2', { [P1]: 200 }],
      ['section', 0, 'II', {}],
      ['project', 1, 'p3', { [P1]: 5 }],
    ],
  });
}

describe('a session with its engine built later', () => {
  it('shows the engine’s figures before the build, on real and generated plans', () => {
    for (const f of [
      'fixtures/quang-tri-2011-2015.planbook',
      'fixtures/compare/quang-tri-a.planbook',
    ])
      sameBeforeBuild(readPlanFile(f, new Uint8Array(readFileSync(f))).workbook);
    for (const f of ['fixtures/shapes/phu-tho-2018-2020.xlsx', 'fixtures/mof/Plan_2014.xls'])
      sameBeforeBuild(readPlanFile(f, new Uint8Array(readFileSync(f))).workbook);
    for (const seed of [1, 7, 42]) {
      const wb = generatePlan({ projects: 80, seed });
      // noisy decimals and texts where amounts go
      let k = 0;
      for (const r of wb.sheets[0].rows)
        for (const key of Object.keys(r.cells))
          if (typeof r.cells[key] === 'number' && k++ % 7 === 0)
            r.cells[key] = [0.1, -0.3, 1 / 3, 'chữ', ''][k % 5];
      expect(PlainValues.of(wb.sheets[0])).not.toBeNull();
      sameBeforeBuild(wb);
    }
    sameBeforeBuild(small());
  });

  it('builds the engine when a sheet holds a formula only it computes', () => {
    const wb = small();
    wb.sheets[0].rows[1].cells[A11] = '=2*50';
    const s = open(wb, true);
    expect(s.engineReady).toBe(false);
    expect(s.value(wb.sheets[0].id, 1, A11)).toBe(100);
    expect(s.engineReady).toBe(true);
    s.close();
  });

  it('is ready once built: the promise resolves and the checks have run', async () => {
    const wb = small();
    const s = open(wb, true);
    const sid = wb.sheets[0].id;
    expect(s.engineReady).toBe(false);
    expect(s.checks.list(s.workbook, sid)).toEqual([]);
    let heard = 0;
    s.subscribeStore(() => heard++);
    await s.whenEngineReady();
    expect(s.engineReady).toBe(true);
    await Promise.resolve();
    expect(heard).toBeGreaterThan(0);
    // section I states 999 where its projects add up to 300: the same findings as built at once
    const now = open(wb, false);
    expect(s.checks.list(s.workbook, sid)).toEqual(now.checks.list(now.workbook, sid));
    expect(s.checks.list(s.workbook, sid).length).toBeGreaterThan(0);
    s.close();
    now.close();
  });

  it('takes edits made before the build without it, and applies them after it, with their undo', async () => {
    const wb = small();
    const sid = wb.sheets[0].id;
    const s = open(wb, true);
    const [p1, p2] = [wb.sheets[0].rows[1].id, wb.sheets[0].rows[2].id];
    const grand = () => s.total(sid, null, A11);
    expect(grand()).toBe(305);
    const edit = (rowId: string, value: number) =>
      s.dispatch({ type: 'setCells', sheetId: sid, changes: [{ rowId, colId: A11, value }] }, 'e');
    expect(edit(p1, 1000).ok).toBe(true);
    expect(s.engineReady).toBe(false);
    expect(edit(p2, 2000).ok).toBe(true);
    expect(edit(p1, 1)).toMatchObject({ ok: true });
    expect(s.value(sid, 1, A11)).toBe(1);
    expect(s.value(sid, 2, A11)).toBe(2000);
    expect(grand()).toBe(2006);
    expect(s.undo()).toBe(true);
    expect(s.value(sid, 1, A11)).toBe(1000);
    expect(grand()).toBe(3005);
    expect(s.undo()).toBe(true);
    expect(s.undo()).toBe(true);
    expect(grand()).toBe(305);
    expect(s.redo()).toBe(true);
    expect(grand()).toBe(1205);
    expect(s.engineReady).toBe(false);
    await s.whenEngineReady();
    expect(s.value(sid, 1, A11)).toBe(1000);
    expect(grand()).toBe(1205);
    expect(s.history.canUndo).toBe(true);
    expect(s.undo()).toBe(true);
    expect(grand()).toBe(305);
    s.close();
  });

  it('builds the engine for the views and a take-over before the build, not for an undo of nothing', () => {
    const wb = small();
    const s = open(wb, true);
    expect(s.undo()).toBe(false);
    expect(s.engineReady).toBe(false);
    const v = open(wb, true);
    v.views.unitsReady(wb.sheets[0].id);
    expect(v.engineReady).toBe(true);
    const t = open(wb, true);
    const newer = small();
    newer.id = wb.id;
    newer.sheets[0].rows[1].cells[A11] = 7;
    t.takeOver({ workbook: newer, order: new Map(), rev: 2 });
    expect(t.engineReady).toBe(true);
    expect(t.total(wb.sheets[0].id, null, A11)).toBe(212);
    for (const x of [s, v, t]) x.close();
  });

  it('defers only a large workbook', () => {
    expect(defersEngine(small())).toBe(false);
    expect(defersEngine(generatePlan({ projects: DEFER_ENGINE_ROWS }))).toBe(true);
  });

  it('builds in steps, one task each, reads the stored figures meanwhile, and finishes at once when needed', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const wb = generatePlan({ projects: 1200, seed: 3 });
      const sheet = wb.sheets[0];
      const ids = leaves(sheet.columns).map((l) => l.id);
      const once = new PlanEngine();
      once.loadWorkbook(wb);
      const all = (read: (i: number, id: string) => unknown) =>
        sheet.rows.flatMap((_, i) => ids.map((id) => zero(read(i, id))));
      const totals = (read: (s: string | null, id: string) => unknown) =>
        [null, 'ĐTPT', 'SN'].flatMap((s) => ids.map((id) => zero(read(s, id))));
      for (const finish of ['needed', 'steps'] as const) {
        let built = 0;
        // a budget of 0 ms: exactly one step per task
        const gate = new EngineGate(
          () => wb,
          () => built++,
          { budget: 0 },
        );
        gate.soon();
        vi.runOnlyPendingTimers(); // the contents and the values
        vi.runOnlyPendingTimers(); // the first formulas
        expect(gate.isReady).toBe(false);
        expect(vi.getTimerCount()).toBe(1); // the next step is queued
        expect(totals((s, id) => gate.total(sheet.id, s, id))).toEqual(
          totals((s, id) => once.total(sheet.id, s, id)),
        );
        if (finish === 'needed') gate.ensure();
        else vi.runAllTimers();
        expect(gate.isReady).toBe(true);
        expect(built).toBe(1);
        expect(all((i, id) => gate.engine.value(sheet.id, i, id))).toEqual(
          all((i, id) => once.value(sheet.id, i, id)),
        );
        expect(totals((s, id) => gate.engine.total(sheet.id, s, id))).toEqual(
          totals((s, id) => once.total(sheet.id, s, id)),
        );
        gate.cancel();
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
