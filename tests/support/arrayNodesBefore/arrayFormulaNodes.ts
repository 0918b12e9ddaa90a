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

/** HyperFormula 3.5's own `DependencyGraph.getArrayVerticesRelatedToRanges`, frozen. */
export function relatedArraysBefore(
  dg: {
    graph: { hasNode: (n: unknown) => boolean; adjacentNodes: (n: unknown) => Set<unknown> };
  },
  cls: abstract new (...a: never[]) => unknown,
  ranges: readonly unknown[],
): Set<unknown> {
  const arrayVertices = new Set<unknown>();
  ranges.forEach((range) => {
    if (!dg.graph.hasNode(range)) return;
    dg.graph.adjacentNodes(range).forEach((adjacentVertex) => {
      if (adjacentVertex instanceof cls) arrayVertices.add(adjacentVertex);
    });
  });
  return arrayVertices;
}
