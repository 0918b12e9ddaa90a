/**
 * The comparison run in pieces, as the app runs it (domain/steps, app/inSteps `stepsOf`), gives
 * what the frozen old path gives (tests/support/compareOracle) — with another comparison run
 * between its pieces (the versions view and compare mode may both be comparing) — on random plans
 * and the real fixture pairs; and no piece does the whole job: each reads a few thousand rows.
 */
import { describe, expect, it } from 'vitest';
import { compareWithTable as oracleCompare } from '../../tests/support/compareOracle/adjustment';
import { said } from '../../tests/support/compareOracle/said';
import { filePairs, quangTriPair } from '../../tests/support/comparePairs';
import { type ComparisonResult, compareWithTableSteps } from '../domain/adjustment';
import type { Side } from '../domain/compare';
import type { MatchOverrides } from '../domain/match';
import { generatePlan } from '../domain/generate';
import { PIECE } from '../domain/steps';
import type { Row, Workbook } from '../domain/types';
import { sideOf } from './comparison';
import { randomPair } from './compareFastPlans';
import { StaleWork, stepsOf } from './inSteps';

type Job = [Side, Side, MatchOverrides?];

/** Runs several comparisons a piece of each in turn; their results, and how many pieces each took. */
function interleaved(jobs: Job[]): { results: ComparisonResult[]; pieces: number[] } {
  const gens = jobs.map(([a, b, o]) => compareWithTableSteps(a, b, o));
  const results: ComparisonResult[] = [];
  const pieces = jobs.map(() => 0);
  let left = gens.length;
  while (left)
    gens.forEach((g, k) => {
      if (results[k]) return;
      const r = g.next();
      pieces[k]++;
      if (r.done) {
        results[k] = r.value;
        left--;
      }
    });
  return { results, pieces };
}

/** Each job compared in pieces (interleaved with the others) as the old path compares it at once. */
function same(jobs: Job[]): void {
  const { results } = interleaved(jobs);
  jobs.forEach(([a, b, o], k) => expect(said(results[k])).toEqual(said(oracleCompare(a, b, o))));
}

describe('a comparison in pieces', () => {
  it.each([3, 8, 19])('gives what the old path gives on random plans (seed %i)', (seed) => {
    const { a, b, overrides } = randomPair(seed, 3);
    const other = randomPair(seed + 100);
    same([
      [sideOf('a', a, 'w'), sideOf('b', b, 'w'), overrides],
      [sideOf('a', a), sideOf('b', b)],
      [sideOf('x', other.a), sideOf('y', other.b), other.overrides],
      [{ ...sideOf('a', a), typed: false }, sideOf('b', b)],
    ]);
    // again, from what the first run kept with each version
    same([
      [sideOf('a', a, 'w'), sideOf('b', b, 'w'), overrides],
      [sideOf('a', a), sideOf('b', b)],
    ]);
  });

  it('gives what the old path gives on the real fixture pairs', () => {
    const { qa, qb } = quangTriPair();
    const cases = filePairs();
    expect(cases.length).toBeGreaterThan(10);
    const jobs: Job[] = [
      [sideOf('a', qa), sideOf('b', qb)],
      [sideOf('a', qa, 'x'), sideOf('b', qb, 'x')],
    ];
    for (const k of cases)
      jobs.push([sideOf(k.a, k.wa), sideOf(k.b, k.wb)], [sideOf(k.b, k.wb), sideOf(k.a, k.wa)]);
    same(jobs);
  });

  it('reads a few thousand rows per piece, never the whole plan', () => {
    // 20,000 projects a side; b with every 50th project's amounts changed, every 300th removed
    const a = generatePlan({ projects: 20_000 });
    const rowsB = a.sheets[0].rows
      .filter((r, i) => r.kind !== 'project' || i % 300)
      .map((r, i) =>
        r.kind === 'project' && i % 50 === 0 ? { ...r, cells: { ...r.cells, y2021_dtpt: i } } : r,
      );
    const b: Workbook = { ...a, sheets: [{ ...a.sheets[0], rows: rowsB }] };
    // every read of a row's cells counted (what each piece reads of the plans)
    let reads = 0;
    const counted = (wb: Workbook): Workbook => {
      const sheet = wb.sheets[0];
      const rows = sheet.rows.map((r) => {
        const cells = r.cells;
        const x = { ...r } as Row;
        Object.defineProperty(x, 'cells', {
          enumerable: true,
          get: () => (reads++, cells),
        });
        return x;
      });
      return { ...wb, sheets: [{ ...sheet, rows }] };
    };
    const ca = counted(a);
    const cb = counted(b);
    const projects = ca.sheets[0].rows.filter((r) => r.kind === 'project').length;
    expect(projects).toBeGreaterThan(15_000);
    for (const [sa, sb] of [
      [sideOf('a', ca), sideOf('b', cb)],
      [sideOf('a', ca, 'w'), sideOf('b', cb, 'w')],
    ]) {
      const g = compareWithTableSteps(sa, sb);
      let most = 0;
      let total = 0;
      let pieces = 0;
      for (;;) {
        reads = 0;
        const r = g.next();
        pieces++;
        most = Math.max(most, reads);
        total += reads;
        if (r.done) break;
      }
      // the whole job reads every project (the first time several times over), each piece a few thousand rows
      expect(total).toBeGreaterThan(projects);
      // (a row's name and lead read apart: two reads a row)
      expect(most).toBeLessThanOrEqual(3 * PIECE);
      expect(most).toBeLessThan(total / 10);
      expect(pieces).toBeGreaterThan(projects / PIECE);
    }
  });
});

describe('stepsOf', () => {
  it('runs pieces over several turns of the page, and drops stale work', async () => {
    let turns = 0;
    function* work(): Generator<void, number, void> {
      for (let k = 0; k < 5; k++) yield;
      return 42;
    }
    // a deadline already past: one piece per turn
    expect(await stepsOf(work(), -1, () => (turns++, false))).toBe(42);
    expect(turns).toBe(6);
    let edits = 0;
    await expect(stepsOf(work(), -1, () => ++edits > 2)).rejects.toBeInstanceOf(StaleWork);
    expect(edits).toBe(3);
  });
});
