import { describe, expect, it } from 'vitest';
import { leaves } from '../domain/columns';
import { generatePlan, prng } from '../domain/generate';
import type { AppendixSheet, Workbook } from '../domain/types';
import { unitGroups } from '../domain/units';
import { PlanEngine } from './engine';
import { engineRounding } from './plainValues';
import { unitAmountSums } from './unitSums';

/** The old path: every cell read from the engine, added in row order. */
function engineSums(e: PlanEngine, sheet: AppendixSheet, rows: number[], ids: string[]): number[] {
  return ids.map((id) =>
    rows.reduce((a, r) => {
      const v = e.value(sheet.id, r, id);
      return a + (typeof v === 'number' ? v : 0);
    }, 0),
  );
}

/** Every unit's sums both ways (and sums over every row, sections and totals among them). */
function bothWays(wb: Workbook): [number[][], number[][]] {
  const e = new PlanEngine();
  e.loadWorkbook(wb);
  const fast: number[][] = [];
  const old: number[][] = [];
  for (const sheet of wb.sheets) {
    const ids = leaves(sheet.columns)
      .filter((l) => l.role === 'amount')
      .map((l) => l.id);
    const groups = [...unitGroups(sheet, wb.meta).map((g) => g.rows), sheet.rows.map((_, i) => i)];
    for (const rows of groups) {
      fast.push(unitAmountSums(sheet, rows, ids, (r, id) => e.value(sheet.id, r, id)));
      old.push(engineSums(e, sheet, rows, ids));
    }
  }
  return [fast, old];
}

/** A plan whose amounts are awkward: float noise, big and tiny numbers, formulas, texts, empties. */
function awkward(seed: number): Workbook {
  const wb = generatePlan({ projects: 300, seed });
  const rnd = prng(seed);
  const sheet = wb.sheets[0];
  const ids = leaves(sheet.columns)
    .filter((l) => l.role === 'amount')
    .map((l) => l.id);
  const odd: unknown[] = [
    0.1,
    0.2,
    1 / 3,
    -2 / 7,
    1e15 + 0.3,
    123456789012,
    99999999999,
    -12345678901,
    5e-324,
    123456.789012345,
    1e-12,
    -0,
    Infinity,
    NaN,
    '',
    '61.600',
    'chưa có',
    `=${ids[0].toUpperCase()}1+0.1`,
    '=1/3',
    '=0.1+0.2',
  ];
  for (const r of sheet.rows)
    for (const id of ids)
      if (rnd() < 0.3)
        (r.cells as Record<string, unknown>)[id] = odd[Math.floor(rnd() * odd.length)];
  return wb;
}

describe('unit sums read from the model', () => {
  it('give exactly what reading every cell from the engine gives (random awkward plans)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const [fast, old] = bothWays(awkward(seed));
      expect(fast).toEqual(old);
      expect(fast.flat().some((x) => !Number.isInteger(x))).toBe(true);
    }
  });

  it('give exactly what reading every cell from the engine gives (generated plans)', () => {
    for (const seed of [9, 10]) {
      const [fast, old] = bothWays(generatePlan({ projects: 2000, seed }));
      expect(fast).toEqual(old);
    }
  });

  it('skip the rounding only where it changes nothing: integers below 1e11', () => {
    const rnd = prng(77);
    const ints = [0, 1, -1, 99_999_999_999, -99_999_999_999, 10_000_000_000, 12_345_678_901];
    for (let k = 0; k < 200_000; k++) {
      const digits = 1 + Math.floor(rnd() * 11);
      const n = Math.floor(rnd() * 10 ** digits);
      ints.push(rnd() < 0.5 ? -n : n);
    }
    for (const n of ints) if (engineRounding(n) !== n) expect(n).toBe(engineRounding(n));
    expect(engineRounding(123_456_789_012)).not.toBe(123_456_789_012);
  });
});
