/**
 * The sub-sections' figures of the execution engine (sections below the top level), added up here
 * from the engine's own copy of the Lines inputs rather than by HyperFormula (issue 20: at 100,000
 * projects their 4,000 rows of SUMs over 32,000 runs of a few rows were 12.8 s of idle-time CPU,
 * mostly the engine's range vertices and the garbage they made). A sub-section adds up the projects
 * directly in it plus its own sub-sections, as the formulas did, with HyperFormula's arithmetic
 * (sums and `+` dropping a result below 1e-13 of its left side, comparisons within 1e-13) and its
 * rounding of what it shows (10 significant digits): the same figures. Each is computed when read,
 * then kept until a write touches one of its rows (an edit recomputes its section and those above).
 */
import { type Group } from './executionLayout';
import { isNested } from './executionGroups';
import { add, engineRounding, subtract } from './plainArithmetic';

/** HyperFormula's epsilon (`precisionEpsilon`, smartRounding on). */
const EPS = 1e-13;

/** What the behind flag's formula subtracts from the target times the plan. */
const FLAG_EPS = 0.000000001;

/** HyperFormula's comparison (equal within EPS): −1, 0 or 1. */
function cmp(left: number, right: number): number {
  const mod = 1 + EPS;
  if (right >= 0 && left * mod >= right && left <= right * mod) return 0;
  if (right <= 0 && left * mod <= right && left >= right * mod) return 0;
  return left > right ? 1 : -1;
}

/** Cells of a group row: planned … carry disbursed, behind (the first seven). */
const SUMS = 7;

export class NestedSums {
  /** Sub-sections directly below each, and the one above (−1 for a top-level one's). */
  private readonly kids: number[][] = [];
  /** Row runs of the projects directly in each. */
  private readonly ownRuns: (readonly [number, number][])[] = [];
  private readonly parent: Int32Array;
  /** The sub-section holding each project row directly (−1: none). */
  private readonly owner: Int32Array;
  /** Unrounded sums per sub-section, `[k × 7 + cell]`, and whether they are up to date. */
  private readonly raw: Float64Array;
  private readonly fresh: Uint8Array;

  /**
   * `groups` the engine's, `S` its sources, `inputs` the Lines inputs `[row × S × 6 + col]` and
   * `targets` the target rate per block of `block` rows: both the engine's, which it writes
   * through `set`/`touchRows` and `touchAll`.
   */
  constructor(
    groups: readonly Group[],
    private readonly S: number,
    readonly inputs: Float64Array,
    readonly targets: Float64Array,
    private readonly block: number,
  ) {
    // the group index of each sub-section (its row in the engine's order of sub-sections)
    const groupOf: number[] = [];
    const at = new Map<number, number>();
    groups.forEach((g, i) => {
      if (isNested(g)) at.set(i, groupOf.push(i) - 1);
    });
    const n = inputs.length / Math.max(1, S * 6);
    this.parent = new Int32Array(groupOf.length).fill(-1);
    this.owner = new Int32Array(n).fill(-1);
    for (const [k, gi] of groupOf.entries()) {
      const g = groups[gi];
      this.kids.push((g.children ?? []).map((c) => at.get(c)!));
      for (const c of this.kids[k]) this.parent[c] = k;
      this.ownRuns.push(g.own ?? []);
      for (const [a, b] of g.own ?? []) this.owner.fill(k, a, b + 1);
    }
    this.raw = new Float64Array(groupOf.length * SUMS);
    this.fresh = new Uint8Array(groupOf.length);
  }

  /** Sets input `col` (source × 6 + field) of project row `row`. */
  set(row: number, col: number, value: number): void {
    this.inputs[row * this.S * 6 + col] = value;
    this.touch(this.owner[row]);
  }

  /** Rows `from`..`to`−1 (of inputs or of targets) were written: their sub-sections are stale. */
  touchRows(from: number, to: number): void {
    for (let r = from; r < Math.min(to, this.owner.length); r++) this.touch(this.owner[r]);
  }

  /** Everything was written. */
  touchAll(): void {
    this.fresh.fill(0);
  }

  private touch(k: number): void {
    for (; k >= 0; k = this.parent[k]) this.fresh[k] = 0;
  }

  /**
   * The row of sub-section `k` (in the engine's order) as the Sections sheet held it: seven sums,
   * the rates ("" without a plan), what remains, disbursed since the start; numbers as shown.
   */
  row(k: number): (number | string)[] {
    this.compute(k);
    const v = this.raw.subarray(k * SUMS, k * SUMS + SUMS);
    const [A, B, , D, E, F] = v;
    return [
      ...Array.from(v, (x) => engineRounding(x)),
      cmp(A, 0) === 0 ? '' : engineRounding(E / A),
      cmp(B, 0) === 0 ? '' : engineRounding(F / B),
      engineRounding(subtract(A, E)),
      engineRounding(add(add(D, E), F)),
    ];
  }

  /** The unrounded sums of sub-section `k`, its own sub-sections first. */
  private compute(k: number): void {
    if (this.fresh[k]) return;
    const { S, inputs } = this;
    const W = S * 6;
    const own = new Float64Array(SUMS); // planned, the five other inputs (over sources), behind
    const per = new Float64Array(S * 6); // per source and field: the SUM of its runs
    for (const [a, b] of this.ownRuns[k]) {
      for (let r = a; r <= b; r++) {
        const o = r * W;
        let P = inputs[o];
        let D = inputs[o + 4];
        for (let s = 1; s < S; s++) {
          P = add(P, inputs[o + s * 6]);
          D = add(D, inputs[o + s * 6 + 4]);
        }
        own[0] = add(own[0], P);
        for (let c = 0; c < W; c++) per[c] = add(per[c], inputs[o + c]);
        const T = this.targets[Math.floor(r / this.block)];
        if (cmp(P, 0) > 0 && cmp(D, subtract(T * P, FLAG_EPS)) < 0) own[6] = add(own[6], 1);
      }
    }
    for (let f = 1; f < 6; f++) {
      own[f] = per[f];
      for (let s = 1; s < S; s++) own[f] = add(own[f], per[s * 6 + f]);
    }
    const out = this.raw.subarray(k * SUMS, k * SUMS + SUMS);
    for (let c = 0; c < SUMS; c++) {
      let kids = 0;
      for (const x of this.kids[k]) {
        this.compute(x);
        kids = add(kids, this.raw[x * SUMS + c]);
      }
      out[c] = this.kids[k].length ? add(own[c], kids) : own[c];
    }
    this.fresh[k] = 1;
  }
}
