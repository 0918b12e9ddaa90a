/**
 * Steps taken before the engine is built that add, remove, move or re-shape rows (plainStep): the
 * figures shown are brought along by PlainValues.following, which computes again only what the
 * step can have changed, and equal the figures PlainValues.of computes afresh (the one-go path),
 * refusing exactly where it does, after random steps of every kind.
 */
import { describe, expect, it } from 'vitest';
import { applyCommand, type Command } from '../domain/commands';
import { diffWorkbooks } from '../domain/delta';
import { generatePlan, prng } from '../domain/generate';
import type { Id, Row, Workbook } from '../domain/types';
import { PlainValues } from '../engine/plainValues';
import { plainStep } from './plainStep';
import { commandOf, type Ids } from './randomSteps';
import { allFigures as all } from '../engine/plainKit';

/** The figures of every sheet, computed afresh. */
function start(wb: Workbook): Map<Id, PlainValues | null> {
  return new Map(wb.sheets.map((s) => [s.id, PlainValues.of(s)]));
}

/** Takes a command on the figures without the engine; the workbook after it (null: refused). */
function take(plain: Map<Id, PlainValues | null>, wb: Workbook, cmd: Command) {
  let after: Workbook;
  try {
    after = applyCommand(wb, cmd);
  } catch {
    return null;
  }
  const d = diffWorkbooks(wb, after);
  return { after, d, fx: plainStep(plain, after, d) };
}

describe('a structural step before the build', () => {
  it('gives the figures computed afresh, after random steps of every kind', () => {
    let structural = 0;
    for (let seed = 1; seed <= 30; seed++) {
      let wb = generatePlan({ projects: 120, perSection: 6, seed });
      const plain = start(wb);
      const ids: Ids = { prefix: `p${seed}`, next: 0 };
      const rnd = prng(seed * 13 + 3);
      const n = () => Math.floor(rnd() * 1000);
      for (let k = 0; k < 25; k++) {
        // rows inserted, deleted, moved, re-shaped mostly; cells and the plan's fields now and then
        const kind = rnd() < 0.8 ? 3 + (n() % 3) : n() % 7;
        const cmd = commandOf(wb, { kind, a: n(), b: n(), c: n(), d: n(), parts: [] }, ids);
        if (!cmd) continue;
        const r = take(plain, wb, cmd);
        if (!r) continue;
        wb = r.after;
        for (const sd of r.d.sheets) {
          const sheet = wb.sheets.find((s) => s.id === sd.sheetId)!;
          const want = PlainValues.of(sheet);
          if (!r.fx) break;
          expect(!!plain.get(sd.sheetId)).toBe(!!want);
          if (!want) continue;
          if (sd.order) structural++;
          expect(all(plain.get(sd.sheetId)!, sheet)).toStrictEqual(all(want, sheet));
        }
        if (!r.fx) break; // the engine computes it from here on
      }
    }
    expect(structural).toBeGreaterThan(150);
  });

  it('computes again only the rows a step touched, their sections and the totals', () => {
    let wb = generatePlan({ projects: 3000, perSection: 25, seed: 5 });
    const sheet = () => wb.sheets[0];
    const plain = start(wb);
    // every formula of the sheet (a project's row total is computed when read: all are read)
    all(plain.get(sheet().id)!, sheet());
    const whole = plain.get(sheet().id)!.evaluated;
    const projects = () => sheet().rows.flatMap((r, i) => (r.kind === 'project' ? [i] : []));
    const p = projects();
    const row: Row = {
      id: 'new',
      kind: 'project',
      level: 2,
      cells: { name: 'Mới', y2021_dtpt: 5 },
    };
    const cmds: Command[] = [
      { type: 'insertRows', sheetId: sheet().id, at: p[1500], rows: [row] },
      { type: 'deleteRows', sheetId: sheet().id, rowIds: [sheet().rows[p[700]].id] },
      { type: 'moveRows', sheetId: sheet().id, from: p[100], count: 2, to: p[2500] },
    ];
    for (const cmd of cmds) {
      const r = take(plain, wb, cmd)!;
      expect(r.fx).not.toBeNull();
      wb = r.after;
      const now = plain.get(sheet().id)!;
      // no more than a few sections' worth of formulas, never the sheet's
      expect(now.evaluated).toBeLessThan(whole / 20);
      expect(all(now, sheet())).toStrictEqual(all(PlainValues.of(sheet())!, sheet()));
    }
  });
});
