/**
 * The adjustment table built lazily: what a row is (section or project, its level, its projects)
 * is listed once into typed arrays, section and grand totals are summed from the comparison's
 * figure blocks in one pass, and a row's figures and texts become an `AdjRow` only when asked
 * (`row(i)`: the rows a grid shows; `rows`: every row, for an export). At 100,000 projects this
 * spares a million small arrays, and the listing eight growing arrays (a few typed arrays sized
 * once). Figures, order and arithmetic are those of the eager table it replaced (compareFast.test).
 */
import type { AdjColumn, AdjRow, AdjustmentTable, Quad } from './adjustment';
import type { Comparison } from './compare';
import { addInto, at, STATUS, unchanged } from './adjustmentFigures';
import { RowList } from './adjustmentList';
import { amountsEqual, clean } from './numbers';
import { pauseAt, runAll, type Steps } from './steps';

export { DROPPED_SECTION } from './adjustmentList';

/** The adjustment table of a comparison, its rows built on request. */
export class LazyAdjustmentTable implements AdjustmentTable {
  readonly columns: AdjColumn[];
  /** The grand total's quads (set once the rows are listed and summed). */
  total: Quad[] = [];
  declare readonly rows: AdjRow[];
  declare readonly violations: { row: number; column: number }[];
  readonly #c: Comparison;
  /** Figure columns (years × sources) before the row total. */
  readonly #n: number;
  /** Figures per row: 4 per column, then the row total's 4. */
  readonly #stride: number;
  /** What each row is. */
  readonly #l: RowList;
  /** Each section's sums (by its place among sections). */
  #sums: Float64Array = new Float64Array(0);
  readonly #scratch: Float64Array;

  /** A table of `c` with `columns`, listed and summed at once (`steps`: in pieces). */
  constructor(c: Comparison, columns: AdjColumn[], listed = true) {
    this.#c = c;
    this.columns = columns;
    const n = columns.length;
    this.#n = n;
    this.#stride = (n + 1) * 4;
    this.#scratch = new Float64Array(this.#stride);
    this.#l = new RowList(c);
    if (listed) runAll(this.#fill());
    // every row and the arithmetic check: own enumerable values, computed on first read
    let rows: AdjRow[] | undefined;
    let violations: { row: number; column: number }[] | undefined;
    Object.defineProperty(this, 'rows', {
      enumerable: true,
      get: () => (rows ??= Array.from({ length: this.size }, (_, i) => this.row(i))),
    });
    Object.defineProperty(this, 'violations', {
      enumerable: true,
      get: () => (violations ??= this.#violations()),
    });
  }

  /** The table of `c` with `columns`, listed and summed in pieces. */
  static *steps(c: Comparison, columns: AdjColumn[]): Steps<LazyAdjustmentTable> {
    const t = new LazyAdjustmentTable(c, columns, false);
    yield* t.#fill();
    return t;
  }

  *#fill(): Steps<void> {
    yield* this.#l.list(new Map(this.columns.map((col, k) => [col.key, k])));
    this.#sums = new Float64Array(this.#l.texts.length * this.#stride);
    const total = new Float64Array(this.#stride);
    yield* this.#sumSections(total);
    this.total = this.#quads(total, 0);
  }

  /** How many rows (sections, projects, the dropped section and its projects). */
  get size(): number {
    return this.#l.size;
  }

  /** Row i, built now (a new object on each call: callers keep what they show). */
  row(i: number): AdjRow {
    const level = this.#l.level[i];
    const p = this.#l.ref[i];
    if (!p) {
      const s = this.#l.section[i];
      const [number, name] = this.#l.texts[s];
      return {
        kind: 'section',
        level,
        number,
        name,
        lead: '',
        status: 'section',
        values: this.#quads(this.#sums, s * this.#stride),
      };
    }
    const f = this.#figures(i);
    const n = this.#n;
    const values = new Array<Quad>(n + 1);
    for (let k = 0; k < n; k++) {
      const x = f[4 * k];
      const y = f[4 * k + 3];
      values[k] =
        x === y && Number.isFinite(x) && !Object.is(x, -0)
          ? unchanged(x)
          : [x, f[4 * k + 1], f[4 * k + 2], y];
    }
    values[n] = [f[4 * n], f[4 * n + 1], f[4 * n + 2], f[4 * n + 3]];
    const cells = p.row.cells;
    return {
      kind: 'project',
      level,
      number: String(cells.tt ?? ''),
      name: String(cells.name ?? ''),
      lead: String(cells.lead ?? ''),
      status: STATUS[this.#l.status[i]],
      values,
    };
  }

  /** Row i's figures (a section's sums at `#sectionAt`; a project's in a buffer reused by the next). */
  #figures(i: number): Float64Array {
    const f = this.#scratch;
    f.fill(0);
    const slot = this.#l.slots[this.#l.slotOf[i]];
    const blocks = this.#c.amounts.blocks;
    const ba = this.#l.blockA[i];
    const bb = this.#l.blockB[i];
    const fa = ba < 0 ? undefined : blocks[ba];
    const fb = bb < 0 ? undefined : blocks[bb];
    const ra = this.#l.rowA[i];
    const rb = this.#l.rowB[i];
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let k = 0; k < slot.length; k++) {
      const x = at(fa, ra, k);
      const y = at(fb, rb, k);
      const up = Math.max(y - x, 0);
      const down = Math.max(x - y, 0);
      const j = 4 * slot[k];
      f[j] = x;
      f[j + 1] = up;
      f[j + 2] = down;
      f[j + 3] = y;
      a0 += x;
      a1 += up;
      a2 += down;
      a3 += y;
    }
    const t = 4 * this.#n;
    f[t] = clean(a0);
    f[t + 1] = clean(a1);
    f[t + 2] = clean(a2);
    f[t + 3] = clean(a3);
    return f;
  }

  /**
   * Each section: the sum of its direct children (one level deeper, in order); the grand total: of
   * level 0. One pass: a section is added to its parent once its last descendant is summed.
   */
  *#sumSections(total: Float64Array): Steps<void> {
    const level = this.#l.level;
    const section = this.#l.section;
    const sums = this.#sums;
    const stride = this.#stride;
    // open sections (row indices), innermost last; the grand total below them at level −1
    const open: number[] = [];
    const close = (s: number) => {
      const parent = open.length ? open[open.length - 1] : -1;
      const pl = parent < 0 ? -1 : level[parent];
      if (level[s] === pl + 1 && (parent >= 0 || level[s] === 0))
        addInto(
          parent < 0 ? total : sums,
          parent < 0 ? 0 : section[parent] * stride,
          sums,
          section[s] * stride,
          stride,
        );
    };
    for (let i = 0; i < this.#l.size; i++) {
      if (pauseAt(i)) yield;
      const l = level[i];
      while (open.length && level[open[open.length - 1]] >= l) close(open.pop()!);
      if (section[i] >= 0) {
        open.push(i);
        continue;
      }
      const parent = open.length ? open[open.length - 1] : -1;
      if (parent >= 0 ? l === level[parent] + 1 : l === 0)
        addInto(
          parent < 0 ? total : sums,
          parent < 0 ? 0 : section[parent] * stride,
          this.#figures(i),
          0,
          stride,
        );
    }
    while (open.length) close(open.pop()!);
  }

  /** Cells where after ≠ assigned + increase − decrease. */
  #violations(): { row: number; column: number }[] {
    const out: { row: number; column: number }[] = [];
    for (let i = 0; i < this.size; i++) {
      const s = this.#l.section[i];
      const f = s < 0 ? this.#figures(i) : this.#sums;
      const at = s < 0 ? 0 : s * this.#stride;
      for (let k = 0; k <= this.#n; k++)
        if (!amountsEqual(f[at + 4 * k + 3], f[at + 4 * k] + f[at + 4 * k + 1] - f[at + 4 * k + 2]))
          out.push({ row: i, column: k });
    }
    return out;
  }

  /** Figures from `at` as quads (new arrays). */
  #quads(f: Float64Array, at: number): Quad[] {
    const out: Quad[] = [];
    for (let k = 0; k <= this.#n; k++) {
      const j = at + 4 * k;
      out.push([f[j], f[j + 1], f[j + 2], f[j + 3]]);
    }
    return out;
  }
}
