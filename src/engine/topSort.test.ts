import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { topSortBefore } from '../../tests/support/hfTopSort';
import { fastRecalc } from './fastRecalc';
import './config';
import { type SparseGraph, topSortFrom } from './topSort';
import { prng as rng } from '../domain/generate';

interface V {
  id: number;
}

/** A graph with holes (removed vertices, removed edges), cycles and self-loops. */
function randomGraph(r: () => number, n: number, degree: number): SparseGraph<V> {
  const g: SparseGraph<V> = { nodesSparseArray: [], edgesSparseArray: [] };
  for (let i = 0; i < n; i++) {
    if (r() < 0.1) continue; // a removed vertex
    g.nodesSparseArray[i] = { id: i };
    const out: (number | undefined)[] = [];
    const k = Math.floor(r() * degree * 2);
    for (let e = 0; e < k; e++) {
      // mostly forward (a formula reads cells before it), sometimes back (cycles) or itself
      const x = r();
      out.push(x < 0.05 ? i : x < 0.15 ? Math.floor(r() * n) : i + 1 + Math.floor(r() * 20));
    }
    for (let e = 0; e < out.length; e++) if (r() < 0.05) delete out[e]; // a removed edge
    g.edgesSparseArray[i] = out;
  }
  return g;
}

/** One run through a sort: its result and every call it made, in order. */
function run(
  sort: typeof topSortFrom<V>,
  g: SparseGraph<V>,
  modified: number[],
  seed: number,
): { sorted: number[]; cycled: number[]; calls: string[] } {
  const calls: string[] = [];
  const res = sort(
    g,
    [...modified],
    (v) => {
      calls.push(`r${v.id}`);
      return ((v.id * 2654435761 + seed) >>> 0) % 3 !== 0;
    },
    (v) => calls.push(`c${v.id}`),
  );
  return { sorted: res.sorted.map((v) => v.id), cycled: res.cycled.map((v) => v.id), calls };
}

describe('topSortFrom: HyperFormula 3.5 recalculation order over typed arrays', () => {
  it('visits, orders and recomputes exactly as HyperFormula does, run after run on one graph', () => {
    const r = rng(20);
    for (let graph = 0; graph < 30; graph++) {
      const n = 20 + Math.floor(r() * 400);
      const g = randomGraph(r, n, 1 + r() * 3);
      for (let k = 0; k < 8; k++) {
        const present = g.nodesSparseArray.flatMap((v, i) => (v ? [i] : []));
        const modified = present.filter(() => r() < (k % 2 ? 0.02 : 0.3));
        const seed = graph * 100 + k;
        const fast = run(topSortFrom, g, modified, seed);
        expect(fast).toEqual(run(topSortBefore, g, modified, seed));
        // the graph grows between runs (new vertices reading old ones): the scratch grows too
        const id = g.nodesSparseArray.length;
        g.nodesSparseArray[id] = { id };
        g.edgesSparseArray[id] = [];
        g.edgesSparseArray[present[0]]!.push(id);
      }
    }
  });

  it('sorts the whole graph (every vertex modified) as HyperFormula does', () => {
    const r = rng(7);
    const g = randomGraph(r, 3000, 2);
    const all = g.nodesSparseArray.flatMap((v, i) => (v ? [i] : []));
    expect(run(topSortFrom, g, all, 1)).toEqual(run(topSortBefore, g, all, 1));
  });
});

describe('fastRecalc: every engine recalculates through topSortFrom', () => {
  /** Sheet contents with sums over ranges, rows reading rows, and a cycle. */
  const contents = (n: number) =>
    Array.from({ length: n }, (_, i) => [
      i + 1,
      `=SUM(A1:A${i + 1})`,
      i % 50 === 7 ? `=C${i + 2}+1` : i % 50 === 8 ? `=C${i}+1` : `=B${i + 1}*2`,
      `=SUM(B${i + 1}:C${i + 1})`,
    ]);

  it('is in place, and an engine gives the same figures and changes as with its own order', () => {
    const a = HyperFormula.buildFromSheets({ s: contents(300) }, { licenseKey: 'gpl-v3' });
    expect(fastRecalc()).toBe(true);
    const b = HyperFormula.buildFromSheets({ s: contents(300) }, { licenseKey: 'gpl-v3' });
    // b recalculates through the frozen copy of HyperFormula's order (its graph's own method)
    const graph = (b as unknown as { dependencyGraph: { graph: Record<string, unknown> } })
      .dependencyGraph.graph;
    graph.getTopSortedWithSccSubgraphFrom = function (
      this: SparseGraph<unknown>,
      nodes: { idInGraph?: number }[],
      recompute: (n: unknown) => boolean,
      onCycle: (n: unknown) => void,
    ) {
      const ids = nodes.flatMap((n) => (n.idInGraph === undefined ? [] : [n.idInGraph]));
      return topSortBefore(this, ids, recompute, onCycle);
    };
    expect(a.getSheetValues(0)).toEqual(b.getSheetValues(0));
    const r = rng(3);
    for (let k = 0; k < 20; k++) {
      const row = Math.floor(r() * 290);
      const block = Array.from({ length: 1 + Math.floor(r() * 10) }, () => [Math.floor(r() * 99)]);
      const ca = a.setCellContents({ sheet: 0, row, col: 0 }, block);
      const cb = b.setCellContents({ sheet: 0, row, col: 0 }, block);
      expect(ca).toEqual(cb);
      expect(a.getSheetValues(0)).toEqual(b.getSheetValues(0));
    }
  });
});
