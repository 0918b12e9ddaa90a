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
import type { Match, ProjectRef } from './match';
import {
  ADDED,
  addInto,
  at,
  blockIndex,
  CHANGED,
  MERGED,
  REMOVED,
  SAME,
  SECTION,
  SPLIT,
  STATUS,
  unchanged,
} from './adjustmentFigures';
import { amountsEqual, clean } from './numbers';

/** Heading of the dropped projects' section. */
export const DROPPED_SECTION = 'Dự án không còn trong kế hoạch';

/** The adjustment table of a comparison, its rows built on request. */
export class LazyAdjustmentTable implements AdjustmentTable {
  readonly columns: AdjColumn[];
  readonly total: Quad[];
  declare readonly rows: AdjRow[];
  declare readonly violations: { row: number; column: number }[];
  readonly #c: Comparison;
  /** Figure columns (years × sources) before the row total. */
  readonly #n: number;
  /** Figures per row: 4 per column, then the row total's 4. */
  readonly #stride: number;
  #size = 0;
  readonly #level: Int32Array;
  readonly #status: Uint8Array;
  /** A project row's project (texts); null for sections. */
  readonly #ref: (ProjectRef | null)[];
  /** A project row's two sides: block (index in the comparison's amounts, −1 none) and row. */
  readonly #blockA: Int16Array;
  readonly #rowA: Int32Array;
  readonly #blockB: Int16Array;
  readonly #rowB: Int32Array;
  /** Where each row's amounts go (an index into `#slots`). */
  readonly #slotOf: Int16Array;
  readonly #slots: (readonly number[])[] = [];
  /** A section row's place among sections (−1 for projects), its number and name, its sums. */
  readonly #section: Int32Array;
  readonly #texts: [string, string][] = [];
  #sums: Float64Array = new Float64Array(0);
  readonly #scratch: Float64Array;

  constructor(c: Comparison, columns: AdjColumn[]) {
    this.#c = c;
    this.columns = columns;
    const n = columns.length;
    this.#n = n;
    this.#stride = (n + 1) * 4;
    this.#scratch = new Float64Array(this.#stride);
    // at most every row of b, the dropped section and what it holds
    let most = 1 + c.removed.length;
    for (const g of c.groups) most += g.a.length;
    for (const s of c.sheets) most += s.b?.rows.length ?? 0;
    this.#level = new Int32Array(most);
    this.#status = new Uint8Array(most);
    this.#ref = new Array<ProjectRef | null>(most).fill(null);
    this.#blockA = new Int16Array(most).fill(-1);
    this.#rowA = new Int32Array(most);
    this.#blockB = new Int16Array(most).fill(-1);
    this.#rowB = new Int32Array(most);
    this.#slotOf = new Int16Array(most);
    this.#section = new Int32Array(most).fill(-1);
    this.#list(c, new Map(columns.map((col, k) => [col.key, k])));
    const total = new Float64Array(this.#stride);
    this.#sumSections(total);
    this.total = this.#quads(total, 0);
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

  /** How many rows (sections, projects, the dropped section and its projects). */
  get size(): number {
    return this.#size;
  }

  /** Row i, built now (a new object on each call: callers keep what they show). */
  row(i: number): AdjRow {
    const level = this.#level[i];
    const p = this.#ref[i];
    if (!p) {
      const s = this.#section[i];
      const [number, name] = this.#texts[s];
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
      status: STATUS[this.#status[i]],
      values,
    };
  }

  /** Adds a section row (its number and name). */
  #pushSection(level: number, slot: number, texts: [string, string]): void {
    const i = this.#size++;
    this.#level[i] = level;
    this.#status[i] = SECTION;
    this.#slotOf[i] = slot;
    this.#section[i] = this.#texts.length;
    this.#texts.push(texts);
  }

  /** Adds a project row: its project, and its before and after sides (null: none). */
  #pushProject(
    level: number,
    status: number,
    ref: ProjectRef,
    before: ProjectRef | null,
    after: ProjectRef | null,
    slot: number,
  ): void {
    const i = this.#size++;
    const blocks = this.#c.amounts.blocks;
    this.#level[i] = level;
    this.#status[i] = status;
    this.#slotOf[i] = slot;
    this.#ref[i] = ref;
    if (before) {
      this.#blockA[i] = blockIndex(blocks, before);
      this.#rowA[i] = before.index;
    }
    if (after) {
      this.#blockB[i] = blockIndex(blocks, after);
      this.#rowB[i] = after.index;
    }
  }

  /** Lists the rows: b's tree (sections, paired, added and grouped projects), then the dropped. */
  #list(c: Comparison, index: Map<string, number>): void {
    const slots = new Map(
      c.sheets.map((s) => {
        this.#slots.push(s.columns.filter((col) => col.amount).map((col) => index.get(col.key)!));
        return [s, this.#slots.length - 1];
      }),
    );
    const changed = new Set<ProjectRef>();
    for (const d of c.changes) changed.add(d.match.b);
    const grouped = new Map<ProjectRef, number>();
    for (const g of c.groups)
      for (const p of g.b) grouped.set(p, g.kind === 'split' ? SPLIT : MERGED);
    for (const s of c.sheets) {
      if (!s.b) continue;
      const sheetId = s.b.id;
      const slot = slots.get(s)!;
      const bRows = s.b.rows;
      // the project of each row of b (paired, added or a part of a group) and its pair
      const refs: (ProjectRef | undefined)[] = new Array(bRows.length);
      const pairs: (Match | undefined)[] = new Array(bRows.length);
      for (const m of c.matched)
        if (m.b.sheetId === sheetId) {
          refs[m.b.index] = m.b;
          pairs[m.b.index] = m;
        }
      for (const p of c.added) if (p.sheetId === sheetId) refs[p.index] = p;
      for (const p of grouped.keys()) if (p.sheetId === sheetId) refs[p.index] = p;
      for (let i = 0; i < bRows.length; i++) {
        const r = bRows[i];
        if (r.kind === 'section')
          this.#pushSection(r.level, slot, [String(r.cells.tt ?? ''), String(r.cells.name ?? '')]);
        const p = refs[i];
        if (r.kind !== 'project' || !p) continue;
        const m = pairs[i]?.b === p ? pairs[i] : undefined;
        if (m) this.#pushProject(r.level, changed.has(p) ? CHANGED : SAME, p, m.a, m.b, slot);
        else this.#pushProject(r.level, grouped.get(p) ?? ADDED, p, null, p, slot);
      }
    }
    // the a side of splits and merges leaves with the dropped projects
    const gone: [ProjectRef, number][] = [
      ...c.removed.map((p): [ProjectRef, number] => [p, REMOVED]),
      ...c.groups.flatMap((g) =>
        g.a.map((p): [ProjectRef, number] => [p, g.kind === 'split' ? SPLIT : MERGED]),
      ),
    ];
    if (gone.length) {
      this.#slots.push([]);
      const none = this.#slots.length - 1;
      this.#pushSection(0, none, ['', DROPPED_SECTION]);
      for (const [p, status] of gone) {
        const pair = c.sheets.find((s) => s.a?.id === p.sheetId);
        this.#pushProject(1, status, p, p, null, pair ? slots.get(pair)! : none);
      }
    }
    this.#sums = new Float64Array(this.#texts.length * this.#stride);
  }

  /** Row i's figures (a section's sums at `#sectionAt`; a project's in a buffer reused by the next). */
  #figures(i: number): Float64Array {
    const f = this.#scratch;
    f.fill(0);
    const slot = this.#slots[this.#slotOf[i]];
    const blocks = this.#c.amounts.blocks;
    const ba = this.#blockA[i];
    const bb = this.#blockB[i];
    const fa = ba < 0 ? undefined : blocks[ba];
    const fb = bb < 0 ? undefined : blocks[bb];
    const ra = this.#rowA[i];
    const rb = this.#rowB[i];
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
  #sumSections(total: Float64Array): void {
    const level = this.#level;
    const section = this.#section;
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
    for (let i = 0; i < this.#size; i++) {
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
      const s = this.#section[i];
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
