/**
 * The execution engine whose groups read block subtotals gives every figure the engine before it
 * gave (a frozen copy, tests/support/executionEngineBefore), both driven through the same random
 * trackings: edits of inputs, reports (at once and in ranges of rows), every input rewritten, the
 * target moved, projects inserted and deleted (a new layout), with blocks of a few rows so that
 * groups cross many of them.
 */
import { describe, it } from 'vitest';
import { type AnnualPlan, lineKey } from '../domain/execution';
import { toDateReader } from '../domain/executionFigures';
import { ExecutionEngine, LINE_INPUTS } from '../engine/execution';
import { ExecutionEngineBefore } from '../../tests/support/executionEngineBefore/execution';
import {
  amount,
  randomLines,
  randomProject,
  randomTracking,
  sameEngines,
  seeded,
  withPeriod,
} from '../../tests/support/executionEngineBefore/samePlans';

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

describe('the execution engine with block subtotals', () => {
  it('gives the figures of the engine before it through random edits, reports and layouts', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const rnd = seeded(seed);
      const block = pick(rnd, [1, 2, 3, 5, 8, 512]);
      let plan: AnnualPlan = randomTracking(
        rnd,
        5 + Math.floor(rnd() * 60),
        1 + Math.floor(rnd() * 3),
      );
      let target: number | null = rnd() < 0.2 ? null : rnd();
      const got = new ExecutionEngine(block);
      const want = new ExecutionEngineBefore();
      got.load(plan, target);
      want.load(plan, target);
      let next = 100;
      for (let step = 0; step < 25; step++) {
        const op = rnd();
        if (op < 0.35 && plan.lines.length) {
          // edits of a few inputs (allocations and figures to date)
          const changes = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => {
            const l = pick(rnd, plan.lines);
            return {
              key: lineKey(l.projectId, l.source),
              field: pick(rnd, LINE_INPUTS),
              value: amount(rnd),
            };
          });
          got.setInputs(changes);
          want.setInputs(changes);
        } else if (op < 0.6) {
          // a report: at once, or written in ranges of rows (the import in steps)
          plan = withPeriod(rnd, plan, 1 + Math.floor(rnd() * 12));
          target = rnd() < 0.2 ? null : rnd();
          want.setToDate(plan, target);
          if (rnd() < 0.5) got.setToDate(plan, target);
          else {
            const read = toDateReader(plan);
            const n = got.size;
            const cut = 1 + Math.floor(rnd() * 7);
            for (let from = 0; from < n; from += cut)
              got.setToDateRows(read, from, Math.min(n, from + cut), target);
            if (n === 0) got.setTarget(target);
          }
        } else if (op < 0.7) {
          plan = withPeriod(rnd, plan, 1 + Math.floor(rnd() * 12));
          got.setAll(plan);
          want.setAll(plan);
        } else if (op < 0.8) {
          target = rnd() < 0.2 ? null : rnd();
          got.setTarget(target);
          want.setTarget(target);
        } else if (op < 0.9) {
          // one sub-section read between writes (its sums kept, those above it not yet made)
          const nested = got.groupList().filter((g) => (g.level ?? 0) > 0);
          if (nested.length) got.group('section', pick(rnd, nested).key);
        } else {
          // projects inserted or deleted: a new layout of the same engines
          const projects = plan.projects.slice();
          let lines = plan.lines;
          if (rnd() < 0.5 && projects.length > 1) {
            const [gone] = projects.splice(Math.floor(rnd() * projects.length), 1);
            lines = lines.filter((l) => l.projectId !== gone.id);
          } else {
            const p = randomProject(rnd, `p${next++}`);
            projects.splice(Math.floor(rnd() * (projects.length + 1)), 0, p);
            lines = [...lines, ...randomLines(rnd, p, plan.sources)];
          }
          plan = { ...plan, projects, lines };
          got.load(plan, target);
          want.load(plan, target);
        }
        sameEngines(got, want, plan);
      }
      got.destroy();
      want.destroy();
    }
  }, 240_000);
});
