/**
 * The adjustment table (*Biểu điều chỉnh*): per project and per year × source, the amount already
 * assigned (*Kế hoạch đã giao*), the increase, the decrease and the amount after adjustment, with
 * section and grand totals. Rows follow the later version's tree; projects it dropped come last.
 */
import { type Comparison, compare, type Side } from './compare';
import type { Match, MatchOverrides, ProjectRef } from './match';
import { amountsEqual, clean } from './numbers';

/** The four figures of one year × source: assigned, increase, decrease, after (plan's unit). */
export type Quad = [number, number, number, number];

export interface AdjColumn {
  key: string;
  year: number | null;
  source: string | null;
  label: string;
}

export interface AdjRow {
  kind: 'section' | 'project';
  level: number;
  number: string;
  name: string;
  lead: string;
  /** 'split' / 'merged': a part or a whole of a split or merge (proposed: the user confirms). */
  status: 'same' | 'changed' | 'added' | 'removed' | 'split' | 'merged' | 'section';
  /**
   * One quad per column, then the row's total over all columns. A project's quads are read-only
   * (unchanged amounts share one frozen quad per value); a section's are its own.
   */
  values: Quad[];
}

export interface AdjustmentTable {
  columns: AdjColumn[];
  rows: AdjRow[];
  total: Quad[];
  /** Cells where after ≠ assigned + increase − decrease (none when the arithmetic holds). */
  violations: { row: number; column: number }[];
}

/** Heading of the dropped projects' section. */
export const DROPPED_SECTION = 'Dự án không còn trong kế hoạch';

/** Builds the adjustment table of a comparison (from the amounts the comparison read). */
export function adjustmentTable(c: Comparison): AdjustmentTable {
  const byKey = new Map<string, AdjColumn>();
  for (const s of c.sheets)
    for (const col of s.columns)
      if (col.amount && !byKey.has(col.key))
        byKey.set(col.key, {
          key: col.key,
          year: col.year,
          source: col.source,
          label: [col.year, col.source].filter((x) => x !== null).join(' – ') || col.label,
        });
  const columns = [...byKey.values()].sort(
    (x, y) => (x.year ?? 0) - (y.year ?? 0) || String(x.source).localeCompare(String(y.source)),
  );
  const index = new Map(columns.map((col, k) => [col.key, k]));
  // pairs and changed projects by their b project (compared by reference: no long keys)
  const matchOfB = new Map<ProjectRef, Match>();
  for (const m of c.matched) matchOfB.set(m.b, m);
  const changed = new Set<ProjectRef>();
  for (const d of c.changes) changed.add(d.match.b);
  const rows: AdjRow[] = [];
  // where each sheet pair's k-th amount column goes in the table
  const slots = new Map(
    c.sheets.map((s) => [
      s,
      s.columns.filter((col) => col.amount).map((col) => index.get(col.key)!),
    ]),
  );
  const n = columns.length;
  // a project's unchanged amount: one shared, frozen quad per value (most cells of a revision)
  const same = new Map<number, Quad>();
  const unchanged = (x: number): Quad => {
    let q = same.get(x);
    if (!q) {
      q = Object.freeze([x, 0, 0, x]) as Quad;
      same.set(x, q);
    }
    return q;
  };
  const sectionRow = (level: number, number: string, name: string): AdjRow => {
    const values = new Array<Quad>(n + 1);
    for (let k = 0; k <= n; k++) values[k] = [0, 0, 0, 0];
    return { kind: 'section', level, number, name, lead: '', status: 'section', values };
  };
  const projectRow = (
    p: ProjectRef,
    status: AdjRow['status'],
    level: number,
    before: ProjectRef | null,
    after: ProjectRef | null,
    slot: number[],
  ): AdjRow => {
    const values: Quad[] = new Array<Quad>(n + 1);
    const xa = before ? c.amounts.get(before) : undefined;
    const xb = after ? c.amounts.get(after) : undefined;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let k = 0; k < slot.length; k++) {
      const x = xa?.[k] ?? 0;
      const y = xb?.[k] ?? 0;
      const up = Math.max(y - x, 0);
      const down = Math.max(x - y, 0);
      values[slot[k]] =
        x === y && Number.isFinite(x) && !Object.is(x, -0) ? unchanged(x) : [x, up, down, y];
      a0 += x;
      a1 += up;
      a2 += down;
      a3 += y;
    }
    for (let k = 0; k < n; k++) if (!values[k]) values[k] = unchanged(0);
    values[n] = [clean(a0), clean(a1), clean(a2), clean(a3)];
    const cells = p.row.cells;
    return {
      kind: 'project',
      level,
      number: String(cells.tt ?? ''),
      name: String(cells.name ?? ''),
      lead: String(cells.lead ?? ''),
      status,
      values,
    };
  };
  const grouped = new Map<ProjectRef, AdjRow['status']>();
  for (const g of c.groups)
    for (const p of g.b) grouped.set(p, g.kind === 'split' ? 'split' : 'merged');
  for (const s of c.sheets) {
    if (!s.b) continue;
    const sheetId = s.b.id;
    const slot = slots.get(s)!;
    // the project of each row of b: paired, added or a part of a group
    const refs: (ProjectRef | undefined)[] = new Array(s.b.rows.length);
    for (const m of c.matched) if (m.b.sheetId === sheetId) refs[m.b.index] = m.b;
    for (const p of c.added) if (p.sheetId === sheetId) refs[p.index] = p;
    for (const p of grouped.keys()) if (p.sheetId === sheetId) refs[p.index] = p;
    const bRows = s.b.rows;
    for (let i = 0; i < bRows.length; i++) {
      const r = bRows[i];
      if (r.kind === 'section')
        rows.push(sectionRow(r.level, String(r.cells.tt ?? ''), String(r.cells.name ?? '')));
      const p = refs[i];
      if (r.kind !== 'project' || !p) continue;
      const m = matchOfB.get(p);
      rows.push(
        m
          ? projectRow(p, changed.has(p) ? 'changed' : 'same', r.level, m.a, m.b, slot)
          : projectRow(p, grouped.get(p) ?? 'added', r.level, null, p, slot),
      );
    }
  }
  // the a side of splits and merges leaves with the dropped projects
  const gone: [ProjectRef, AdjRow['status']][] = [
    ...c.removed.map((p): [ProjectRef, AdjRow['status']] => [p, 'removed']),
    ...c.groups.flatMap((g) =>
      g.a.map((p): [ProjectRef, AdjRow['status']] => [p, g.kind === 'split' ? 'split' : 'merged']),
    ),
  ];
  if (gone.length) {
    rows.push(sectionRow(0, '', DROPPED_SECTION));
    for (const [p, status] of gone) {
      const pair = c.sheets.find((s) => s.a?.id === p.sheetId);
      rows.push(projectRow(p, status, 1, p, null, pair ? slots.get(pair)! : []));
    }
  }
  sumSections(rows);
  const total = sectionRow(0, '', '').values;
  for (const r of rows) if (r.level === 0) addAll(total, r.values);
  const violations: AdjustmentTable['violations'] = [];
  for (let i = 0; i < rows.length; i++) {
    const vs = rows[i].values;
    for (let k = 0; k < vs.length; k++) {
      const q = vs[k];
      if (!amountsEqual(q[3], q[0] + q[1] - q[2])) violations.push({ row: i, column: k });
    }
  }
  return { columns, rows, total, violations };
}

/** Adds each quad of `qs` into the same column's quad of `into` (binary noise rounded away). */
function addAll(into: Quad[], qs: Quad[]): void {
  for (let k = 0; k < qs.length; k++) {
    const t = into[k];
    const q = qs[k];
    t[0] = clean(t[0] + q[0]);
    t[1] = clean(t[1] + q[1]);
    t[2] = clean(t[2] + q[2]);
    t[3] = clean(t[3] + q[3]);
  }
}

/** Each section's figures: the sum of its direct children (sections summed first, bottom-up). */
function sumSections(rows: AdjRow[]): void {
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i];
    if (r.kind !== 'section') continue;
    for (let j = i + 1; j < rows.length && rows[j].level > r.level; j++)
      if (rows[j].level === r.level + 1) addAll(r.values, rows[j].values);
  }
}

/** A comparison and its adjustment table. */
export interface ComparisonResult {
  comparison: Comparison;
  table: AdjustmentTable;
}

/** Compares two versions (a: before, b: after) and builds the adjustment table from their values. */
export function compareWithTable(
  a: Side,
  b: Side,
  overrides: MatchOverrides = {},
): ComparisonResult {
  const comparison = compare(a, b, overrides);
  return { comparison, table: adjustmentTable(comparison) };
}
