/**
 * The layout of a tracking in the execution engine: projects sorted by lead unit, then section,
 * then the plan's order (a unit is one block of rows, a section a few), and the groups (total,
 * sources, sections, units) with their row ranges.
 */
import type { AnnualPlan } from '../../../src/domain/execution';
import { sectionKeyOf, sectionKeys, sectionTree } from '../../../src/domain/executionSections';
import { normaliseName } from '../../../src/domain/match';

export type GroupKind = 'total' | 'source' | 'section' | 'unit';

export interface Group {
  kind: GroupKind;
  key: string;
  label: string;
  /** Row ranges [first, last] of its projects (every row for the total and the sources). */
  runs: [number, number][];
  /** Sections: labels from the outermost section down to this one, and the depth (0: top). */
  path?: string[];
  level?: number;
  /**
   * Sections: the runs of the projects directly in it and the indexes (in the groups) of its
   * sub-sections; the engine adds those up (each project is summed once, in its own section).
   */
  own?: [number, number][];
  children?: number[];
}

/** Row ranges of a sorted list of rows. */
function runsOf(rows: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

/**
 * The engine's layout of a tracking: project order (unit, then section at every level, then plan)
 * and groups (total, sources, every section in tree order, units).
 */
export function executionLayout(plan: AnnualPlan): { projects: string[]; groups: Group[] } {
  const unit = (i: number) => normaliseName(plan.projects[i].lead);
  const firstUnit = new Map<string, number>();
  plan.projects.forEach((_, i) => {
    if (!firstUnit.has(unit(i))) firstUnit.set(unit(i), i);
  });
  const tree = sectionTree(plan.projects);
  const order = plan.projects
    .map((_, i) => i)
    .sort((a, b) => firstUnit.get(unit(a))! - firstUnit.get(unit(b))! || tree.compare(a, b));
  const all: [number, number][] = order.length ? [[0, order.length - 1]] : [];
  const sectionRows = new Map<string, number[]>();
  const ownRows = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, row: number) => {
    const rows = m.get(k);
    if (rows) rows.push(row);
    else m.set(k, [row]);
  };
  order.forEach((p, row) => {
    const keys = sectionKeys(plan.projects[p].path);
    for (const k of keys) push(sectionRows, k, row);
    push(ownRows, keys[keys.length - 1], row);
  });
  const first = 1 + plan.sources.length; // index of the first section group
  const at = new Map(tree.nodes.map((n, i) => [n.key, first + i]));
  const children = new Map<string, number[]>();
  for (const n of tree.nodes)
    if (n.path.length > 1) push(children, sectionKeyOf(n.path.slice(0, -1)), at.get(n.key)!);
  const units = new Map<string, { label: string; rows: number[] }>();
  order.forEach((p, row) => {
    const k = unit(p);
    const g = units.get(k) ?? { label: plan.projects[p].lead, rows: [] };
    g.rows.push(row);
    units.set(k, g);
  });
  const groups: Group[] = [
    { kind: 'total', key: '', label: '', runs: all },
    ...plan.sources.map((s): Group => ({ kind: 'source', key: s, label: s, runs: all })),
    ...tree.nodes.map((n): Group => ({
      kind: 'section',
      key: n.key,
      label: n.label,
      runs: runsOf(sectionRows.get(n.key) ?? []),
      path: n.path,
      level: n.level,
      own: runsOf(ownRows.get(n.key) ?? []),
      children: children.get(n.key) ?? [],
    })),
    ...[...units].map(([key, g]): Group => ({
      kind: 'unit',
      key,
      label: g.label,
      runs: runsOf(g.rows),
    })),
  ];
  return { projects: order.map((i) => plan.projects[i].id), groups };
}
