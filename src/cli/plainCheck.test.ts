/** The figures computed without the engine are the engine's, cell for cell (fixtures, generated plans, noise). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leaves, yearGroups } from '../domain/columns';
import { generatePlan } from '../domain/generate';
import type { AppendixSheet, Workbook } from '../domain/types';
import { readPlanFile } from '../io/readPlan';
import { PlanEngine } from '../engine/engine';
import { layoutOf } from '../engine/layout';
import { engineRounding, PlainValues } from '../engine/plainValues';

const zero = (v: unknown) => (v === 0 ? 0 : v); // -0 and 0 read alike

/** Every value the cross-checks can read, from the engine and from PlainValues, side by side. */
function compare(wb: Workbook): number {
  const engine = new PlanEngine();
  engine.loadWorkbook(wb);
  let cells = 0;
  for (const sheet of wb.sheets) {
    const plain = PlainValues.of(sheet);
    expect(plain, sheet.name).not.toBeNull();
    const ids = leaves(sheet.columns).map((l) => l.id);
    const groups = yearGroups(sheet.columns).map((g) => g.group.id);
    const rules = layoutOf(sheet).rules.length;
    sheet.rows.forEach((_, i) => {
      for (const id of ids) {
        expect(zero(plain!.value(i, id)), `${sheet.name} ${i} ${id}`).toEqual(
          zero(engine.value(sheet.id, i, id)),
        );
        cells++;
      }
      for (let k = 0; k < rules; k++)
        expect(zero(plain!.rule(i, k))).toEqual(zero(engine.rule(sheet.id, i, k)));
    });
    const sources = [null, ...new Set(leaves(sheet.columns).map((l) => l.source ?? null))];
    for (const s of sources)
      for (const id of [...ids, ...groups])
        expect(zero(plain!.total(s, id)), `total ${s} ${id}`).toEqual(
          zero(engine.total(sheet.id, s, id)),
        );
  }
  return cells;
}

const FIXTURES = [
  'fixtures',
  'fixtures/shapes',
  'fixtures/compare',
  'fixtures/mof',
  'fixtures/provincial',
];

describe('PlainValues', () => {
  it('rounds as the engine gives numbers out', () => {
    expect(engineRounding(0.1 + 0.2)).toBe(0.3);
    expect(engineRounding(-1234.56789012345)).toBe(-1234.5678901);
    expect(engineRounding(0)).toBe(0);
  });

  it('gives the engine’s figures on every fixture', () => {
    let files = 0;
    for (const dir of FIXTURES)
      for (const f of readdirSync(dir)) {
        if (!/\.(tsv|xls|xlsx|ods|planbook)$/.test(f)) continue;
        const reading = readPlanFile(f, new Uint8Array(readFileSync(join(dir, f))));
        if (reading.workbook.sheets.some((s) => !PlainValues.of(s))) continue;
        compare(reading.workbook);
        files++;
      }
    expect(files).toBeGreaterThan(30);
  }, 120_000);

  it('gives the engine’s figures on generated plans with noisy decimals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(
          fc.oneof(
            fc.constantFrom(0.1, 0.2, 0.3, 1e-14, -0.1, 333.33, 1 / 3, 1e15, 2.675),
            fc.double({ min: -1e9, max: 1e9, noNaN: true }),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        (seed, xs) => {
          const wb = generatePlan({ projects: 60, seed });
          let k = 0;
          for (const r of wb.sheets[0].rows)
            for (const key of Object.keys(r.cells))
              if (typeof r.cells[key] === 'number') r.cells[key] = xs[k++ % xs.length];
          compare(wb);
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);

  it('leaves to the engine a sheet with a formula typed in a cell', () => {
    const wb = generatePlan({ projects: 5 });
    const sheet: AppendixSheet = wb.sheets[0];
    const p = sheet.rows.find((r) => r.kind === 'project')!;
    const amount = leaves(sheet.columns).find((l) => l.role === 'amount')!;
    p.cells[amount.id] = '=1+1';
    expect(PlainValues.of(sheet)).toBeNull();
  });
});
