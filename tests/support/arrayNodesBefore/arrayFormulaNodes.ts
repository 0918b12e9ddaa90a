/**
 * Frozen copy of HyperFormula 3.5's own `DependencyGraph.arrayFormulaNodes` (every vertex of the
 * graph copied, each one's class tested), the oracle of src/engine/arrayNodes.ts.
 */

/** The array formula vertices of a dependency graph as HyperFormula 3.5 walks them. */
export function arrayFormulaNodesBefore(
  dg: { graph: { nodesSparseArray: unknown[] } },
  cls: abstract new (...a: never[]) => unknown,
): unknown[] {
  const out: unknown[] = [];
  for (const vertex of dg.graph.nodesSparseArray.filter((node) => node !== undefined))
    if (vertex instanceof cls) out.push(vertex);
  return out;
}
