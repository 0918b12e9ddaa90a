/**
 * The adjustment table built lazily: what a row is (section or project, its level, its projects)
 * is listed once, section and grand totals are summed from the comparison's figure blocks, and a
 * row's figures and texts become an `AdjRow` only when asked (`row(i)`: the rows a grid shows;
 * `rows`: every row, for an export). At 100,000 projects this spares a million small arrays.
 * Figures, order and arithmetic are those of the eager table it replaced (compareFast.test).
 */
import type { AdjColumn, AdjRow, AdjustmentTable, Quad } from './adjustment';
import type { Comparison } from './compare';
import type { SheetFigures } from './figures';
import type { Match, ProjectRef } from './match';
import { amountsEqual, clean } from './numbers';

/** Heading of the dropped projects' section. */
export const DROPPED_SECTION = 'Dự án không còn trong kế hoạch';

type Status = AdjRow['status'];

/** One shared, frozen quad per unchanged amount (most cells of a revision). */
const UNCHANGED = new Map<number, Quad>();

function unchanged(x: number): Quad {
  let q = UNCHANGED.get(x);
  if (!q) {
    q = Object.freeze([x, 0, 0, x]) as Quad;
    if (UNCHANGED.size > 100_000) UNCHANGED.clear();
    UNCHANGED.set(x, q);
  }
  return q;
}

/** Adds `from` into `into` figure by figure, binary noise rounded away (as sections sum). */
function addInto(into: Float64Array, from: Float64Array): void {
  for (let k = 0; k < into.length; k++) into[k] = clean(into[k] + from[k]);
}

/** The adjustment table of a comparison, its rows built on request. */
export class LazyAdjustmentTable implements AdjustmentTable {
  readonly columns: AdjColumn[];
  readonly total: Quad[];
  declare readonly rows: AdjRow[];
  declare readonly violations: { row: number; column: number }[];
  readonly #c: Comparison;
  /** Figure columns (years × sources) before the row total. */
  readonly #n: number;
  readonly #level: number[] = [];
  readonly #status: Status[] = [];
  /** A project row's project (texts), its two sides and where its amounts go; null for sections. */
  readonly #ref: (ProjectRef | null)[] = [];
  readonly #before: (ProjectRef | null)[] = [];
  readonly #after: (ProjectRef | null)[] = [];
  readonly #slot: (readonly number[])[] = [];
  /** A section row's number, name and sums (4 figures per column, then the row total). */
  readonly #texts: [string, string][] = [];
  readonly #sums: (Float64Array | null)[] = [];
  readonly #scratch: Float64Array;

  constructor(c: Comparison, columns: AdjColumn[]) {
    this.#c = c;
    this.columns = columns;
    const n = columns.length;
    this.#n = n;
    this.#scratch = new Float64Array((n + 1) * 4);
    this.#list(c, new Map(columns.map((col, k) => [col.key, k])));
    const total = new Float64Array((n + 1) * 4);
    this.#sumSections(total);
    this.total = this.#quads(total);
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
    return this.#level.length;
  }

  /** Row i, built now (a new object on each call: callers keep what they show). */
  row(i: number): AdjRow {
    const level = this.#level[i];
    const p = this.#ref[i];
    if (!p) {
      const [number, name] = this.#texts[i];
      return {
        kind: 'section',
        level,
        number,
        name,
        lead: '',
        status: 'section',
        values: this.#quads(this.#sums[i]!),
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
      status: this.#status[i],
      values,
    };
  }

  #push(
    level: number,
    status: Status,
    ref: ProjectRef | null,
    before: ProjectRef | null,
    after: ProjectRef | null,
    slot: readonly number[],
    texts: [string, string],
  ): void {
    this.#level.push(level);
    this.#status.push(status);
    this.#ref.push(ref);
    this.#before.push(before);
    this.#after.push(after);
    this.#slot.push(slot);
    this.#texts.push(texts);
    this.#sums.push(ref ? null : new Float64Array((this.#n + 1) * 4));
  }

  /** Lists the rows: b's tree (sections, paired, added and grouped projects), then the dropped. */
  #list(c: Comparison, index: Map<string, number>): void {
    const slots = new Map(
      c.sheets.map((s) => [
        s,
        s.columns.filter((col) => col.amount).map((col) => index.get(col.key)!),
      ]),
    );
    const changed = new Set<ProjectRef>();
    for (const d of c.changes) changed.add(d.match.b);
    const grouped = new Map<ProjectRef, Status>();
    for (const g of c.groups)
      for (const p of g.b) grouped.set(p, g.kind === 'split' ? 'split' : 'merged');
    const none: [string, string] = ['', ''];
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
          this.#push(r.level, 'section', null, null, null, slot, [
            String(r.cells.tt ?? ''),
            String(r.cells.name ?? ''),
          ]);
        const p = refs[i];
        if (r.kind !== 'project' || !p) continue;
        const m = pairs[i]?.b === p ? pairs[i] : undefined;
        if (m) this.#push(r.level, changed.has(p) ? 'changed' : 'same', p, m.a, m.b, slot, none);
        else this.#push(r.level, grouped.get(p) ?? 'added', p, null, p, slot, none);
      }
    }
    // the a side of splits and merges leaves with the dropped projects
    const gone: [ProjectRef, Status][] = [
      ...c.removed.map((p): [ProjectRef, Status] => [p, 'removed']),
      ...c.groups.flatMap((g) =>
        g.a.map((p): [ProjectRef, Status] => [p, g.kind === 'split' ? 'split' : 'merged']),
      ),
    ];
    if (!gone.length) return;
    this.#push(0, 'section', null, null, null, [], ['', DROPPED_SECTION]);
    for (const [p, status] of gone) {
      const pair = c.sheets.find((s) => s.a?.id === p.sheetId);
      this.#push(1, status, p, p, null, pair ? slots.get(pair)! : [], none);
    }
  }

  /** Row i's figures: a section's sums, or a project's figures (in a buffer reused by the next). */
  #figures(i: number): Float64Array {
    const sums = this.#sums[i];
    if (sums) return sums;
    const f = this.#scratch;
    f.fill(0);
    const slot = this.#slot[i];
    const before = this.#before[i];
    const after = this.#after[i];
    const fa = before ? this.#c.amounts.blockOf(before) : undefined;
    const fb = after ? this.#c.amounts.blockOf(after) : undefined;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let k = 0; k < slot.length; k++) {
      const x = at(fa, before, k);
      const y = at(fb, after, k);
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

  /** Each section: the sum of its direct children (bottom-up); the grand total: of level 0. */
  #sumSections(total: Float64Array): void {
    const level = this.#level;
    for (let i = level.length - 1; i >= 0; i--) {
      const sums = this.#sums[i];
      if (!sums) continue;
      for (let j = i + 1; j < level.length && level[j] > level[i]; j++)
        if (level[j] === level[i] + 1) addInto(sums, this.#figures(j));
    }
    for (let i = 0; i < level.length; i++) if (level[i] === 0) addInto(total, this.#figures(i));
  }

  /** Cells where after ≠ assigned + increase − decrease. */
  #violations(): { row: number; column: number }[] {
    const out: { row: number; column: number }[] = [];
    for (let i = 0; i < this.size; i++) {
      const f = this.#figures(i);
      for (let k = 0; k <= this.#n; k++)
        if (!amountsEqual(f[4 * k + 3], f[4 * k] + f[4 * k + 1] - f[4 * k + 2]))
          out.push({ row: i, column: k });
    }
    return out;
  }

  /** Figures as quads (new arrays). */
  #quads(f: Float64Array): Quad[] {
    const out: Quad[] = [];
    for (let k = 0; k <= this.#n; k++)
      out.push([f[4 * k], f[4 * k + 1], f[4 * k + 2], f[4 * k + 3]]);
    return out;
  }
}

/** The k-th amount of a project in its block (0 when absent, as a blank). */
function at(block: SheetFigures | undefined, p: ProjectRef | null, k: number): number {
  return block && p && k < block.width ? block.values[p.index * block.width + k] : 0;
}
