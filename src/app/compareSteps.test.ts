/**
 * The 100,000-project comparison's fast paths give what the frozen old path gives
 * (tests/support/compareOracle): ids paired walking both lists in step (b reordered, ids repeated,
 * rows inserted and removed), texts interned once per version, names of one form taken as the
 * same, the split/merge search skipping projects that share no word, and the adjustment table's
 * one-pass sums over any level structure; compared again after random edits of either side.
 */
import { describe, expect, it } from 'vitest';
import { compareWithTable as oracleCompare } from '../../tests/support/compareOracle/adjustment';
import { said } from '../../tests/support/compareOracle/said';
import { compareWithTable } from '../domain/adjustment';
import { applyCommand, type Command } from '../domain/commands';
import type { Side } from '../domain/compare';
import { prng } from '../domain/generate';
import type { MatchOverrides } from '../domain/match';
import type { Row, Workbook } from '../domain/types';
import { sideOf } from './comparison';
import { randomPair } from './compareFastPlans';

function same(a: Side, b: Side, o: MatchOverrides = {}): void {
  expect(said(compareWithTable(a, b, o))).toEqual(said(oracleCompare(a, b, o)));
}

/** Both sides of one workbook, by name, and one read through its values. */
function all(wa: Workbook, wb: Workbook, o: MatchOverrides = {}): void {
  same(sideOf('a', wa, 'w'), sideOf('b', wb, 'w'));
  same(sideOf('a', wa, 'w'), sideOf('b', wb, 'w'), o);
  same(sideOf('a', wa), sideOf('b', wb));
  same({ ...sideOf('a', wa, 'w'), typed: false }, sideOf('b', wb, 'w'));
}

const withRows = (wb: Workbook, rows: Row[]): Workbook => ({
  ...wb,
  sheets: [{ ...wb.sheets[0], rows }, ...wb.sheets.slice(1)],
});

/** A random edit as the app makes one (new rows; none changed in place). */
function randomEdit(wb: Workbook, rnd: () => number): Command {
  const sheet = wb.sheets[0];
  const rows = sheet.rows;
  const ps = rows.filter((r) => r.kind === 'project');
  const p = ps[Math.floor(rnd() * ps.length)];
  const q = ps[Math.floor(rnd() * ps.length)];
  const sheetId = sheet.id;
  const amountCol = Object.keys(p.cells).find((k) => /^y\d/.test(k)) ?? 'y2021_dtpt';
  switch (Math.floor(rnd() * 6)) {
    case 0:
      return {
        type: 'setCells',
        sheetId,
        changes: [{ rowId: p.id, colId: amountCol, value: Math.round(rnd() * 900) }],
      };
    case 1:
      return {
        type: 'setCells',
        sheetId,
        changes: [{ rowId: p.id, colId: 'name', value: String(q.cells.name ?? '') }],
      };
    case 2:
      return {
        type: 'setCells',
        sheetId,
        changes: [{ rowId: p.id, colId: 'lead', value: rnd() < 0.5 ? 'Sở Y tế' : '' }],
      };
    case 3:
      return { type: 'deleteRows', sheetId, rowIds: [p.id] };
    case 4: {
      const from = rows.indexOf(p);
      return { type: 'moveRows', sheetId, from, count: 1, to: Math.floor(rnd() * rows.length) };
    }
    default:
      return {
        type: 'insertRows',
        sheetId,
        at: Math.floor(rnd() * rows.length),
        rows: [
          {
            id: `x${Math.floor(rnd() * 1e9)}`,
            kind: 'project',
            level: p.level,
            cells: { name: String(q.cells.name ?? ''), [amountCol]: 40 },
          },
        ],
      };
  }
}

describe('the fast paths of a large comparison', () => {
  it('pairs by id in step whatever the order: reversed, repeated and foreign ids', () => {
    for (const seed of [2, 9, 17]) {
      const { a, b, overrides } = randomPair(seed);
      const rows = b.sheets[0].rows;
      all(a, withRows(b, rows.slice().reverse()), overrides);
      // every other project's id taken from another project of a (repeats on b's side)
      const pa = a.sheets[0].rows.filter((r) => r.kind === 'project');
      const repeated = rows.map((r, i) =>
        r.kind === 'project' && i % 2 ? { ...r, id: pa[i % pa.length].id } : r,
      );
      all(a, withRows(b, repeated), overrides);
      // ids of another workbook but for a few
      const foreign = rows.map((r, i) => (i % 7 ? { ...r, id: `f${r.id}` } : r));
      all(a, withRows(b, foreign));
      // a's projects in b's order with one in three moved a place on
      const swapped = rows.slice();
      for (let i = 0; i + 1 < swapped.length; i += 3)
        [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
      all(withRows(a, a.sheets[0].rows.slice()), withRows(b, swapped));
    }
  });

  it('sums the adjustment table over any level structure', () => {
    for (const seed of [4, 12, 25]) {
      const { a, b } = randomPair(seed, 3);
      const rnd = prng(seed);
      // sections nest (and skip levels), projects mostly one level below their section, some
      // two (skipped by the sums), some at the top
      const shake = (wb: Workbook) => {
        let section = -1;
        return withRows(
          wb,
          wb.sheets[0].rows.map((r) => {
            const x = rnd();
            if (r.kind === 'section') {
              section = x < 0.2 ? 0 : Math.min(section + (x < 0.6 ? 2 : 1), 4);
              return { ...r, level: section };
            }
            return { ...r, level: x < 0.75 ? section + 1 : x < 0.95 ? section + 2 : 0 };
          }),
        );
      };
      all(shake(a), shake(b));
    }
  });

  // one test per seed keeps each well inside the timeout on a loaded machine
  it.each([5, 14, 33])(
    'compares again after random edits of either side, as the old path does (seed %i)',
    (seed) => {
      const rnd = prng(seed * 13);
      const { a, b, overrides } = randomPair(seed);
      let wa = a;
      let wb = b;
      all(wa, wb, overrides);
      for (let step = 0; step < 8; step++) {
        if (rnd() < 0.7) wb = applyCommand(wb, randomEdit(wb, rnd));
        else wa = applyCommand(wa, randomEdit(wa, rnd));
        all(wa, wb, overrides);
        all(wa, wb, overrides); // from what the first kept
      }
    },
  );
});
