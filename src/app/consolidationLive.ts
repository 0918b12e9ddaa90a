/**
 * The consolidated appendix with its live figures: the domain lays the rows out (sections, units,
 * projects, duplicates resolved) and gives each project its requested and proposed amounts; the
 * engine computes every subtotal, the grand total, the per-unit and per-section figures and their
 * differences as formulas. A proposed amount edited is written to the engine alone and the figures
 * that hold it are read back, so the table is patched, not consolidated again.
 */
import {
  addFilled,
  blankFilled,
  type ConsolidatedRow,
  type ConsolidatedTable,
  type Figures,
  type Filled,
} from '../domain/consolidate';
import type { Consolidation } from '../domain/consolidateTypes';
import { clean } from '../domain/numbers';
import { ConsolidationEngine, type EngineFigures } from '../engine/consolidation';

/** Differences (proposed − requested) per form column and the row's sums, from the engine. */
export interface LiveFigures {
  difference: number[];
  sums: { requested: number; proposed: number; difference: number };
}

export type LiveRow = ConsolidatedRow & LiveFigures;

/** The consolidated table whose group figures, totals and differences the engine computed. */
export interface LiveTable extends ConsolidatedTable {
  rows: LiveRow[];
  /** The grand total row. */
  grand: LiveRow;
  byUnit: (ConsolidatedTable['byUnit'][number] & LiveFigures)[];
  bySection: (ConsolidatedTable['bySection'][number] & LiveFigures)[];
}

/** A proposed amount edited: the project row's key and the form column. */
export interface ProposedWrite {
  key: string;
  column: string;
}

const cleaned = (f: EngineFigures): EngineFigures => ({
  requested: f.requested.map(clean),
  proposed: f.proposed.map(clean),
  difference: f.difference.map(clean),
  sums: {
    requested: clean(f.sums.requested),
    proposed: clean(f.sums.proposed),
    difference: clean(f.sums.difference),
  },
});

const sameList = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((x, k) => x === b[k]));

/** Whether a project row shows the same as before (its texts, figures, merges and flags). */
function sameProject(a: ConsolidatedRow, b: ConsolidatedRow): boolean {
  return (
    a.kind === b.kind &&
    a.level === b.level &&
    a.number === b.number &&
    a.name === b.name &&
    a.unit === b.unit &&
    a.lead === b.lead &&
    sameList(a.requested, b.requested) &&
    sameList(a.proposed, b.proposed) &&
    sameList(a.entries, b.entries) &&
    sameList(a.duplicates, b.duplicates) &&
    sameList(a.filled?.requested, b.filled?.requested) &&
    sameList(a.filled?.proposed, b.filled?.proposed)
  );
}

/** The filled marks of group row `i`: those of the projects below it (`{}` when not kept). */
function groupFilled(
  rows: readonly ConsolidatedRow[],
  i: number,
  was: Filled | undefined,
): { filled?: Filled } {
  if (!was) return {};
  const filled = blankFilled(was.requested.length);
  for (let k = i + 1; k < rows.length && rows[k].level > rows[i].level; k++)
    if (rows[k].kind === 'project') addFilled(filled, rows[k].filled);
  return { filled };
}

const UNIT = 'u:';
const SECTION = 's:';

/** The live appendix of a consolidation: the domain's layout, the engine's figures. */
export class LiveConsolidation {
  readonly engine = new ConsolidationEngine();
  private index = new Map<string, number>();
  private base: ConsolidatedTable | null = null;
  private current: LiveTable | null = null;

  /** Loads a table laid out by the domain: the engine built, every group figure read from it. */
  load(table: ConsolidatedTable): LiveTable {
    const [wasAt, wasRows] = [this.index, this.current?.rows ?? []];
    this.base = table;
    this.index = new Map(table.rows.map((r, i) => [r.key, i]));
    const unitRows = new Map<string, number[]>();
    const sectionRows = new Map<string, number[]>();
    const push = (m: Map<string, number[]>, k: string, i: number) => {
      const list = m.get(k);
      if (list) list.push(i);
      else m.set(k, [i]);
    };
    const blocks = table.rows.map((r, i) => {
      const e = r.kind === 'project' ? table.entries.get(r.key) : undefined;
      if (!e) return '';
      push(unitRows, e.unitKey, i);
      push(sectionRows, e.section.id, i);
      return e.unitKey;
    });
    this.engine.load(
      table.rows,
      table.columns.length,
      [
        ...table.byUnit.map((u) => ({ id: UNIT + u.key, rows: unitRows.get(u.key) ?? [] })),
        ...table.bySection.map((s) => ({
          id: SECTION + s.section.id,
          rows: sectionRows.get(s.section.id) ?? [],
        })),
      ],
      (i) => blocks[i],
    );
    // a project row as it was keeps its object (the grid redraws only the rows that changed)
    const rows = table.rows.map((r, i) => {
      const at = r.kind === 'project' ? wasAt.get(r.key) : undefined;
      const was = at === undefined ? undefined : wasRows[at];
      return was && sameProject(was, r) ? was : this.liveRow(r, i);
    });
    return (this.current = this.assemble(rows));
  }

  /** The table last loaded or patched. */
  get table(): LiveTable | null {
    return this.current;
  }

  /**
   * A row with its live figures: a group's from the engine's formulas, a project's (its own
   * values, `proposed` as just written) by its own arithmetic.
   */
  private liveRow(r: ConsolidatedRow, i: number, proposed = r.proposed): LiveRow {
    if (r.kind !== 'project') return { ...r, ...cleaned(this.engine.row(i, false)) };
    let [req, pro] = [0, 0];
    const difference = proposed.map((p, j) => {
      req += r.requested[j];
      pro += p;
      return clean(p - r.requested[j]);
    });
    const sums = { requested: clean(req), proposed: clean(pro), difference: clean(pro - req) };
    return { ...r, proposed, difference, sums };
  }

  private withFigures<T extends Figures>(g: T, f: EngineFigures | undefined): T & LiveFigures {
    const e = f ? cleaned(f) : null;
    return e
      ? { ...g, ...e }
      : {
          ...g,
          difference: g.requested.map(() => 0),
          sums: { requested: 0, proposed: 0, difference: 0 },
        };
  }

  private assemble(rows: LiveRow[]): LiveTable {
    const t = this.base!;
    const g = cleaned(this.engine.grand());
    // the grand total's filled marks: its top-level rows' (a proposal may have filled one since)
    const filled = t.total.filled ? blankFilled(t.columns.length) : undefined;
    if (filled) for (const r of rows) if (r.level === 0) addFilled(filled, r.filled);
    const grand: LiveRow = {
      kind: 'section',
      level: 0,
      key: 'grand',
      number: '',
      name: '',
      unit: '',
      lead: '',
      ...g,
      ...(filled ? { filled } : {}),
    };
    return {
      ...t,
      rows,
      grand,
      total: {
        requested: g.requested,
        proposed: g.proposed,
        projects: t.total.projects,
        ...(filled ? { filled } : {}),
      },
      byUnit: t.byUnit.map((u) => this.withFigures(u, this.engine.group(UNIT + u.key))),
      bySection: t.bySection.map((s) =>
        this.withFigures(s, this.engine.group(SECTION + s.section.id)),
      ),
    };
  }

  /**
   * Writes the proposed amounts of edited cells as `state` now has them (its own proposal, else
   * the requested figure) and reads back the figures that changed; false when a key or column is
   * not in the table (the caller lays it out again).
   */
  patch(state: Consolidation, edits: readonly ProposedWrite[]): boolean {
    const live = this.current;
    if (!live) return false;
    const cols = new Map(live.columns.map((c, j) => [c.id, j]));
    const writes: { row: number; j: number; value: number }[] = [];
    for (const e of edits) {
      const i = this.index.get(e.key);
      const j = cols.get(e.column);
      if (i === undefined || j === undefined || live.rows[i].kind !== 'project') return false;
      const own = Object.hasOwn(state.proposed, e.key) ? state.proposed[e.key] : {};
      const value = Object.hasOwn(own, e.column) ? own[e.column] : live.rows[i].requested[j];
      writes.push({ row: i, j, value });
    }
    this.engine.setProposed(writes);
    const rows = live.rows.slice();
    const touched = new Set<number>();
    for (const w of writes) {
      touched.add(w.row);
      // its ancestors: the nearest row above of each lower level
      let level = rows[w.row].level;
      for (let k = w.row - 1; k >= 0 && level > 0; k--)
        if (rows[k].level < level) {
          touched.add(k);
          level = rows[k].level;
        }
    }
    const groups: number[] = [];
    for (const i of touched) {
      const own = writes.filter((w) => w.row === i);
      if (!own.length) groups.push(i);
      else {
        const proposed = rows[i].proposed.slice();
        for (const w of own) proposed[w.j] = w.value;
        const key = rows[i].key;
        const mine = Object.hasOwn(state.proposed, key) ? state.proposed[key] : {};
        const was = rows[i].filled;
        const filled = was && {
          requested: was.requested,
          proposed: was.requested.map((f, j) => f || Object.hasOwn(mine, live.columns[j].id)),
        };
        rows[i] = this.liveRow({ ...rows[i], ...(filled ? { filled } : {}) }, i, proposed);
      }
    }
    // a group's filled marks: its projects' as they are now
    for (const i of groups) {
      const base = this.base!.rows[i];
      rows[i] = this.liveRow({ ...base, ...groupFilled(rows, i, base.filled) }, i);
    }
    this.current = this.assemble(rows);
    return true;
  }

  destroy(): void {
    this.engine.destroy();
  }
}
