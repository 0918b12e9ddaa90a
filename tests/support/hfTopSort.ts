/**
 * Frozen copy of HyperFormula 3.5.0's recalculation order (es/DependencyGraph/TopSort.mjs and
 * Graph.getTopSortedWithSccSubgraphFrom, © Handsoncode, GPL-3.0, typed here): the oracle that
 * src/engine/topSort.ts is proved equal to, call for call.
 */
import type { SortResult, SparseGraph } from '../../src/engine/topSort';

const ON_STACK = 0;
const PROCESSED = 1;
const POPPED = 2;

class TopSort<N> {
  private entranceTime: number[] = [];
  private low: number[] = [];
  private parent: number[] = [];
  private inSCC: boolean[] = [];
  private nodeStatus: number[] = [];
  private order: number[] = [];
  private sccNonSingletons: boolean[] = [];
  private timeCounter = 0;

  constructor(
    private readonly nodesSparseArray: (N | undefined)[],
    private readonly edgesSparseArray: ((number | undefined)[] | undefined)[],
  ) {}

  getTopSortedWithSccSubgraphFrom(
    modifiedNodeIds: number[],
    operatingFunction: (n: N) => boolean,
    onCycle: (n: N) => void,
  ): SortResult<N> {
    const modifiedNodeIdsReversed = modifiedNodeIds.reverse();
    modifiedNodeIdsReversed.forEach((id) => this.runDFS(id));
    return this.postprocess(modifiedNodeIdsReversed, onCycle, operatingFunction);
  }

  private getAdjacentNodeIds(id: number): number[] {
    return this.edgesSparseArray[id]!.filter(
      (adjacentId) => adjacentId !== undefined && this.nodesSparseArray[adjacentId],
    ) as number[];
  }

  private runDFS(v: number): void {
    if (this.nodeStatus[v] !== undefined) return;
    this.nodeStatus[v] = ON_STACK;
    const DFSstack = [v];
    const SCCstack: number[] = [];
    while (DFSstack.length > 0) {
      const u = DFSstack[DFSstack.length - 1];
      switch (this.nodeStatus[u]) {
        case ON_STACK:
          this.handleOnStack(u, SCCstack, DFSstack);
          break;
        case PROCESSED:
          this.handleProcessed(u, SCCstack, DFSstack);
          break;
        case POPPED:
          DFSstack.pop();
          break;
      }
    }
  }

  private handleOnStack(u: number, SCCstack: number[], DFSstack: number[]): void {
    this.entranceTime[u] = this.timeCounter;
    this.low[u] = this.timeCounter;
    this.timeCounter++;
    SCCstack.push(u);
    this.getAdjacentNodeIds(u).forEach((t) => {
      if (this.entranceTime[t] === undefined) {
        DFSstack.push(t);
        this.parent[t] = u;
        this.nodeStatus[t] = ON_STACK;
      }
    });
    this.nodeStatus[u] = PROCESSED;
  }

  private handleProcessed(u: number, SCCstack: number[], DFSstack: number[]): void {
    let uLow = this.entranceTime[u];
    this.getAdjacentNodeIds(u).forEach((t) => {
      if (this.inSCC[t]) return;
      uLow =
        this.parent[t] === u ? Math.min(uLow, this.low[t]) : Math.min(uLow, this.entranceTime[t]);
    });
    this.low[u] = uLow;
    if (uLow === this.entranceTime[u]) {
      const currentSCC: number[] = [];
      do {
        currentSCC.push(SCCstack[SCCstack.length - 1]);
        SCCstack.pop();
      } while (currentSCC[currentSCC.length - 1] !== u);
      currentSCC.forEach((t) => {
        this.inSCC[t] = true;
      });
      this.order.push(...currentSCC);
      if (currentSCC.length > 1)
        currentSCC.forEach((t) => {
          this.sccNonSingletons[t] = true;
        });
    }
    DFSstack.pop();
    this.nodeStatus[u] = POPPED;
  }

  private postprocess(
    modifiedNodeIds: number[],
    onCycle: (n: N) => void,
    operatingFunction: (n: N) => boolean,
  ): SortResult<N> {
    const shouldBeUpdatedMapping: boolean[] = [];
    modifiedNodeIds.forEach((t) => {
      shouldBeUpdatedMapping[t] = true;
    });
    const sorted: N[] = [];
    const cycled: N[] = [];
    this.order.reverse();
    this.order.forEach((t) => {
      const adjacentNodes = this.getAdjacentNodeIds(t);
      if (this.sccNonSingletons[t] || adjacentNodes.includes(t)) {
        cycled.push(this.nodesSparseArray[t]!);
        onCycle(this.nodesSparseArray[t]!);
        adjacentNodes.forEach((s) => (shouldBeUpdatedMapping[s] = true));
      } else {
        sorted.push(this.nodesSparseArray[t]!);
        if (shouldBeUpdatedMapping[t] && operatingFunction(this.nodesSparseArray[t]!))
          adjacentNodes.forEach((s) => (shouldBeUpdatedMapping[s] = true));
      }
    });
    return { sorted, cycled };
  }
}

/** HyperFormula 3.5.0's `Graph.getTopSortedWithSccSubgraphFrom` over vertex ids. */
export function topSortBefore<N>(
  g: SparseGraph<N>,
  modifiedIds: number[],
  recompute: (node: N) => boolean,
  onCycle: (node: N) => void,
): SortResult<N> {
  return new TopSort(g.nodesSparseArray, g.edgesSparseArray).getTopSortedWithSccSubgraphFrom(
    modifiedIds,
    recompute,
    onCycle,
  );
}
