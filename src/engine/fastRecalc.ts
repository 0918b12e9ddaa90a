/**
 * Puts topSort.ts's recalculation order in place of HyperFormula's own (same order, same calls;
 * see there why), for every engine the app builds: installed once on the dependency graph's class
 * when this module loads. The graph is reached through an engine's internals, so the swap checks
 * the shape it relies on and leaves HyperFormula as it is when that shape differs (another
 * version): the app is then only slower.
 */
import { HyperFormula } from 'hyperformula';
import { type SparseGraph, topSortFrom } from './topSort';

type Sort = (
  this: SparseGraph<unknown>,
  modified: readonly { idInGraph?: number }[],
  recompute: (node: unknown) => boolean,
  onCycle: (node: unknown) => void,
) => unknown;

interface GraphClass {
  getTopSortedWithSccSubgraphFrom?: Sort;
  topSortWithScc?: unknown;
  __planbookSort?: true;
}

/** The faster order, in place of HyperFormula's: whether it is in place (false: other shape). */
export function installFastRecalc(): boolean {
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  try {
    const graph = (hf as unknown as { dependencyGraph?: { graph?: SparseGraph<unknown> } })
      .dependencyGraph?.graph;
    if (!graph || !Array.isArray(graph.nodesSparseArray) || !Array.isArray(graph.edgesSparseArray))
      return false;
    const proto = Object.getPrototypeOf(graph) as GraphClass;
    if (proto.__planbookSort) return true;
    if (
      !HyperFormula.version.startsWith('3.') ||
      typeof proto.getTopSortedWithSccSubgraphFrom !== 'function' ||
      proto.getTopSortedWithSccSubgraphFrom.length !== 3 ||
      typeof proto.topSortWithScc !== 'function'
    )
      return false;
    proto.getTopSortedWithSccSubgraphFrom = function (modified, recompute, onCycle) {
      const ids: number[] = [];
      for (const n of modified) if (n.idInGraph !== undefined) ids.push(n.idInGraph);
      return topSortFrom(this, ids, recompute, onCycle);
    };
    proto.__planbookSort = true;
    return true;
  } finally {
    hf.destroy();
  }
}

/** Whether the faster order is in place (installed when this module loads). */
export const fastRecalc = installFastRecalc();
