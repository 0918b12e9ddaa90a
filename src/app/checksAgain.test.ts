/**
 * The checks after a step that moved rows (insert, delete, move, reshape, their undo and redo) in
 * a workbook of more rows than a step checks: no row is checked in the step's task, the pass runs
 * again in idle steps, the findings shown meanwhile are those of the last complete pass (never a
 * half-done pass's), and once it is done they equal a one-go pass over a fresh copy — on a bent
 * generated plan beside real Ministry of Finance tables, after random sequences mixing value edits.
 */
import { describe, expect, it } from 'vitest';
import { bent, fresh, shown, threeSheets } from '../../tests/support/checkWorkbooks';
import type { Finding } from '../domain/checks';
import { prng } from '../domain/generate';
import type { Workbook } from '../domain/types';
import { commandOf, type Ids } from './randomSteps';
import { WorkbookSession } from './session';

/** Per sheet id, the findings shown as sorted JSON texts (order aside: rows moved). */
function byText(wb: Workbook, lists: Finding[][]): Map<string, string[]> {
  return new Map(wb.sheets.map((s, k) => [s.id, lists[k].map((f) => JSON.stringify(f)).sort()]));
}

/** What the last complete pass showed, of the rows (and sheets) still there. */
function stillThere(wb: Workbook, last: Map<string, string[]>): Map<string, string[]> {
  return new Map(
    wb.sheets.map((s) => {
      const ids = new Set(s.rows.map((r) => r.id));
      const keep = (t: string) => {
        const rowId = (JSON.parse(t) as Finding).rowId;
        return rowId === null || ids.has(rowId);
      };
      return [s.id, (last.get(s.id) ?? []).filter(keep)];
    }),
  );
}

const MOF = [
  'fixtures/mof/Plan_2014.xls',
  'fixtures/mof/Final_2010.xls',
  'fixtures/mof/Plan_2006.xls',
];

describe('the checks after moved rows in a large workbook', () => {
  it('pass again in steps, show the last complete pass meanwhile, then a fresh pass’s findings', async () => {
    let passes = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const wb = threeSheets(seed, MOF[seed % MOF.length]);
      const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 0 }, null, false, {
        defer: false,
        checkRows: 60,
        mark: null,
      });
      await s.whenEngineReady();
      expect(shown(s)).toStrictEqual(fresh(s.workbook));
      const ids: Ids = { prefix: `a${seed}`, next: 0 };
      const rnd = prng(seed * 53 + 11);
      const n = () => Math.floor(rnd() * 1000);
      let last = byText(s.workbook, shown(s));
      let moved = 0;
      for (let k = 0; k < 40; k++) {
        const x = rnd();
        const before = s.workbook;
        const checked = s.checks.passRows;
        if (x < 0.1) s.undo();
        else if (x < 0.18) s.redo();
        else {
          // value edits, inserts, deletes, moves and reshapes
          const kind = x < 0.45 ? n() % 3 : 3 + (n() % 3);
          const cmd = commandOf(
            s.workbook,
            { kind, a: n(), b: n(), c: n(), d: n(), parts: [] },
            ids,
          );
          try {
            if (cmd) s.dispatch(cmd, 'edit');
          } catch (e) {
            if (!(e instanceof Error && / not found| exists/.test(e.message))) throw e;
          }
        }
        const structural = s.workbook.sheets.some((sh) => {
          const b = before.sheets.find((o) => o.id === sh.id);
          return (
            b &&
            b.rows !== sh.rows &&
            b.rows.map((r) => r.id).join() !== sh.rows.map((r) => r.id).join()
          );
        });
        if (structural) {
          moved++;
          // nothing checked in the step's task: the pass runs in the steps that follow
          expect(s.checks.passing).toBe(true);
          expect(s.checksReady).toBe(false);
          expect(s.checks.passRows).toBe(checked);
        }
        if (s.checks.passing) {
          expect(byText(s.workbook, shown(s))).toStrictEqual(stillThere(s.workbook, last));
          // some steps of the pass now and then (the rest run on their own when awaited)
          if (rnd() < 0.4) s.checks.step(s.workbook, (id) => s.values(id), 1 + (n() % 80));
          if (s.checks.passing)
            expect(byText(s.workbook, shown(s))).toStrictEqual(stillThere(s.workbook, last));
        }
        if (rnd() < 0.25 || !s.checks.passing) {
          const was = s.checks.passing;
          await s.whenEngineReady();
          expect(s.checksReady).toBe(true);
          if (was) {
            passes++;
            expect(shown(s)).toStrictEqual(fresh(s.workbook));
          }
          last = byText(s.workbook, shown(s));
        }
      }
      expect(moved).toBeGreaterThan(5);
      await s.whenEngineReady();
      expect(shown(s)).toStrictEqual(fresh(s.workbook));
      s.close();
    }
    expect(passes).toBeGreaterThan(10);
  }, 300_000);

  it('builds a large sheet’s checker in a step of its own (its context reads every row)', () => {
    const wb = bent(5, 400);
    const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 0 }, null);
    s.checks.begin();
    const values = (id: string) => s.values(id);
    expect(s.checks.step(s.workbook, values, 50)).toBe(false);
    expect(s.checks.passRows).toBe(0);
    expect(s.checks.step(s.workbook, values, 50)).toBe(false);
    expect(s.checks.passRows).toBe(50);
    while (!s.checks.step(s.workbook, values, 50));
    expect(shown(s)).toStrictEqual(fresh(s.workbook));
    s.close();
  }, 120_000);

  it('at the default step size: a generated plan above it passes again in idle steps', async () => {
    const wb = bent(4, 4200);
    const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 0 }, null);
    await s.whenEngineReady();
    const sheetId = wb.sheets[0].id;
    const rows = s.workbook.sheets[0].rows;
    const at = rows.findIndex((r, i) => i > 100 && r.kind === 'project');
    s.dispatch({ type: 'moveRows', sheetId, from: at, count: 1, to: at + 5 }, 'move');
    expect(s.checks.passing).toBe(true);
    await s.whenEngineReady();
    expect(shown(s)).toStrictEqual(fresh(s.workbook));
    s.undo();
    expect(s.checks.passing).toBe(true);
    await s.whenEngineReady();
    expect(shown(s)).toStrictEqual(fresh(s.workbook));
    s.close();
  }, 120_000);
});
