/**
 * The sub-sections the engine adds up itself give exactly the figures their HyperFormula rows gave
 * (the frozen formulas of tests/support/executionSheetsBefore: a SUM per column of the runs of
 * projects directly in the section plus its sub-sections' rows), through random trackings nested up
 * to three sections, amounts with fractions, edits of every input and targets moved.
 */
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { type AnnualPlan, lineKey } from '../domain/execution';
import { executionSheets as before } from '../../tests/support/executionSheetsBefore/executionSheets';
import {
  amount,
  randomTracking,
  seeded,
} from '../../tests/support/executionEngineBefore/samePlans';
import { ENGINE_CONFIG } from './config';
import { ExecutionEngine, LINE_INPUTS } from './execution';
import { groupFigures } from './executionReads';

/** The sub-sections as HyperFormula rows (the Sections sheet filled at once), and their writes. */
function formulas(plan: AnnualPlan, target: number | null, block: number) {
  const it = before(plan, target, block);
  let r = it.next();
  while (!r.done) r = it.next();
  const s = r.value;
  const hf = HyperFormula.buildFromSheets(
    { ...s.contents, Sections: s.pending },
    { ...ENGINE_CONFIG },
  );
  const id = (name: string) => hf.getSheetId(name)!;
  return {
    hf,
    row: (k: number) =>
      groupFigures(
        hf.getRangeValues({
          start: { sheet: id('Sections'), row: k, col: 0 },
          end: { sheet: id('Sections'), row: k, col: 10 },
        })[0],
      ),
    set: (row: number, col: number, v: number) =>
      hf.setCellContents({ sheet: id('Lines'), row, col }, v),
    target: (t: number | null) =>
      hf.setCellContents(
        { sheet: id('Params'), row: 0, col: 0 },
        s.contents.Params.map(() => [t ?? 0]),
      ),
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

describe('the sub-sections added up by the engine', () => {
  it('are exactly the figures of their formulas, through edits and targets', () => {
    let compared = 0;
    for (let seed = 1; seed <= 16; seed++) {
      const rnd = seeded(seed * 6_007);
      const plan = randomTracking(rnd, 20 + Math.floor(rnd() * 120), 1 + (seed % 3));
      const block = [1, 3, 8, 512][seed % 4];
      const e = new ExecutionEngine(block);
      e.load(plan, 0.4);
      const want = formulas(plan, 0.4, block);
      const nested = e.groupList().filter((g) => (g.level ?? 0) > 0);
      const rows = new Map(e.projectOrder().map((id, i) => [id, i]));
      for (let step = 0; step < 12; step++) {
        for (const [k, g] of nested.entries()) {
          expect(e.group('section', g.key), `seed ${seed} ${g.key}`).toEqual(want.row(k));
          compared++;
        }
        if (rnd() < 0.8) {
          const changes = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => {
            const l = pick(rnd, plan.lines);
            const field = pick(rnd, LINE_INPUTS);
            // fractions that no sum holds exactly
            const value = amount(rnd) + (rnd() < 0.5 ? rnd() / 7 : 0);
            return { key: lineKey(l.projectId, l.source), l, field, value };
          });
          e.setInputs(changes);
          for (const c of changes)
            want.set(
              rows.get(c.l.projectId)!,
              plan.sources.indexOf(c.l.source) * 6 + LINE_INPUTS.indexOf(c.field),
              c.value,
            );
        } else {
          const t = rnd() < 0.2 ? null : rnd();
          e.setTarget(t);
          want.target(t);
        }
      }
      e.destroy();
      want.hf.destroy();
    }
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);
});
