/**
 * HyperFormula's recalculation order (Tarjan's strongly connected components over the vertices a
 * change reaches, `Graph.getTopSortedWithSccSubgraphFrom`), computed the same way over flat typed
 * arrays kept between runs. HyperFormula 3.5 builds six new JS arrays per run and writes them at
 * vertex ids scattered over the whole graph, which turns them into hash tables: a paste of
 * 1,000 × 10 (13,000 vertices reached in a graph of 10,000 projects) spent ~65 ms there. This is
 * the same algorithm step for step (same visiting order, same output, same calls to
 * `recompute`/`onCycle`), only its bookkeeping differs; tests/support/hfTopSort.ts is the frozen
 * copy of HyperFormula's class that tests compare it with.
 */

/** A graph as HyperFormula stores it: vertices and out-edges by id (both with holes). */
export interface SparseGraph<N> {
  nodesSparseArray: (N | undefined)[];
  edgesSparseArray: ((number | undefined)[] | undefined)[];
}

/** Vertices in recalculation order, and those on cycles. */
export interface SortResult<N> {
  sorted: N[];
  cycled: N[];
}

const ON_STACK = 1;
const PROCESSED = 2;
const POPPED = 3;
const STATUS = 3;
const IN_SCC = 4;
const ON_CYCLE = 8;
const UPDATE = 16;

/** Per-vertex scratch arrays, grown as the graph grows and cleaned after each run. */
class Scratch {
  entrance = new Int32Array(0);
  low = new Int32Array(0);
  parent = new Int32Array(0);
  flags = new Uint8Array(0);

  /** Room for vertex ids below `n` (new room: entrance -1, parent -1, flags 0). */
  fit(n: number): void {
    if (n <= this.flags.length) return;
    const size = Math.max(n, Math.ceil(this.flags.length * 1.5), 1024);
    const grow = (a: Int32Array, fill: number) => {
      const b = new Int32Array(size).fill(fill);
      b.set(a);
      return b;
    };
    this.entrance = grow(this.entrance, -1);
    this.low = grow(this.low, 0);
    this.parent = grow(this.parent, -1);
    const f = new Uint8Array(size);
    f.set(this.flags);
    this.flags = f;
  }

  /** Puts the entries of the visited vertices back to their initial state. */
  clean(visited: readonly number[]): void {
    for (const v of visited) {
      this.entrance[v] = -1;
      this.parent[v] = -1;
      this.flags[v] = 0;
    }
  }
}

const scratches = new WeakMap<object, Scratch>();

/**
 * The vertices reachable from `modifiedIds` in topological order, each passed to `recompute`
 * (when it was modified or a vertex before it changed; true: it changed) or to `onCycle`.
 * `modifiedIds` is reversed in place, as HyperFormula does.
 */
export function topSortFrom<N>(
  g: SparseGraph<N>,
  modifiedIds: number[],
  recompute: (node: N) => boolean,
  onCycle: (node: N) => void,
): SortResult<N> {
  let s = scratches.get(g);
  if (!s) scratches.set(g, (s = new Scratch()));
  s.fit(g.nodesSparseArray.length);
  const { entrance, low, parent, flags } = s;
  const nodes = g.nodesSparseArray;
  const edges = g.edgesSparseArray;
  const order: number[] = [];
  // ids that were marked without being reached (none in a consistent graph; cleaned all the same)
  const marked: number[] = [];
  const adjacent = (id: number): number[] => {
    const out: number[] = [];
    for (const a of edges[id]!) if (a !== undefined && nodes[a]) out.push(a);
    return out;
  };
  let time = 0;
  const dfs = (v: number) => {
    if (flags[v] & STATUS) return;
    flags[v] = (flags[v] & ~STATUS) | ON_STACK;
    const stack = [v];
    const scc: number[] = [];
    while (stack.length > 0) {
      const u = stack[stack.length - 1];
      const status = flags[u] & STATUS;
      if (status === ON_STACK) {
        entrance[u] = time;
        low[u] = time;
        time++;
        scc.push(u);
        for (const t of adjacent(u))
          if (entrance[t] === -1) {
            stack.push(t);
            parent[t] = u;
            flags[t] = (flags[t] & ~STATUS) | ON_STACK;
          }
        flags[u] = (flags[u] & ~STATUS) | PROCESSED;
      } else if (status === PROCESSED) {
        let uLow = entrance[u];
        for (const t of adjacent(u)) {
          if (flags[t] & IN_SCC) continue;
          uLow = parent[t] === u ? Math.min(uLow, low[t]) : Math.min(uLow, entrance[t]);
        }
        low[u] = uLow;
        if (uLow === entrance[u]) {
          const start = order.length;
          let t: number;
          do {
            t = scc.pop()!;
            order.push(t);
            flags[t] |= IN_SCC;
          } while (t !== u);
          if (order.length - start > 1)
            for (let k = start; k < order.length; k++) flags[order[k]] |= ON_CYCLE;
        }
        stack.pop();
        flags[u] = (flags[u] & ~STATUS) | POPPED;
      } else stack.pop();
    }
  };
  modifiedIds.reverse();
  try {
    for (const id of modifiedIds) dfs(id);
    // (every modified vertex was reached, so it is in `order` and cleaned with it)
    for (const t of modifiedIds) flags[t] |= UPDATE;
    const sorted: N[] = [];
    const cycled: N[] = [];
    const mark = (ids: readonly number[]) => {
      for (const a of ids) {
        if (!(flags[a] & (UPDATE | STATUS))) marked.push(a);
        flags[a] |= UPDATE;
      }
    };
    for (let k = order.length - 1; k >= 0; k--) {
      const t = order[k];
      const adj = adjacent(t);
      const node = nodes[t]!;
      if (flags[t] & ON_CYCLE || adj.includes(t)) {
        cycled.push(node);
        onCycle(node);
        mark(adj);
      } else {
        sorted.push(node);
        if (flags[t] & UPDATE && recompute(node)) mark(adj);
      }
    }
    return { sorted, cycled };
  } finally {
    s.clean(order);
    s.clean(marked);
  }
}
