/**
 * The execution engine's sheets made in steps (the layout, the figures to date and the group rows
 * each a few rows at a time, units normalised once) are the contents the one-go code gave (a
 * frozen copy, tests/support/executionSheetsBefore), through random trackings whose units are
 * spelled differently from project to project (the unit's label is its first row's); less the
 * sub-section rows, which the engine now adds up itself from the inputs the sheets give it (the
 * Lines sheet's, and the Params targets).
 */
import { describe, expect, it } from 'vitest';
import type { AnnualPlan } from '../domain/execution';
import {
  executionSheets as before,
  type ExecutionSheets as SheetsBefore,
} from '../../tests/support/executionSheetsBefore/executionSheets';
import { randomTracking, seeded } from '../../tests/support/executionEngineBefore/samePlans';
import { executionLayout } from '../engine/executionLayout';
import { executionSheets } from '../engine/executionSheets';

/** Runs a generator to its end, counting its steps. */
function drain<T>(it: Generator<void, T, void>): { value: T; steps: number } {
  let steps = 0;
  for (;;) {
    const r = it.next();
    if (r.done) return { value: r.value, steps };
    steps++;
  }
}

/** What the sheets made before give today: no sub-section rows; the inputs and targets apart. */
function today(want: SheetsBefore) {
  const { pending, contents, ...rest } = want;
  const { Sections, ...sheets } = contents;
  expect([pending.length >= 0, Sections]).toEqual([true, []]);
  const width = want.sources.length * 6;
  return {
    ...rest,
    inputs: Float64Array.from(contents.Lines.flatMap((r) => r.slice(0, width) as number[])),
    targets: Float64Array.from(contents.Params, (r) => r[0] as number),
    contents: sheets,
  };
}

/** The tracking with its units spelled in other cases and spacing now and then. */
function respelled(rnd: () => number, plan: AnnualPlan): AnnualPlan {
  const projects = plan.projects.map((p) => {
    const x = rnd();
    const lead =
      x < 0.2 ? p.lead.toUpperCase() : x < 0.3 ? ` ${p.lead.replace(' ', '  ')}` : p.lead;
    return { ...p, lead };
  });
  return { ...plan, projects };
}

describe('the execution engine’s sheets made in steps', () => {
  it('are the contents made in one go before, whatever the step', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = seeded(seed * 104729);
      const plan = respelled(rnd, randomTracking(rnd, Math.floor(rnd() * 80), 1 + (seed % 3)));
      const target = rnd() < 0.2 ? null : rnd();
      const block = [1, 3, 4, 512][seed % 4];
      const want = drain(before(plan, target, block)).value;
      for (const every of [1, 2, 7, Infinity]) {
        const got = drain(executionSheets(plan, target, block, every));
        expect(got.value).toEqual(today(want));
        if (every === 1 && plan.projects.length > 2) expect(got.steps).toBeGreaterThan(2);
      }
      expect(executionLayout(plan).projects).toEqual(want.projects);
    }
  });
});
