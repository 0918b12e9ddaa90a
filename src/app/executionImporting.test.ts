/**
 * While a report is recorded in steps the views never see a mix of old and new figures: at every
 * turn the page gets, the session's tracking is the one before the import and the live figures
 * are withheld (the views say a report is coming); once all is in, the new tracking and every new
 * figure at once, the same as the report recorded at once. A failed step leaves the tracking and
 * its figures as they were.
 */
import { describe, expect, it, vi } from 'vitest';
import { lineKey } from '../domain/execution';
import { ExecutionEngine } from '../engine/execution';
import { sameEngines, seeded } from '../../tests/support/executionEngineBefore/samePlans';
import { mixedTracking, randomReading } from '../../tests/support/recordBefore/randomReports';
import { ExecutionSession } from './execution';

const turn = () => new Promise<void>((done) => setTimeout(done, 0));

describe('a report recorded in steps, as the views see it', () => {
  it('shows the figures before until all is in, then the new ones at once', async () => {
    let turns = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const rnd = seeded(seed * 7_121);
      const plan = mixedTracking(rnd, 60 + Math.floor(rnd() * 60), 0.2);
      const s = new ExecutionSession('w', plan, null, null, new ExecutionEngine(4));
      const once = new ExecutionSession('w', plan, null, null, new ExecutionEngine(4));
      const r = randomReading(rnd, plan, 1 + Math.floor(rnd() * 12));
      const key = lineKey(plan.lines[0].projectId, plan.lines[0].source);
      const seen: boolean[] = [];
      s.subscribe(() => seen.push(s.importing));
      let finished = false;
      const done = s
        .importReportInSteps(r, undefined, { budget: 0.01 })
        .finally(() => (finished = true));
      expect(s.importing).toBe(true);
      expect(seen).toEqual([true]); // the views are told it started (they withhold the figures)
      while (!finished) {
        // what a view reads between two steps
        expect(s.plan).toBe(plan);
        expect(s.line(key)).toBe(plan.lines[0]);
        expect(s.lineFigures(key)).toBeUndefined();
        expect(s.projectFigures(plan.lines[0].projectId)).toBeUndefined();
        expect(s.groupFigures('total', '')).toBeUndefined();
        turns++;
        await turn();
      }
      const got = await done;
      const want = once.importReport(r);
      expect(got).toEqual(want);
      expect(s.importing).toBe(false);
      expect(seen.at(-1)).toBe(false);
      if (want) {
        expect(s.plan).not.toBe(plan);
        expect({ ...s.plan, updatedAt: 0 }).toEqual({ ...once.plan, updatedAt: 0 });
        expect(s.groupFigures('total', '')).toEqual(once.engine.group('total', ''));
        sameEngines(s.engine, once.engine, once.plan);
      }
      s.close();
      once.close();
    }
    expect(turns).toBeGreaterThan(12);
  }, 120_000);

  it('leaves the tracking and its figures as they were when a step fails', async () => {
    const rnd = seeded(99);
    const plan = mixedTracking(rnd, 80, 0);
    const s = new ExecutionSession('w', plan, null, null, new ExecutionEngine(4));
    const untouched = new ExecutionSession('w', plan, null, null, new ExecutionEngine(4));
    let calls = 0;
    const write = s.engine.setToDateRows.bind(s.engine);
    vi.spyOn(s.engine, 'setToDateRows').mockImplementation((...a) => {
      // the second chunk fails: the first is in the engine already
      if (++calls === 2) throw new Error('broken');
      write(...a);
    });
    const r = randomReading(rnd, plan, 5);
    await expect(s.importReportInSteps(r, undefined, { budget: 0.01, rows: 4 })).rejects.toThrow(
      'broken',
    );
    expect(calls).toBeGreaterThan(1);
    expect(s.plan).toBe(plan);
    expect(s.importing).toBe(false);
    expect(s.lastImport).toBeNull();
    sameEngines(s.engine, untouched.engine, plan);
    expect(s.setLine(lineKey(plan.lines[0].projectId, plan.lines[0].source), 'plan', 7).ok).toBe(
      true,
    );
    s.close();
    untouched.close();
  });
});
