/**
 * A report splitting projects' lines by capital source lays the engine's rows out anew: in steps
 * too (the engine built again a few thousand cells at a time and swapped in at the end, never
 * `load` at once), to the figures the frozen engine before computes from the new tracking, the same
 * as the report recorded at once; the engine's stepped build is its one-go build, and a build
 * failing midway leaves the figures it had.
 */
import { describe, expect, it, vi } from 'vitest';
import { type AnnualPlan, lineKey } from '../domain/execution';
import { ExecutionEngine } from '../engine/execution';
import {
  agreesWithBefore,
  sameEngines,
  seeded,
} from '../../tests/support/executionEngineBefore/samePlans';
import { mixedTracking } from '../../tests/support/recordBefore/randomReports';
import { randomReading } from '../../tests/support/executionSessionSteps';
import { ExecutionSession } from './execution';

/** A report of June giving most projects' figures to date split by two sources of its own. */
const splitting = (rnd: () => number, plan: AnnualPlan) =>
  randomReading(rnd, plan, 6, { share: 0.9, sources: ['NSTW', 'NSĐP'], plan: 0.5 });

describe('a report splitting lines by source', () => {
  it('is recorded in steps, the engine built anew in steps, as at once', async () => {
    for (let seed = 1; seed <= 3; seed++) {
      const rnd = seeded(seed * 3_331);
      const plan = mixedTracking(rnd, 60 + Math.floor(rnd() * 60), 0.6);
      const r = splitting(rnd, plan);
      const s = new ExecutionSession('w', plan, null, null, new ExecutionEngine(4));
      const once = new ExecutionSession('w', plan, null, null, new ExecutionEngine(4));
      const load = vi.spyOn(s.engine, 'load');
      const steps = vi.spyOn(s.engine, 'loadSteps');
      let turns = 0;
      let finished = false;
      const done = s
        .importReportInSteps(r, undefined, { budget: 0.01 })
        .finally(() => (finished = true));
      while (!finished) {
        expect(s.plan).toBe(plan);
        turns++;
        await new Promise((go) => setTimeout(go, 0));
      }
      const got = await done;
      expect(got).toEqual(once.importReport(r));
      expect(s.plan.lines.length).toBeGreaterThan(plan.lines.length); // split
      expect(s.plan.sources).toContain('NSTW');
      expect(steps).toHaveBeenCalledTimes(1);
      expect(load).not.toHaveBeenCalled();
      expect(turns).toBeGreaterThan(6);
      agreesWithBefore(s);
      sameEngines(s.engine, once.engine, once.plan);
      // an edit of a split line follows (the session's index knows the new lines)
      const l = s.plan.lines.find((x) => x.source === 'NSTW')!;
      expect(s.setLine(lineKey(l.projectId, 'NSTW'), 'plan', 123).ok).toBe(true);
      agreesWithBefore(s);
      s.close();
      once.close();
    }
  }, 120_000);

  it('builds the engine in steps to its one-go build; a failing build leaves it as it was', () => {
    const rnd = seeded(17);
    const plan = mixedTracking(rnd, 150, 0);
    const other = mixedTracking(rnd, 120, 0.5);
    const a = new ExecutionEngine(4);
    const b = new ExecutionEngine(4);
    a.load(plan, 0.3);
    b.load(other, 0.5);
    const step = b.loadSteps(plan, 0.3);
    let n = 0;
    while (!step(performance.now() + 0.01)) n++;
    expect(n).toBeGreaterThan(3);
    sameEngines(b, a, plan);
    // fails midway: the figures of `other` stay
    const c = new ExecutionEngine(4);
    c.load(other, 0.5);
    const before = c.group('total', '');
    const failing = c.loadSteps(plan, 0.3);
    expect(failing(performance.now() + 0.01)).toBe(false);
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => {
      throw new Error('broken');
    });
    expect(() => failing(0)).toThrow('broken');
    spy.mockRestore();
    expect(c.group('total', '')).toEqual(before);
    expect(c.size).toBe(other.projects.length);
    for (const e of [a, b, c]) e.destroy();
  });
});
