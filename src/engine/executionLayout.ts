/**
 * The layout of a tracking in the execution engine: projects sorted by lead unit, then section,
 * then the plan's order (a unit is one block of rows, a section a few), and the groups (total,
 * sources, sections, units) with their row ranges.
 */
import type { AnnualPlan } from '../domain/execution';
import { normaliseName } from '../domain/match';

export type GroupKind = 'total' | 'source' | 'section' | 'unit';

export interface Group {
  kind: GroupKind;
  key: string;
  label: string;
  /** Row ranges [first, last] of its projects (every row for the total and the sources). */
  runs: [number, number][];
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

/** The engine's layout of a tracking: project order (unit, then section, then plan) and groups. */
export function executionLayout(plan: AnnualPlan): { projects: string[]; groups: Group[] } {
  const unit = (i: number) => normaliseName(plan.projects[i].lead);
  const section = (i: number) => plan.projects[i].path[0] ?? '';
  const firstUnit = new Map<string, number>();
  const firstSection = new Map<string, number>();
  plan.projects.forEach((_, i) => {
    if (!firstUnit.has(unit(i))) firstUnit.set(unit(i), i);
    if (!firstSection.has(section(i))) firstSection.set(section(i), i);
  });
  const order = plan.projects
    .map((_, i) => i)
    .sort(
      (a, b) =>
        firstUnit.get(unit(a))! - firstUnit.get(unit(b))! ||
        firstSection.get(section(a))! - firstSection.get(section(b))! ||
        a - b,
    );
  const all: [number, number][] = order.length ? [[0, order.length - 1]] : [];
  const by = (kind: GroupKind, keyOf: (i: number) => string, label: (i: number) => string) => {
    const m = new Map<string, { label: string; rows: number[] }>();
    order.forEach((p, row) => {
      const k = keyOf(p);
      const g = m.get(k) ?? { label: label(p), rows: [] };
      g.rows.push(row);
      m.set(k, g);
    });
    return [...m].map(([key, g]): Group => ({ kind, key, label: g.label, runs: runsOf(g.rows) }));
  };
  const groups: Group[] = [
    { kind: 'total', key: '', label: '', runs: all },
    ...plan.sources.map((s): Group => ({ kind: 'source', key: s, label: s, runs: all })),
    ...by('section', section, section).sort(
      (a, b) => firstSection.get(a.key)! - firstSection.get(b.key)!,
    ),
    ...by('unit', unit, (i) => plan.projects[i].lead),
  ];
  return { projects: order.map((i) => plan.projects[i].id), groups };
}
