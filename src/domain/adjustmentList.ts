/**
 * What each row of the adjustment table is (adjustmentRows.ts): section or project, its level and
 * status, its project and the figure rows of its two sides, listed into typed arrays sized once
 * (b's tree: sections, paired, added and grouped projects; then the dropped), in pieces.
 */
import type { Comparison } from './compare';
import type { Match, ProjectRef } from './match';
import {
  ADDED,
  blockIndex,
  CHANGED,
  MERGED,
  REMOVED,
  SAME,
  SECTION,
  SPLIT,
} from './adjustmentFigures';
import { pauseAt, type Steps } from './steps';

/** Heading of the dropped projects' section. */
export const DROPPED_SECTION = 'Dự án không còn trong kế hoạch';

/** The rows of an adjustment table as listed (no figures). */
export class RowList {
  size = 0;
  readonly level: Int32Array;
  readonly status: Uint8Array;
  /** A project row's project (texts); null for sections. */
  readonly ref: (ProjectRef | null)[];
  /** A project row's two sides: block (index in the comparison's amounts, −1 none) and row. */
  readonly blockA: Int16Array;
  readonly rowA: Int32Array;
  readonly blockB: Int16Array;
  readonly rowB: Int32Array;
  /** Where each row's amounts go (an index into `slots`). */
  readonly slotOf: Int16Array;
  readonly slots: (readonly number[])[] = [];
  /** A section row's place among sections (−1 for projects); each section's number and name. */
  readonly section: Int32Array;
  readonly texts: [string, string][] = [];

  constructor(private readonly c: Comparison) {
    // at most every row of b, the dropped section and what it holds
    let most = 1 + c.removed.length;
    for (const g of c.groups) most += g.a.length;
    for (const s of c.sheets) most += s.b?.rows.length ?? 0;
    this.level = new Int32Array(most);
    this.status = new Uint8Array(most);
    this.ref = new Array<ProjectRef | null>(most).fill(null);
    this.blockA = new Int16Array(most).fill(-1);
    this.rowA = new Int32Array(most);
    this.blockB = new Int16Array(most).fill(-1);
    this.rowB = new Int32Array(most);
    this.slotOf = new Int16Array(most);
    this.section = new Int32Array(most).fill(-1);
  }

  /** Adds a section row (its number and name). */
  private pushSection(level: number, slot: number, texts: [string, string]): void {
    const i = this.size++;
    this.level[i] = level;
    this.status[i] = SECTION;
    this.slotOf[i] = slot;
    this.section[i] = this.texts.length;
    this.texts.push(texts);
  }

  /** Adds a project row: its project, and its before and after sides (null: none). */
  private pushProject(
    level: number,
    status: number,
    ref: ProjectRef,
    before: ProjectRef | null,
    after: ProjectRef | null,
    slot: number,
  ): void {
    const i = this.size++;
    const blocks = this.c.amounts.blocks;
    this.level[i] = level;
    this.status[i] = status;
    this.slotOf[i] = slot;
    this.ref[i] = ref;
    if (before) {
      this.blockA[i] = blockIndex(blocks, before);
      this.rowA[i] = before.index;
    }
    if (after) {
      this.blockB[i] = blockIndex(blocks, after);
      this.rowB[i] = after.index;
    }
  }

  /** Lists the rows: b's tree (sections, paired, added and grouped projects), then the dropped. */
  *list(index: Map<string, number>): Steps<void> {
    const c = this.c;
    const slots = new Map(
      c.sheets.map((s) => {
        this.slots.push(s.columns.filter((col) => col.amount).map((col) => index.get(col.key)!));
        return [s, this.slots.length - 1];
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
      let n = 0;
      for (const m of c.matched) {
        if (m.b.sheetId === sheetId) {
          refs[m.b.index] = m.b;
          pairs[m.b.index] = m;
        }
        if (pauseAt(n++)) yield;
      }
      for (const p of c.added) if (p.sheetId === sheetId) refs[p.index] = p;
      for (const p of grouped.keys()) if (p.sheetId === sheetId) refs[p.index] = p;
      for (let i = 0; i < bRows.length; i++) {
        if (pauseAt(i)) yield;
        const r = bRows[i];
        if (r.kind === 'section')
          this.pushSection(r.level, slot, [String(r.cells.tt ?? ''), String(r.cells.name ?? '')]);
        const p = refs[i];
        if (r.kind !== 'project' || !p) continue;
        const m = pairs[i]?.b === p ? pairs[i] : undefined;
        if (m) this.pushProject(r.level, changed.has(p) ? CHANGED : SAME, p, m.a, m.b, slot);
        else this.pushProject(r.level, grouped.get(p) ?? ADDED, p, null, p, slot);
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
      this.slots.push([]);
      const none = this.slots.length - 1;
      this.pushSection(0, none, ['', DROPPED_SECTION]);
      for (let k = 0; k < gone.length; k++) {
        if (pauseAt(k)) yield;
        const [p, status] = gone[k];
        const pair = c.sheets.find((s) => s.a?.id === p.sheetId);
        this.pushProject(1, status, p, p, null, pair ? slots.get(pair)! : none);
      }
    }
  }
}
