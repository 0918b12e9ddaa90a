/**
 * HyperFormula's row operations find the array formulas through the vertices each graph keeps
 * (arrayNodes.ts): through random row operations and writes (array formulas among them), the
 * vertices found are those HyperFormula's own walk finds (tests/support/arrayNodesBefore), and
 * every formula and value is that of an engine given the same operations that walks as HyperFormula
 * did (a fresh build can differ: which array spills depends on the order formulas came in).
 */
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import {
  arrayFormulaNodesBefore,
  relatedArraysBefore,
} from '../../tests/support/arrayNodesBefore/arrayFormulaNodes';
import { ENGINE_CONFIG } from './config';
import { arrayNodesKept } from './arrayNodes';
import { prng as rng } from '../domain/generate';

type Dg = {
  graph: {
    nodesSparseArray: unknown[];
    hasNode: (n: unknown) => boolean;
    adjacentNodes: (n: unknown) => Set<unknown>;
  };
  rangeMapping: { rangeMapping: Map<number, Map<string, unknown>> };
  arrayFormulaNodes: () => Iterable<unknown>;
  getArrayVerticesRelatedToRanges: (ranges: readonly unknown[]) => Set<unknown>;
  addressMapping: { getCell: (a: { sheet: number; row: number; col: number }) => unknown };
};
const dgOf = (hf: HyperFormula) => (hf as unknown as { dependencyGraph: Dg }).dependencyGraph;

/** The contents written at random: numbers, sums, and array formulas that spill. */
function content(rnd: () => number, rows: number, arrays = true): string | number | null {
  const r = () => 1 + Math.floor(rnd() * rows);
  const x = rnd();
  if (x < 0.3) return Math.floor(rnd() * 100);
  if (x < 0.5) return `=SUM(A${r()}:B${r()})`;
  if (x < 0.65 && !arrays) return `=SUM(B${r()}:C${r()})`;
  if (x < 0.58) return `=TRANSPOSE(A${r()}:A${r()})`;
  if (x < 0.65) return `=MMULT(A1:B2,A${r()}:A${r() + 1})`;
  if (x < 0.85) return `=C${r()}*2`;
  return null;
}

describe('arrayNodes: the row operations find the array formulas HyperFormula walks to', () => {
  it('is in place once an engine is built, with the vertex class of a spilling formula', () => {
    const hf = HyperFormula.buildFromArray([[1]], { ...ENGINE_CONFIG });
    expect(arrayNodesKept()).toBe(true);
    hf.destroy();
  });

  it('finds the same vertices and leaves the same sheet as HyperFormula’s walk, at random', () => {
    let read = 0;
    let arrays = 0;
    let empty = 0;
    for (let seed = 1; seed <= 10; seed++) {
      // the last seeds: sheets without array formulas
      const r = run(seed, seed <= 8);
      read += r.read;
      arrays = Math.max(arrays, r.arrays);
      empty += r.empty;
    }
    // and steps whose graph held none
    expect(empty).toBeGreaterThan(10);
    // the walk had array formulas to find, in sheets HyperFormula could read
    expect(arrays).toBeGreaterThan(3);
    expect(read).toBeGreaterThan(150);
  }, 60_000);
});

/**
 * `steps` random operations on an engine and on one walking every vertex (the oracle): the
 * steps whose values could be read, and the most array formulas found at once.
 */
function run(
  seed: number,
  withArrays: boolean,
  steps = 40,
): { read: number; arrays: number; empty: number } {
  const rnd = rng(seed);
  const start = Array.from({ length: 30 }, (_, i) =>
    Array.from({ length: 6 }, () => (i < 3 ? Math.floor(rnd() * 9) : content(rnd, 30, withArrays))),
  );
  const hf = HyperFormula.buildFromArray(start, { ...ENGINE_CONFIG });
  const old = HyperFormula.buildFromArray(start, { ...ENGINE_CONFIG });
  const dg = dgOf(hf);
  const probe = HyperFormula.buildFromArray([[1, 2], ['=TRANSPOSE(A1:B1)']], {
    ...ENGINE_CONFIG,
  });
  const cls = (dgOf(probe).addressMapping.getCell({ sheet: 0, row: 1, col: 0 }) as object)
    .constructor as abstract new (...a: never[]) => unknown;
  probe.destroy();
  // the oracle engine walks every vertex, as HyperFormula 3.5 did
  const oldDg = dgOf(old);
  oldDg.arrayFormulaNodes = () => arrayFormulaNodesBefore(oldDg, cls);
  oldDg.getArrayVerticesRelatedToRanges = (ranges) => relatedArraysBefore(oldDg, cls, ranges);
  let arrays = 0;
  let read = 0;
  let empty = 0;
  for (let step = 0; step < steps; step++) {
    const n = hf.getSheetDimensions(0).height;
    const at = Math.floor(rnd() * (n + 1));
    const x = rnd();
    const k = 1 + Math.floor(rnd() * 3);
    const to = Math.floor(rnd() * n);
    const cell = { sheet: 0, row: Math.floor(rnd() * n), col: Math.floor(rnd() * 6) };
    const c = content(rnd, n, withArrays);
    // an operation HyperFormula refuses (an array's cells moved apart) is refused by both
    const refused = [hf, old].map((e) => {
      try {
        if (x < 0.25) e.addRows(0, [at, k]);
        else if (x < 0.45 && n > 5) e.removeRows(0, [Math.min(at, n - 1), k]);
        else if (x < 0.7 && n > 5) e.moveRows(0, Math.min(at, n - k), k, to);
        else e.setCellContents(cell, c);
        return '';
      } catch (err) {
        return String(err);
      }
    });
    expect(refused[0]).toBe(refused[1]);
    const got = [...dg.arrayFormulaNodes()];
    expect(got).toEqual(arrayFormulaNodesBefore(dg, cls));
    // the array formulas reading each range: none looked for when the graph holds none
    const ranges = [...(dg.rangeMapping.rangeMapping.get(0)?.values() ?? [])];
    expect([...dg.getArrayVerticesRelatedToRanges(ranges)]).toEqual([
      ...relatedArraysBefore(dg, cls, ranges),
    ]);
    arrays = Math.max(arrays, got.length);
    if (!got.length) empty++;
    expect(hf.getSheetSerialized(0)).toEqual(old.getSheetSerialized(0));
    // (HyperFormula can fail to read a sheet after some array moves: both alike)
    const values = [hf, old].map((e) => {
      try {
        return e.getSheetValues(0);
      } catch (err) {
        return String(err);
      }
    });
    expect(values[0]).toEqual(values[1]);
    if (typeof values[0] !== 'string') read++;
  }
  hf.destroy();
  old.destroy();
  return { read, arrays, empty };
}
