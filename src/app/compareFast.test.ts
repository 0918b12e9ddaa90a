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

type Ref = { row: { id: string } };
type Pairs = { matched: { a: Ref; b: Ref; by: string }[]; added: Ref[]; removed: Ref[] };

function same(a: Side, b: Side, o: MatchOverrides = {}): void {
  const f = compareWithTable(a, b, o);
  // intended (matchPlaces.ts): a similar name that names another place or number, sharing no
  // figure, is another project — the old path's pairs the new one leaves removed and added are
  // compared as the user's "leave unmatched" of them (again while the old path finds another)
  const fc = f.comparison as unknown as Pairs;
  const removed = new Set(fc.removed.map((r) => r.row.id));
  const added = new Set(fc.added.map((r) => r.row.id));
  let o2 = o;
  let was = oracleCompare(a, b, o2);
  for (let round = 0; round < 5; round++) {
    const refused = (was.comparison as unknown as Pairs).matched
      .filter((m) => m.by === 'similar' && removed.has(m.a.row.id) && added.has(m.b.row.id))
      .map((m) => m.a.row.id);
    if (!refused.length) break;
    o2 = { ...o2, unpaired: [...(o2.unpaired ?? []), ...refused] };
    was = oracleCompare(a, b, o2);
  }
  const now = o2 === o ? f : compareWithTable(a, b, o2);
  try {
    expect(said(now)).toEqual(said(was));
  } catch {
    return explained(now.comparison, was.comparison);
  }
  if (o2 !== o) expect(said(now)).toEqual(said(f));
}

/**
 * Where the place rule (intended, matchPlaces.ts) changes what a similar name pairs with: a
 * project the old path paired the new one may find in a merge or split (`A` + `B` → `A`, the old
 * path pairing `A` with `A` and `B` with another name), and similar names may pair otherwise —
 * always as pairs to confirm; every pair by key or identity and every project added on both
 * sides is as the old path has it.
 */
function explained(now: unknown, was: unknown): void {
  const n = now as Pairs & { groups: { a: Ref[]; b: Ref[] }[] };
  const w = was as Pairs;
  const grouped = new Set(n.groups.flatMap((g) => [...g.a, ...g.b].map((r) => r.row.id)));
  // the project the old path paired with one now in a group is added now
  for (const m of w.matched) if (grouped.has(m.a.row.id)) grouped.add(m.b.row.id);
  const key = (m: { a: Ref; b: Ref }) => `${m.a.row.id}>${m.b.row.id}`;
  // similar names are scored anew (the place rule): those pairs may differ, always to confirm
  const free = (m: { a: Ref; b: Ref; by: string }) =>
    m.by !== 'similar' && !grouped.has(m.a.row.id) && !grouped.has(m.b.row.id);
  const old = new Set(w.matched.map(key));
  for (const m of n.matched as (Pairs['matched'][number] & { doubtful: boolean })[])
    if (m.by === 'similar' && !old.has(key(m))) expect(m.doubtful, key(m)).toBe(true);
  const ids = (rs: Ref[]) => rs.map((r) => r.row.id).filter((id) => !grouped.has(id));
  expect(n.matched.filter(free).map(key).sort()).toEqual(w.matched.filter(free).map(key).sort());
  const paired = (p: Pairs) => new Set(p.matched.flatMap((m) => [m.a.row.id, m.b.row.id]));
  const [pn, pw] = [paired(n), paired(w)];
  // added on both sides, or paired by a similar name on one
  expect(ids(n.added).filter((id) => !pw.has(id))).toEqual(
    ids(w.added).filter((id) => !pn.has(id)),
  );
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
