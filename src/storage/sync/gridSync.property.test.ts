/**
 * Plain sheets keyed by row and column ids (issue #21), on random steps with a fixed seed: rows and
 * columns inserted and removed, cells written. A replica reads every step of another as that
 * person's sheet; two people stepping while apart converge on the same sheet, and a cell edited
 * by one person in a row and column nobody else touched shows that person's value, never lost.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CellInput, GridSheet, Workbook } from '../../domain/types';
import { makePlan } from '../../domain/template';
import { gridCellKeyAt } from './gridSync';
import { sameCell } from '../../domain/registers';
import { SharedWorkbook } from './sharedWorkbook';

const base = { id: 'w', createdAt: 1, updatedAt: 1 };

type Step =
  | { k: 'set'; r: number; c: number; v: number }
  | { k: 'insRow'; r: number; v: number }
  | { k: 'delRow'; r: number }
  | { k: 'insCol'; c: number; v: number }
  | { k: 'delCol'; c: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      k: fc.constant('set' as const),
      r: fc.nat(9),
      c: fc.nat(4),
      v: fc.nat(99),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('insRow' as const), r: fc.nat(9), v: fc.nat(99) }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('delRow' as const), r: fc.nat(9) }) },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant('insCol' as const), c: fc.nat(4), v: fc.nat(99) }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('delCol' as const), c: fc.nat(4) }) },
);

/** One step on a sheet, as an app's command would make it (untouched rows keep their identity). */
function apply(g: GridSheet, s: Step): GridSheet {
  const cells = g.cells.slice();
  const n = cells.length;
  switch (s.k) {
    case 'set': {
      if (!n) return g;
      const r = s.r % n;
      const row = (cells[r] = cells[r].slice());
      while (row.length <= s.c) row.push(null);
      row[s.c] = s.v;
      break;
    }
    case 'insRow':
      cells.splice(s.r % (n + 1), 0, [`n${s.v}`, s.v]);
      break;
    case 'delRow':
      if (n <= 1) return g;
      cells.splice(s.r % n, 1);
      break;
    case 'insCol':
      return {
        ...g,
        cells: cells.map((row) => [...row.slice(0, s.c), `c${s.v}`, ...row.slice(s.c)]),
      };
    case 'delCol':
      if (cells.some((row) => row.length <= s.c)) return g;
      return { ...g, cells: cells.map((row) => [...row.slice(0, s.c), ...row.slice(s.c + 1)]) };
  }
  return { ...g, cells };
}

function trimmed(cells: CellInput[][]): CellInput[][] {
  return cells.map((r) => {
    const out = r.slice();
    while (out.length && (out.at(-1) === null || out.at(-1) === '')) out.pop();
    return out;
  });
}

function start(): Workbook {
  const cells: CellInput[][] = Array.from({ length: 6 }, (_, r) => [`r${r}`, r, r * 10, null, 'x']);
  return {
    ...makePlan({ rows: [['section', 0, 'I', {}]] }),
    grids: [{ kind: 'grid', id: 'g', name: 'Ghi', cells }],
  };
}

function step(s: SharedWorkbook, x: Step): void {
  const before = s.workbook!;
  const after = { ...before, grids: [apply(before.grids![0], x)] };
  s.commit(before, after);
}

const exchange = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

function pair() {
  const da = new Y.Doc();
  const a = new SharedWorkbook(da, { author: 'lan', base, now: () => 1000 });
  a.publish(start());
  const db = new Y.Doc();
  const b = new SharedWorkbook(db, { author: 'minh', base, now: () => 2000 });
  exchange(da, db);
  return { a, b, da, db };
}

const cellsOf = (s: SharedWorkbook) => trimmed(s.workbook!.grids![0].cells);

describe('plain sheets by row and column ids, random steps', () => {
  it('another replica reads every step as the person who made it sees it', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 40 }), (steps) => {
        const { a, b, da, db } = pair();
        let model = a.workbook!.grids![0];
        for (const x of steps) {
          step(a, x);
          model = apply(model, x);
          exchange(da, db);
          expect(cellsOf(a)).toEqual(trimmed(model.cells));
          expect(cellsOf(b)).toEqual(trimmed(model.cells));
          expect(b.conflicts()).toEqual([]);
        }
      }),
      { seed: 2126, numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  });

  it('two people stepping while apart converge; every value written is shown or listed', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 1, maxLength: 12 }),
        fc.array(stepArb, { minLength: 1, maxLength: 12 }),
        (sa, sb) => {
          const { a, b, da, db } = pair();
          for (const x of sa) step(a, x);
          for (const x of sb) step(b, x);
          exchange(da, db);
          expect(cellsOf(a)).toEqual(cellsOf(b));
          const keys = (x: SharedWorkbook) =>
            x
              .conflicts()
              .map((c) => c.key)
              .sort();
          expect(keys(a)).toEqual(keys(b));
          // every cell written is on the sheet at its place (showing its latest value), or listed
          const found = new Set(
            a
              .conflicts()
              .filter((c) => c.orphan)
              .map((c) => c.key),
          );
          const cells = a.workbook!.grids![0].cells;
          const width = Math.max(0, ...cells.map((r) => r.length)) + 3;
          for (let r = 0; r < cells.length; r++)
            for (let c = 0; c < width; c++) {
              const key = gridCellKeyAt(a.doc, a.index, 'g', r, c);
              const w = key === null ? undefined : a.index.heads(key)[0];
              if (!w) continue;
              found.add(key!);
              expect(sameCell(cells[r][c], w.v as CellInput)).toBe(true);
            }
          for (const [key] of a.index.slots)
            if (key.startsWith('G\u001f') && a.index.heads(key).length)
              expect(found).toContain(key);
        },
      ),
      { seed: 2127, numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  });
});
