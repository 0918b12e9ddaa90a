/** Frozen copy of src/domain/adjustment.ts before the 100,000-project speed work (oracle for compareFast.test.ts only). */
/**
 * The adjustment table (*Biểu điều chỉnh*): per project and per year × source, the amount already
 * assigned (*Kế hoạch đã giao*), the increase, the decrease and the amount after adjustment, with
 * section and grand totals. Rows follow the later version's tree; projects it dropped come last.
 */
import { type Comparison, compare, type Side } from './compare';
import type { Match, MatchOverrides, ProjectRef } from './match';
import { amountsEqual, clean } from '../../../src/domain/numbers';

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
  /** One quad per column, then the row's total over all columns. */
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

const zero = (): Quad => [0, 0, 0, 0];

function quad(before: number, after: number): Quad {
  return [before, Math.max(after - before, 0), Math.max(before - after, 0), after];
}

function add(into: Quad, q: Quad): void {
  for (let k = 0; k < 4; k++) into[k] = clean(into[k] + q[k]);
}

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
  const matchOfB = new Map<string, Match>(c.matched.map((m) => [m.b.row.id, m]));
  const changed = new Set(c.changes.map((d) => d.match.b.row.id));
  const rows: AdjRow[] = [];
  // where each sheet pair's k-th amount column goes in the table
  const slots = new Map(
    c.sheets.map((s) => [
      s,
      s.columns.filter((col) => col.amount).map((col) => index.get(col.key)!),
    ]),
  );
  const projectRow = (
    p: ProjectRef,
    status: AdjRow['status'],
    level: number,
    before: ProjectRef | null,
    after: ProjectRef | null,
    slot: number[],
  ): AdjRow => {
    const n = columns.length;
    const values: Quad[] = new Array<Quad>(n + 1);
    const xa = before ? c.amounts.get(before) : undefined;
    const xb = after ? c.amounts.get(after) : undefined;
    const all: Quad = [0, 0, 0, 0];
    for (let k = 0; k < slot.length; k++) {
      const q = quad(xa?.[k] ?? 0, xb?.[k] ?? 0);
      values[slot[k]] = q;
      all[0] += q[0];
      all[1] += q[1];
      all[2] += q[2];
      all[3] += q[3];
    }
    for (let k = 0; k < n; k++) if (!values[k]) values[k] = [0, 0, 0, 0];
    for (let k = 0; k < 4; k++) all[k] = clean(all[k]);
    values[n] = all;
    return {
      kind: 'project',
      level,
      number: String(p.row.cells.tt ?? ''),
      name: String(p.row.cells.name ?? ''),
      lead: String(p.row.cells.lead ?? ''),
      status,
      values,
    };
  };
  for (const s of c.sheets) {
    if (!s.b) continue;
    const refs = new Map<number, ProjectRef>();
    const grouped = new Map<ProjectRef, AdjRow['status']>();
    for (const g of c.groups)
      for (const p of g.b) grouped.set(p, g.kind === 'split' ? 'split' : 'merged');
    for (const m of c.matched) if (m.b.sheetId === s.b.id) refs.set(m.b.index, m.b);
    for (const p of [...c.added, ...grouped.keys()]) if (p.sheetId === s.b.id) refs.set(p.index, p);
    s.b.rows.forEach((r, i) => {
      if (r.kind === 'section')
        rows.push({
          kind: 'section',
          level: r.level,
          number: String(r.cells.tt ?? ''),
          name: String(r.cells.name ?? ''),
          lead: '',
          status: 'section',
          values: [...columns.map(zero), zero()],
        });
      const p = refs.get(i);
      if (r.kind !== 'project' || !p) return;
      const m = matchOfB.get(r.id);
      rows.push(
        m
          ? projectRow(p, changed.has(r.id) ? 'changed' : 'same', r.level, m.a, m.b, slots.get(s)!)
          : projectRow(p, grouped.get(p) ?? 'added', r.level, null, p, slots.get(s)!),
      );
    });
  }
  // the a side of splits and merges leaves with the dropped projects
  const gone: [ProjectRef, AdjRow['status']][] = [
    ...c.removed.map((p): [ProjectRef, AdjRow['status']] => [p, 'removed']),
    ...c.groups.flatMap((g) =>
      g.a.map((p): [ProjectRef, AdjRow['status']] => [p, g.kind === 'split' ? 'split' : 'merged']),
    ),
  ];
  if (gone.length) {
    rows.push({
      kind: 'section',
      level: 0,
      number: '',
      name: DROPPED_SECTION,
      lead: '',
      status: 'section',
      values: [...columns.map(zero), zero()],
    });
    for (const [p, status] of gone) {
      const pair = c.sheets.find((s) => s.a?.id === p.sheetId);
      rows.push(projectRow(p, status, 1, p, null, pair ? slots.get(pair)! : []));
    }
  }
  sumSections(rows);
  const total = [...columns.map(zero), zero()];
  for (const r of rows) if (r.level === 0) r.values.forEach((q, k) => add(total[k], q));
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

/** Each section's figures: the sum of its direct children (sections summed first, bottom-up). */
function sumSections(rows: AdjRow[]): void {
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i];
    if (r.kind !== 'section') continue;
    for (let j = i + 1; j < rows.length && rows[j].level > r.level; j++) {
      if (rows[j].level !== r.level + 1) continue;
      rows[j].values.forEach((q, k) => add(r.values[k], q));
    }
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
