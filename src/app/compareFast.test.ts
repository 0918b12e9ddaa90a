/**
 * The fast comparison (names folded once, exact keys indexed first, fuzzy matching on the leftovers
 * only, diff entries only for changed cells) pairs and diffs exactly as the path it replaced (a
 * frozen copy of the files it changed in tests/support/compareOracle): on random plans with renamed, moved, reordered, split,
 * merged, inserted and removed projects (fixed seeds), and on the real fixture pairs.
 */
import { describe, expect, it } from 'vitest';
import { compareWithTable } from '../domain/adjustment';
import { compareWithTable as oracleCompare } from '../../tests/support/compareOracle/adjustment';
import type { Side } from '../domain/compare';
import type { MatchOverrides } from '../domain/match';
import { sideOf } from './comparison';
import { randomPair } from './compareFastPlans';
import { said } from '../../tests/support/compareOracle/said';
import { filePairs, quangTriPair } from '../../tests/support/comparePairs';

function same(a: Side, b: Side, o: MatchOverrides = {}): void {
  const fast = said(compareWithTable(a, b, o));
  const old = said(oracleCompare(a, b, o));
  expect(fast).toEqual(old);
}

describe('the fast comparison gives what the old one gave', () => {
  // four groups of ten seeds: one test per group keeps each well inside the timeout on a loaded machine
  it.each([1, 11, 21, 31])(
    'on random plans from seed %i, paired by name (files) and by identity (revisions)',
    (first) => {
      for (let seed = first; seed < first + 10; seed++) {
        const { a, b, overrides } = randomPair(seed);
        same(sideOf('a', a), sideOf('b', b));
        same(sideOf('a', a, 'w'), sideOf('b', b, 'w'));
        same(sideOf('a', a), sideOf('b', b), overrides);
        // values read through the side (as the open workbook gives them), not the typed cells
        same({ ...sideOf('a', a), typed: false }, { ...sideOf('b', b), typed: false });
      }
    },
  );

  it('on random revisions with the user’s corrections, one side read through its values', () => {
    for (let seed = 1; seed <= 40; seed += 2) {
      const { a, b, overrides } = randomPair(seed);
      same(sideOf('a', a, 'w'), sideOf('b', b, 'w'), overrides);
      // the open workbook (values from its engine) against a revision (cells as typed)
      same({ ...sideOf('a', a, 'w'), typed: false }, sideOf('b', b, 'w'), overrides);
    }
  });

  it('builds each row of the adjustment table on request as the whole table has it', () => {
    for (const seed of [5, 6, 7]) {
      const { a, b } = randomPair(seed);
      const { table } = compareWithTable(sideOf('a', a), sideOf('b', b));
      const old = oracleCompare(sideOf('a', a), sideOf('b', b)).table;
      expect(table.size).toBe(old.rows.length);
      for (let i = table.size - 1; i >= 0; i--) expect(table.row(i)).toEqual(old.rows[i]);
      expect(table.total).toEqual(old.total);
    }
  });

  it('on larger random plans (leftovers beyond all-pairs scoring)', () => {
    for (const seed of [101, 102, 103]) {
      const { a, b } = randomPair(seed, 12);
      same(sideOf('a', a), sideOf('b', b));
      same(sideOf('a', a, 'w'), sideOf('b', b, 'w'));
    }
  });

  it('on the real fixture pairs', () => {
    const { qa, qb } = quangTriPair();
    same(sideOf('a', qa), sideOf('b', qb));
    same(sideOf('a', qa, 'x'), sideOf('b', qb, 'y'));
    const cases = filePairs();
    expect(cases.length).toBeGreaterThan(10);
    for (const k of cases) {
      same(sideOf(k.a, k.wa), sideOf(k.b, k.wb));
      same(sideOf(k.b, k.wb), sideOf(k.a, k.wa));
    }
  });
});
