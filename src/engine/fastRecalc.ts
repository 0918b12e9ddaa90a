/**
 * Puts topSort.ts's recalculation order in place of HyperFormula's own (same order, same calls;
 * see there why), for every engine the app builds: installed once on the dependency graph's class
 * by the first engine built (config.ts asks for it when it loads). The graph is reached through an
 * engine's internals, so the swap checks the shape it relies on and leaves HyperFormula as it is
 * when that shape differs (another version): the app is then only slower.
 */
import { HyperFormula } from 'hyperformula';
import { installArrayNodes } from './arrayNodes';
import { installRangeKeys } from './rangeKeys';
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

/** The faster order, in place of HyperFormula's, on the graph class of `hf`: whether in place. */
export function installFastRecalc(hf: HyperFormula): boolean {
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
}

/** Whether the faster order is in place: undefined until the first engine is built. */
let installed: boolean | undefined;

/** Whether the faster order is in place (undefined: no engine built yet, nothing installed). */
export function fastRecalc(): boolean | undefined {
  return installed;
}

/** Whether HyperFormula's build path waits for the first engine. */
let waiting = false;

type FromState = (this: unknown, engine: unknown) => HyperFormula;

/**
 * Makes the first engine built (by any of HyperFormula's builders, from any module) install the
 * faster order on its graph class (and the kept array vertices, arrayNodes.ts, and the range
 * maps keyed by numbers, rangeKeys.ts): the builders
 * (buildEmpty, buildFromArray, buildFromSheets) all end in HyperFormula's one
 * `buildFromEngineState`, wrapped here until that engine and then given back. No engine is built
 * for it: an import costs nothing. A version without it is left as it is.
 */
export function installOnFirstBuild(): void {
  const statics = HyperFormula as unknown as { buildFromEngineState?: FromState };
  const own = statics.buildFromEngineState;
  if (waiting || installed !== undefined || typeof own !== 'function') return;
  waiting = true;
  statics.buildFromEngineState = function (this: unknown, engine: unknown) {
    const hf = own.call(this, engine);
    statics.buildFromEngineState = own;
    waiting = false;
    // range maps keyed by numbers (rangeKeys.ts): first, so every engine built from here on has them
    installRangeKeys(hf);
    installed = installFastRecalc(hf);
    // and the row operations without their walk over every vertex (arrayNodes.ts)
    installArrayNodes(hf);
    return hf;
  };
}
