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
import type { Workbook } from '../domain/types';
import { PlanEngine } from '../engine/engine';
import { PlainValues } from '../engine/plainValues';
import { parsePlanbook } from '../io/planbookFile';
import { readPlanFile } from '../io/readPlan';
import { previewTotals as before } from '../../tests/support/previewTotalsBefore';
import { engineTotals } from '../../tests/support/previewTotalsEngine';
import { previewColumn, previewTotals } from './previewTotals';

const FIXTURES = FIXTURE_DIRS;

type Totals = Pick<ReturnType<typeof previewTotals>, 'total' | 'bySource'>;
/** -0 and 0 read alike (the preview formats both as 0). */
const zeroed = (t: Totals): Totals => ({
  total: t.total === null ? null : t.total || 0,
  bySource: Object.fromEntries(Object.entries(t.bySource).map(([s, v]) => [s, v || 0])),
});

afterEach(() => vi.restoreAllMocks());

/** New equals old; when the sheet is plain, no engine is loaded. Whether the plan has sources. */
function expectSame(wb: Workbook, what: string): ReturnType<typeof previewTotals> {
  const loads = vi.spyOn(PlanEngine.prototype, 'loadWorkbook');
  const got = previewTotals(wb);
  if (wb.sheets[0] && PlainValues.of(wb.sheets[0])) expect(loads, what).not.toHaveBeenCalled();
  loads.mockRestore();
  expect(zeroed(got), what).toStrictEqual(zeroed(engineTotals(wb, got.none)));
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
    expect(previewTotals(wb)).toMatchObject({ total: null, none: 'balance', bySource: {} });
    const m09 = wb.sheets.find((s) => s.name === 'M09')!;
    // a table of its own total column keeps it (was 0 before the preview read that column)
    expect(previewTotals({ ...wb, sheets: [m09] }).total).toBe(
      engineTotals({ ...wb, sheets: [m09] }).total,
    );
    expect(previewTotals({ ...wb, sheets: [m09] }).total).toBeGreaterThan(0);
  });

  it('gives zeros for a plan without sheets', () => {
    const wb = generatePlan({ projects: 1 });
    expect(previewTotals({ ...wb, sheets: [] })).toStrictEqual({ total: 0, bySource: {} });
  });
});

/** The first sheet of a MoF workbook, or the named one, as the preview's plan. */
function mof(file: string, sheet?: string): Workbook {
  const wb = readPlanFile(file, new Uint8Array(readFileSync(`fixtures/mof/${file}`))).workbook;
  const s = sheet === undefined ? wb.sheets[0] : wb.sheets.find((x) => x.name === sheet)!;
  return { ...wb, sheets: [s] };
}

/** The figures the table's grand total rows state in a column. */
const statedTotals = (wb: Workbook, col: string) =>
  wb.sheets[0].rows
    .filter((r) => r.kind === 'total' && !r.totalSource && !r.part)
    .map((r) => r.cells[col]);

describe('the preview’s total is the table’s own total', () => {
  it('totals the table’s first column that adds up where it has no amounts by year or source', () => {
    const wb = mof('Plan_2010.xls');
    const got = previewTotals(wb);
    expect(got.total).toBe(492_500_000);
    expect(got.column).toBe('TỔNG THU NSNN TRÊN ĐỊA BÀN');
    expect(statedTotals(wb, previewColumn(wb.sheets[0])!.id)).toContain(492_500_000);
    expect(previewTotals(mof('Plan_2003.xls')).total).toBe(127_400_000);
    expect(previewTotals(mof('Final_2009.xls', 'M06+')).total).toBe(423_784);
  });

  it('totals a column the code row writes as the sum of others once (`1 = 2 + 3`)', () => {
    const wb = mof('Plan_2012.xls', 'M04');
    const got = previewTotals(wb);
    expect(got.total).toBe(1_001_899); // not the row total of all three: 2,003,798
    expect(statedTotals(wb, 'y2012_total')).toContain(1_001_899);
  });

  it('says a balance table has no grand total, and states the total over an of-which list', () => {
    expect(previewTotals(mof('Final_2009.xls'))).toMatchObject({ total: null, none: 'balance' });
    expect(previewTotals(mof('Plan_2017.xls', 'M04'))).toMatchObject({
      total: null,
      none: 'breakdown',
      stated: 1_390_480,
    });
  });

  it('says a table with no column that adds up has no total', () => {
    const wb = generatePlan({ projects: 3, seed: 1 });
    const sheet = wb.sheets[0];
    const columns = leaves(sheet.columns).map((l) =>
      l.role === 'amount' || l.role === 'stated' || l.role === 'value'
        ? { ...l, role: 'value' as const, additive: false as const }
        : l,
    );
    const got = previewTotals({ ...wb, sheets: [{ ...sheet, columns }] });
    expect(got).toMatchObject({ total: null, none: 'noColumn' });
  });

  it('shows no 0 for a MoF sheet whose table states a total', () => {
    const zero: string[] = [];
    for (const f of readdirSync('fixtures/mof').filter((x) => x.endsWith('.xls'))) {
      const all = readPlanFile(f, new Uint8Array(readFileSync(`fixtures/mof/${f}`))).workbook;
      for (const s of all.sheets) {
        const wb = { ...all, sheets: [s] };
        const main = previewColumn(s);
        const stated = main && !main.rowTotal ? statedTotals(wb, main.id) : [];
        const got = previewTotals(wb);
        if (stated.some((v) => typeof v === 'number' && v !== 0) && !got.total && !got.none)
          zero.push(`${f} ${s.name}`);
        if (got.total === 0 && !got.none) zero.push(`${f} ${s.name}: 0`);
      }
    }
    expect(zero).toStrictEqual([]);
  }, 120_000);
});
