/** Patches of a tracking: a period's figures copied once, then changed in place; undo restores. */
import { describe, expect, it } from 'vitest';
import { lineKey } from '../domain/execution';
import { nestedTracking } from '../domain/executionSamples';
import { inverseOf, patchPlan } from './executionPatch';

describe('patching a tracking', () => {
  it("never changes a stored period's figures, copies them once, and undoes every step", () => {
    const stored = nestedTracking();
    const periodId = stored.periods.at(-1)!.id;
    const storedFigures = structuredClone(stored.disbursed[periodId]);
    const index = new Map(stored.lines.map((l, i) => [lineKey(l.projectId, l.source), i]));
    const [a, b] = stored.lines.map((l) => lineKey(l.projectId, l.source));
    let plan = stored;
    const undos = [];
    for (const [key, v] of [
      [a, 10],
      [b, 20],
      [a, 30],
    ] as const) {
      const p = { disbursed: [{ periodId, key, value: { plan: v, carry: null } }] };
      undos.push(inverseOf(plan, index, p));
      plan = patchPlan(plan, index, p).plan;
    }
    expect(stored.disbursed[periodId]).toEqual(storedFigures);
    expect(plan.disbursed[periodId][a]).toEqual({ plan: 30, carry: null });
    expect(plan.disbursed[periodId][b]).toEqual({ plan: 20, carry: null });
    for (const u of undos.reverse()) plan = patchPlan(plan, index, u).plan;
    expect(plan.disbursed[periodId]).toEqual(storedFigures);
    // removing every figure of the period (a period removed) leaves it empty, the stored intact
    const keys = Object.keys(plan.disbursed[periodId]);
    const all = { disbursed: keys.map((key) => ({ periodId, key, value: null })) };
    const back = inverseOf(plan, index, all);
    plan = patchPlan(plan, index, all).plan;
    expect(plan.disbursed[periodId]).toEqual({});
    expect(patchPlan(plan, index, back).plan.disbursed[periodId]).toEqual(storedFigures);
    expect(stored.disbursed[periodId]).toEqual(storedFigures);
  });
});
