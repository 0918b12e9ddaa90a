/**
 * A report recorded in steps (`recordSteps`, chunks cut by a deadline of a few microseconds) gives
 * what the recording at once gave before it (a frozen copy, tests/support/recordBefore): the same
 * tracking, allocation inputs and summary, over random trackings (some projects not split by
 * source) and random reports (figures to date, in the period, since the start, split by the
 * tracking's sources or by new ones, allocations stated), each recorded in turn.
 */
import { describe, expect, it } from 'vitest';
import type { AnnualPlan } from '../domain/execution';
import { prematch, pairingInput } from '../domain/executionPrematch';
import { bestSheet } from '../domain/executionReport';
import { recordReport as recordBefore } from '../../tests/support/recordBefore/recordReport';
import { mixedTracking, randomReading } from '../../tests/support/recordBefore/randomReports';
import { seeded } from '../../tests/support/executionEngineBefore/samePlans';
import { recordReport, recordSteps } from './executionImport';

const untimed = (p: AnnualPlan) => ({ ...p, updatedAt: 0 });

describe('a report recorded in steps', () => {
  it('is the report recorded at once before, through random trackings and reports', () => {
    let steps = 0;
    let split = 0;
    let recorded = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const rnd = seeded(seed * 104_729);
      let plan = mixedTracking(rnd, 30 + Math.floor(rnd() * 120));
      for (let k = 0; k < 4; k++) {
        const r = randomReading(rnd, plan, 1 + Math.floor(rnd() * 12));
        const pre = rnd() < 0.5 ? prematch(structuredClone(pairingInput(plan)), r) : undefined;
        const want = recordBefore(plan, r, '2024-12-31', pre);
        const rec = recordSteps(plan, r, '2024-12-31', pre);
        if (!want) {
          expect(rec).toBeNull();
          continue;
        }
        // deadlines a few microseconds away: many steps of a chunk each
        let n = 0;
        while (!rec!.step(performance.now() + 0.003)) expect(++n).toBeLessThan(100_000);
        steps += n;
        const got = rec!.result();
        expect(untimed(got.plan)).toEqual(untimed(want.plan));
        // the summary as before, plus the lines marked as not in the plan (h136: exported apart)
        const { dismissed, ...summary } = got.summary;
        expect(summary).toEqual(want.summary);
        const best = pre ? pre.match : bestSheet(plan, r, got.summary.factor)!.match;
        expect(dismissed).toEqual(best.dismissed);
        // split lines: the engine is laid out anew (the old inputs compared other lines' keys)
        if (got.split) split++;
        else expect(got.inputs).toEqual(want.inputs);
        // at once, through the same code
        const once = recordReport(plan, r, '2024-12-31', pre)!;
        expect(untimed(once.plan)).toEqual(untimed(want.plan));
        plan = got.plan;
        recorded++;
      }
    }
    expect(recorded).toBeGreaterThan(30);
    expect(split).toBeGreaterThan(3);
    expect(steps).toBeGreaterThan(100);
  }, 120_000);
});
