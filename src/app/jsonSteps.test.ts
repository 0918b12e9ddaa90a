/**
 * A large value's JSON text built in steps (#20) is exactly `JSON.stringify`'s, and so are its
 * UTF-8 bytes, on workbooks (the sample, generated plans) and on arbitrary values (undefined,
 * functions, -0, NaN, holes, boxed values, toJSON, null prototypes, lone surrogates); a step
 * stops at its deadline, so a large workbook takes many steps.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../domain/generate';
import { parsePlanbook } from '../io/planbookFile';
import { JsonSteps } from './jsonSteps';

/** Runs the steps with deadlines `budget` ms apart; the steps taken. */
function run(j: JsonSteps, budget = Infinity): number {
  while (!j.step(budget === Infinity ? Infinity : performance.now() + budget));
  return j.steps;
}

const same = (v: object) => {
  const j = new JsonSteps(v);
  run(j, 0);
  const want = JSON.stringify(v);
  expect(j.text).toBe(want);
  expect(j.length).toBe(want.length);
  expect(j.bytes).toStrictEqual(new TextEncoder().encode(want));
};

describe('JSON text in steps', () => {
  it('is JSON.stringify’s on the sample and on generated plans', () => {
    const sample = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
    if (!sample.ok) throw new Error('the sample does not parse');
    same({ ...sample.workbook, updatedAt: 0 });
    for (const [projects, seed] of [
      [0, 1],
      [1, 2],
      [300, 3],
      [2000, 4],
    ])
      same({ ...generatePlan({ projects, seed }), updatedAt: 0 });
  });

  it('is JSON.stringify’s on arbitrary values', () => {
    const odd = fc.oneof(
      fc.constant(undefined),
      fc.constant(() => 1),
      fc.constantFrom(-0, NaN, Infinity, new Date(5), { toJSON: () => undefined }),
      fc.constant({ toJSON: (k: string) => `key ${k}` }),
      fc.string({ unit: 'binary' }),
      fc.constant(Object.assign([1], { 2: 3 })), // a hole
    );
    const anything = fc.anything({
      maxDepth: 6,
      withBoxedValues: true,
      withNullPrototype: true,
      withSparseArray: true,
      withDate: true,
      withObjectString: true,
      values: [fc.oneof(fc.jsonValue(), odd)],
    });
    fc.assert(
      fc.property(fc.oneof(fc.array(anything), fc.dictionary(fc.string(), anything)), (v) =>
        same(v),
      ),
      { numRuns: 300 },
    );
  });

  it('stops at each step’s deadline: a large plan takes many steps, each some pieces', () => {
    const wb = generatePlan({ projects: 2000, seed: 9 });
    const passed = new JsonSteps(wb);
    expect(run(passed, -1)).toBeGreaterThan(100); // every step at its first look at the clock
    expect(passed.text).toBe(JSON.stringify(wb));
    const once = new JsonSteps(wb);
    expect(run(once)).toBe(1);
    expect(once.text).toBe(passed.text);
  });
});
