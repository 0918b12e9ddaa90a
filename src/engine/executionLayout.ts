/**
 * The layout of a tracking in the execution engine: projects sorted by lead unit, then section,
 * then the plan's order (a unit is one block of rows, a section a few), and the groups (total,
 * sources, sections, units) with their row ranges.
 */
import type { AnnualPlan } from '../domain/execution';
import { sectionKeyOf, sectionTreeSteps } from '../domain/executionSections';
import { normaliseName } from '../domain/match';

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

/** The engine's layout: project ids in row order and the groups. */
export interface ExecutionLayout {
  projects: string[];
  groups: Group[];
}

/**
 * The engine's layout of a tracking: project order (unit, then section at every level, then plan)
 * and groups (total, sources, every section in tree order, units).
 */
export function executionLayout(plan: AnnualPlan): ExecutionLayout {
  const it = layoutSteps(plan);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/**
 * `executionLayout` in steps (a 100,000-project tracking's layout is seconds in one go): yields
 * after every `every` projects read, every unit's projects sorted (by section, then plan order)
 * apart. Each project's unit is normalised once (not in the sort's comparisons).
 */
export function* layoutSteps(
  plan: AnnualPlan,
  every = Infinity,
): Generator<void, ExecutionLayout, void> {
  const n = plan.projects.length;
  // the units by first appearance: a project's rank is its unit's
  const rankOf = new Map<string, number>();
  const rank = new Int32Array(n);
  const unitKeys: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i && i % every === 0) yield;
    const k = normaliseName(plan.projects[i].lead);
    let r = rankOf.get(k);
    if (r === undefined) {
      rankOf.set(k, (r = unitKeys.length));
      unitKeys.push(k);
    }
    rank[i] = r;
  }
  const tree = yield* sectionTreeSteps(plan.projects, every);
  // sorted by unit rank, then the tree's order: each unit's projects sorted apart
  const buckets: number[][] = unitKeys.map(() => []);
  for (let i = 0; i < n; i++) buckets[rank[i]].push(i);
  const order: number[] = [];
  let sorted = 0;
  for (const b of buckets) {
    b.sort(tree.compare);
    for (const i of b) order.push(i);
    sorted += b.length;
    if (sorted >= every) {
      sorted = 0;
      yield;
    }
  }
  const all: [number, number][] = order.length ? [[0, order.length - 1]] : [];
  const sectionRows = new Map<string, number[]>();
  const ownRows = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, row: number) => {
    const rows = m.get(k);
    if (rows) rows.push(row);
    else m.set(k, [row]);
  };
  const unitRows: number[][] = unitKeys.map(() => []);
  for (let row = 0; row < order.length; row++) {
    if (row && row % every === 0) yield;
    const p = order[row];
    const keys = tree.keysOf[p];
    for (const k of keys) push(sectionRows, k, row);
    push(ownRows, keys[keys.length - 1], row);
    unitRows[rank[p]].push(row);
  }
  yield;
  const first = 1 + plan.sources.length; // index of the first section group
  const at = new Map(tree.nodes.map((x, i) => [x.key, first + i]));
  const children = new Map<string, number[]>();
  for (const x of tree.nodes)
    if (x.path.length > 1) push(children, sectionKeyOf(x.path.slice(0, -1)), at.get(x.key)!);
  const sections: Group[] = [];
  let rows = 0;
  for (const x of tree.nodes) {
    const all = sectionRows.get(x.key) ?? [];
    rows += all.length;
    if (rows >= every) {
      rows = 0;
      yield;
    }
    sections.push({
      kind: 'section',
      key: x.key,
      label: x.label,
      runs: runsOf(all),
      path: x.path,
      level: x.level,
      own: runsOf(ownRows.get(x.key) ?? []),
      children: children.get(x.key) ?? [],
    });
  }
  const groups: Group[] = [
    { kind: 'total', key: '', label: '', runs: all },
    ...plan.sources.map((s): Group => ({ kind: 'source', key: s, label: s, runs: all })),
    ...sections,
    ...unitKeys.map((key, r): Group => ({
      kind: 'unit',
      key,
      // the lead as its first row names it
      label: plan.projects[buckets[r][0]].lead,
      runs: runsOf(unitRows[r]),
    })),
  ];
  return { projects: order.map((i) => plan.projects[i].id), groups };
}
