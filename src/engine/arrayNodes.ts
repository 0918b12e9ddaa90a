/**
 * HyperFormula's row operations without their walk over every vertex: before each row operation
 * (rows added, cells moved, rows removed: three per row move) the engine brings its array formulas'
 * addresses up to date, and finds them by copying every vertex of the graph into a new array and
 * testing each one's class (`DependencyGraph.arrayFormulaNodes`). At 100,000 projects that is
 * some 1.4 million vertices per operation, about half of a row move's CPU, for a plan that holds no
 * array formula at all.
 *
 * In its place, each graph keeps the array formula vertices it holds by id, kept up to date where
 * the graph adds and removes vertices (`addNodeIfNotExists` and `removeNode`, the only two places
 * that write its vertex array) and built by one walk the first time it is asked: the same
 * vertices, in the same order (by id), so the row operations do exactly what they did. Installed
 * once on the classes by the first engine built (fastRecalc.ts); the class of array formula
 * vertices is taken from a small engine holding one. The same kept vertices spare the walk over
 * every range whose size a row operation changed (`getArrayVerticesRelatedToRanges`), looking for
 * the array formulas among their dependents, when the graph holds no array formula. When HyperFormula's shape differs (another
 * version), nothing is changed: the app is then only slower.
 */
import { HyperFormula } from 'hyperformula';

/** A graph vertex: its id in the graph, while it is in one. */
interface Vertex {
  idInGraph?: number;
}

/** The graph: its vertices by id (holes where removed), and the array vertices once asked. */
interface Graph {
  nodesSparseArray: (Vertex | undefined)[];
  __planbookArrays?: Map<number, Vertex>;
}

interface GraphClass {
  addNodeIfNotExists: (this: Graph, node: Vertex) => number;
  removeNode: (this: Graph, node: Vertex) => unknown;
  __planbookArrayNodes?: true;
}

interface DependencyGraph {
  graph: Graph;
  addressMapping: { getCell: (a: { sheet: number; row: number; col: number }) => unknown };
}

interface DependencyGraphClass {
  arrayFormulaNodes: (this: DependencyGraph) => Iterable<Vertex>;
  getArrayVerticesRelatedToRanges: (
    this: DependencyGraph,
    ranges: readonly Vertex[],
  ) => Set<Vertex>;
}

type VertexClass = abstract new (...a: never[]) => Vertex;

/** The engine's dependency graph (internals). */
function dependencyGraphOf(hf: HyperFormula): DependencyGraph | undefined {
  return (hf as unknown as { dependencyGraph?: DependencyGraph }).dependencyGraph;
}

/** The class of array formula vertices: the one of `=TRANSPOSE(A1:B1)` in a small engine. */
function arrayVertexClass(): VertexClass | undefined {
  const probe = HyperFormula.buildFromArray([[1, 2], ['=TRANSPOSE(A1:B1)']], {
    licenseKey: 'gpl-v3',
  });
  try {
    const dg = dependencyGraphOf(probe);
    const array = dg?.addressMapping?.getCell({ sheet: 0, row: 1, col: 0 });
    const scalar = dg?.addressMapping?.getCell({ sheet: 0, row: 0, col: 0 });
    const below = dg?.addressMapping?.getCell({ sheet: 0, row: 2, col: 0 });
    // the transposed cells are one vertex (the array's), of a class no plain value shares
    if (!array || array !== below || !scalar || array.constructor === scalar.constructor)
      return undefined;
    return array.constructor as VertexClass;
  } finally {
    probe.destroy();
  }
}

/** The array formula vertices of a graph by id: kept, or found by one walk over its vertices. */
function arraysOf(g: Graph, cls: VertexClass): Map<number, Vertex> {
  let m = g.__planbookArrays;
  if (m) return m;
  m = new Map();
  const nodes = g.nodesSparseArray;
  for (let id = 0; id < nodes.length; id++) {
    const n = nodes[id];
    if (n instanceof cls) m.set(id, n);
  }
  g.__planbookArrays = m;
  return m;
}

/** Whether the kept array vertices are in place (undefined: not tried yet). */
let installed: boolean | undefined;

/** Whether the kept array vertices are in place (undefined: no engine built yet). */
export function arrayNodesKept(): boolean | undefined {
  return installed;
}

/**
 * Puts the kept array vertices in place on the classes of `hf`'s dependency graph and graph:
 * whether in place (false: HyperFormula's shape differs, nothing changed).
 */
export function installArrayNodes(hf: HyperFormula): boolean {
  if (installed !== undefined) return installed;
  installed = false;
  const dg = dependencyGraphOf(hf);
  const graph = dg?.graph;
  if (!dg || !graph || !Array.isArray(graph.nodesSparseArray)) return false;
  const dgProto = Object.getPrototypeOf(dg) as DependencyGraphClass;
  const gProto = Object.getPrototypeOf(graph) as GraphClass;
  if (gProto.__planbookArrayNodes) return (installed = true);
  if (
    !HyperFormula.version.startsWith('3.') ||
    typeof dgProto.arrayFormulaNodes !== 'function' ||
    typeof dgProto.getArrayVerticesRelatedToRanges !== 'function' ||
    typeof gProto.addNodeIfNotExists !== 'function' ||
    typeof gProto.removeNode !== 'function'
  )
    return false;
  const cls = arrayVertexClass();
  if (!cls) return false;
  const add = gProto.addNodeIfNotExists;
  const remove = gProto.removeNode;
  gProto.addNodeIfNotExists = function (node) {
    const had = node.idInGraph;
    const id = add.call(this, node);
    if (had === undefined && this.__planbookArrays && node instanceof cls)
      this.__planbookArrays.set(id, node);
    return id;
  };
  gProto.removeNode = function (node) {
    const id = node.idInGraph;
    const out = remove.call(this, node);
    if (id !== undefined) this.__planbookArrays?.delete(id);
    return out;
  };
  const related = dgProto.getArrayVerticesRelatedToRanges;
  // the array formulas that read ranges whose size changed: none when the graph holds none (its
  // walk over each range's dependents, some 20,000 ranges per row removed, finds nothing)
  dgProto.getArrayVerticesRelatedToRanges = function (ranges) {
    return arraysOf(this.graph, cls).size ? related.call(this, ranges) : new Set();
  };
  dgProto.arrayFormulaNodes = function () {
    const m = arraysOf(this.graph, cls);
    // the vertices as they are now, by id (HyperFormula's walk: a copy, in id order)
    return [...m.keys()].sort((a, b) => a - b).map((id) => m.get(id)!);
  };
  gProto.__planbookArrayNodes = true;
  return (installed = true);
}
