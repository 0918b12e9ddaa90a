/**
 * The find that keeps only each row's joined forms gives exactly the hits of the search as it was
 * (tests/support/findBefore, frozen): generated and real plans, random queries, texts holding the
 * separators the joined forms use.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findSteps as findStepsBefore } from '../../tests/support/findBefore/find';
import { findInPlan, finish } from '../domain/find';
import { generatePlan, prng } from '../domain/generate';
import { formatAmount } from '../domain/numbers';
import type { AppendixSheet, Workbook } from '../domain/types';

/** Queries drawn from the sheets' cells: pieces of texts (some upper case), figures in each style. */
function queries(sheets: readonly AppendixSheet[], seed: number, n: number): string[] {
  const rnd = prng(seed);
  const cells = sheets.flatMap((s) => s.rows.flatMap((r) => Object.values(r.cells)));
  const out = ['sở', 'Dự án', '0', '.', ',', '\u0001', 'a\u0000b', 'x\u0000dự', '\u0001án', 'án 3'];
  for (let k = 0; k < n; k++) {
    const v = cells[Math.floor(rnd() * cells.length)];
    if (typeof v === 'number')
      out.push([String(v), formatAmount(v, 'vi'), formatAmount(v, 'en')][k % 3]);
    else if (typeof v === 'string' && v) {
      const a = Math.floor(rnd() * v.length);
      const piece = v.slice(a, a + 1 + Math.floor(rnd() * 8));
      out.push(rnd() < 0.3 ? piece.toUpperCase() : piece);
    }
  }
  return out;
}

const same = (sheets: readonly AppendixSheet[], seed: number, n: number) => {
  for (const q of queries(sheets, seed, n))
    expect(findInPlan(sheets, q), q).toEqual(finish(findStepsBefore(sheets, q)));
};

describe('find against the frozen old search', () => {
  it('same hits on generated plans, texts holding NUL or SOH included', () => {
    for (const seed of [4, 5]) {
      const wb = generatePlan({ projects: 400, seed });
      const s = wb.sheets[0];
      const rows = s.rows.map((r, i) =>
        i % 7 === 3 ? { ...r, cells: { ...r.cells, note: `x\u0000Dự\u0001án ${i}` } } : r,
      );
      same([{ ...s, rows }, ...wb.sheets.slice(1)], seed, 60);
    }
  });

  it('same hits on a real plan', () => {
    const wb: Workbook = JSON.parse(
      readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'),
    ).workbook;
    same(wb.sheets, 9, 150);
  });
});
