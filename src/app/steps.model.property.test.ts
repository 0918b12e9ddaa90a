/**
 * The property of issue #14 over many more steps, without storage (see `steps.property.test.ts`
 * for the stored rows): the model and every figure come back at each step of undo and redo.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedRuns, propertyParams } from './propertySeed';
import { runSteps, seedArb, startWorkbook } from './randomSteps';
import { WorkbookSession } from './session';

/** Steps this file runs at least (with the other property file: over 10,000). */
const MIN_STEPS = fixedRuns() ? 8200 : 0;
let runs = 0;
let steps = 0;

describe('steps, undone and redone', () => {
  it('give back the model and the figures at each step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(seedArb, { minLength: 40, maxLength: 80 }), async (seeds) => {
        const n = ++runs;
        const wb = startWorkbook(n);
        const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
        const equal = (a: unknown, b: unknown) => isDeepStrictEqual(a, b) || expect(a).toEqual(b);
        steps += await runSteps(s, seeds, { prefix: `${n}_`, next: 1 }, { equal });
      }),
      propertyParams('model property', 180),
    );
    expect(steps).toBeGreaterThanOrEqual(MIN_STEPS);
  }, 600_000);
});

afterAll(() => console.log(`model property: ${runs} runs, ${steps} steps`));
