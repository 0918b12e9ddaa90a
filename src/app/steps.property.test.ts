/**
 * The property of issue #14, with storage: any sequence of steps, undone all and redone all, gives
 * back at each step the same model, the same figures and the same stored rows (fake-indexeddb);
 * the engine agrees with one built afresh from the model. `steps.model.property.test.ts` runs
 * more steps without storage.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../storage/db';
import { WorkbookRepo } from '../storage/repo';
import { fixedRuns, propertyParams } from './propertySeed';
import { runSteps, seedArb, startWorkbook } from './randomSteps';
import { WorkbookSession } from './session';

/** Steps this file runs at least (with the other property file: over 10,000). */
const MIN_STEPS = fixedRuns() ? 1800 : 0;
const repo = new WorkbookRepo(openDb('property'));
let runs = 0;
let steps = 0;

describe('steps, undone and redone, stored', () => {
  it('give back the model, the figures and the stored rows at each step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(seedArb, { minLength: 40, maxLength: 80 }), async (seeds) => {
        const n = ++runs;
        const s = new WorkbookSession(await repo.create(startWorkbook(n)), repo);
        const stored = async () => {
          await s.whenSaved();
          const wb = (await repo.load(s.workbook.id))!.workbook;
          return JSON.parse(
            JSON.stringify({ meta: wb.meta, sheets: wb.sheets, grids: wb.grids ?? [] }),
          );
        };
        const equal = (a: unknown, b: unknown) => isDeepStrictEqual(a, b) || expect(a).toEqual(b);
        steps += await runSteps(s, seeds, { prefix: `${n}_`, next: 1 }, { stored, equal });
        expect(s.saveState).toBe('saved');
        s.close();
      }),
      propertyParams('stored property', 40),
    );
    expect(steps).toBeGreaterThanOrEqual(MIN_STEPS);
  }, 600_000);
});

afterAll(() => console.log(`stored property: ${runs} runs, ${steps} steps`));
