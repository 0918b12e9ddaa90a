/**
 * The import preview's totals are computed without the formula engine (#20) and equal the figures
 * of the old path, which built a PlanEngine for the whole read plan (tests/support/previewTotalsBefore.ts):
 * the sample, every fixture read as a file, the MoF corpus and generated plans with noisy figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE_DIRS } from '../../tests/support/fixtureDirs';
import { leaves } from '../domain/columns';
import { generatePlan } from '../domain/generate';
import { hasGrandTotal } from '../domain/totals';
import type { Workbook } from '../domain/types';
import { PlanEngine } from '../engine/engine';
import { PlainValues } from '../engine/plainValues';
import { parsePlanbook } from '../io/planbookFile';
import { readPlanFile } from '../io/readPlan';
import { previewTotals as before } from '../../tests/support/previewTotalsBefore';
import { previewTotals } from './previewTotals';

const FIXTURES = FIXTURE_DIRS;

type Totals = ReturnType<typeof previewTotals>;
/** -0 and 0 read alike (the preview formats both as 0). */
const zeroed = (t: Totals): Totals => ({
  total: t.total === null ? null : t.total || 0,
  bySource: Object.fromEntries(Object.entries(t.bySource).map(([s, v]) => [s, v || 0])),
});

afterEach(() => vi.restoreAllMocks());

/**
 * New equals old, except that a first sheet without a grand total (a balance table) has none;
 * when the sheet is plain, no engine is loaded. Whether the plan has sources.
 */
function expectSame(wb: Workbook, what: string): Totals {
  const none = wb.sheets[0] && !hasGrandTotal(wb.sheets[0]);
  const want = none ? { total: null, bySource: {} } : zeroed(before(wb));
  const loads = vi.spyOn(PlanEngine.prototype, 'loadWorkbook');
  const got = previewTotals(wb);
  expect(zeroed(got), what).toStrictEqual(want);
  if (wb.sheets[0] && PlainValues.of(wb.sheets[0])) expect(loads, what).not.toHaveBeenCalled();
  loads.mockRestore();
  return got;
}

describe('previewTotals without the engine', () => {
  it('equals the engine’s totals on the sample and builds no engine', () => {
    const sample = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
    if (!sample.ok) throw new Error('the sample does not parse');
    const got = expectSame(sample.workbook, 'sample');
    expect(got.total).not.toBe(0);
    expect(Object.keys(got.bySource).length).toBeGreaterThan(0);
  });

  it('equals the engine’s totals on every fixture and the MoF corpus, read as files', () => {
    let files = 0;
    let withSources = 0;
    let plain = 0;
    for (const dir of FIXTURES)
      for (const f of readdirSync(dir)) {
        if (!/\.(tsv|xls|xlsx|ods)$/.test(f)) continue;
        const wb = readPlanFile(f, new Uint8Array(readFileSync(join(dir, f)))).workbook;
        const got = expectSame(wb, `${dir}/${f}`);
        files++;
        if (Object.values(got.bySource).some((v) => v !== 0)) withSources++;
        if (wb.sheets[0] && PlainValues.of(wb.sheets[0])) plain++;
      }
    expect(files).toBeGreaterThan(40);
    expect(withSources).toBeGreaterThan(5);
    expect(plain).toBeGreaterThan(30);
  }, 300_000);

  it('equals the engine’s totals on generated plans with noisy figures', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 80 }),
        fc.array(
          fc.oneof(
            fc.constantFrom(0.1, 0.2, 0.3, 1e-14, -0.1, 333.33, 1 / 3, 1e15, 2.675, -0),
            fc.double({ min: -1e9, max: 1e9, noNaN: true }),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        (seed, projects, xs) => {
          const wb = generatePlan({ projects, seed });
          let k = 0;
          for (const r of wb.sheets[0].rows)
            for (const key of Object.keys(r.cells))
              if (typeof r.cells[key] === 'number') r.cells[key] = xs[k++ % xs.length];
          expectSame(wb, `seed ${seed}`);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('leaves to the engine a plan with a formula typed in a cell, with the same totals', () => {
    const wb = generatePlan({ projects: 8, seed: 4 });
    const sheet = wb.sheets[0];
    const p = sheet.rows.find((r) => r.kind === 'project')!;
    p.cells[leaves(sheet.columns).find((l) => l.role === 'amount')!.id] = '=7+1';
    expect(PlainValues.of(sheet)).toBeNull();
    expectSame(wb, 'typed formula');
  });

  it('gives no total for a balance table (Plan_2014 M01: revenue, expenditure, deficit)', () => {
    const f = 'fixtures/mof/Plan_2014.xls';
    const wb = readPlanFile(f, new Uint8Array(readFileSync(f))).workbook;
    expect(wb.sheets[0].name).toBe('M01');
    // before: 2013400 = revenue 782700 + expenditure 1006700 + deficit 224000, a figure of nothing
    expect(before(wb).total).toBe(2013400);
    expect(previewTotals(wb)).toStrictEqual({ total: null, bySource: {} });
    const m09 = wb.sheets.find((s) => s.name === 'M09')!;
    expect(previewTotals({ ...wb, sheets: [m09] }).total).toBe(
      before({ ...wb, sheets: [m09] }).total,
    );
  });

  it('gives zeros for a plan without sheets', () => {
    const wb = generatePlan({ projects: 1 });
    expect(previewTotals({ ...wb, sheets: [] })).toStrictEqual({ total: 0, bySource: {} });
  });
});
