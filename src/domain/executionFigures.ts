/**
 * The figures of a year's tracking: disbursed to date (of the year's plan and of the carry-over,
 * from the latest period that states them), the rate against the plan, the cumulative allocation and
 * disbursement since the start, what remains; by project, unit, source, section and in total; the
 * target curve and the projects behind it. The engine computes the same figures live (engine/
 * execution.ts); this module is the reference the CLI and the tests use.
 */
import {
  type AnnualPlan,
  type ExecLine,
  type ExecProject,
  lineKey,
  type TargetPoint,
} from './execution';
import { dayNumber, type IsoDate } from './executionText';
import { clean } from './numbers';
import { normaliseName } from './match';
import { sectionKeys, sectionTree } from './executionSections';

export { periodSeries, type PeriodPoint } from './periodSeries';

/** Sums and rates of a set of lines (amounts in the plan's unit; rates 0..1, null without a plan). */
export interface Figures {
  planned: number;
  disbursed: number;
  rate: number | null;
  remaining: number;
  carry: number;
  carryDisbursed: number;
  carryRate: number | null;
  carryRemaining: number;
  priorAllocated: number;
  priorDisbursed: number;
  /** Cumulative allocation to the end of N (earlier years + the year's plan). */
  cumulativeAllocated: number;
  /** Cumulative disbursement since the start (to N−1 + this year's, plan and carry-over). */
  cumulativeDisbursed: number;
}

export interface ProjectFigures extends Figures {
  project: ExecProject;
  bySource: Record<string, Figures>;
  /** Below the target curve at the as-of date (only projects with a plan for the year). */
  behind: boolean;
}

export interface GroupFigures extends Figures {
  key: string;
  label: string;
  projects: number;
  behind: number;
  /** Sections: the labels from the outermost section down to this one, and its depth (0: top). */
  path?: string[];
  level?: number;
}

export interface ExecutionFigures {
  asOf: IsoDate | null;
  /** The target rate at the as-of date (null without a target or date). */
  target: number | null;
  projects: ProjectFigures[];
  byUnit: GroupFigures[];
  bySource: GroupFigures[];
  /** Every section at every level (I, 1, 1.1 …) in the plan's tree order, with `path` and `level`. */
  bySection: GroupFigures[];
  total: Figures;
}

const zero = (): Omit<Figures, 'rate' | 'carryRate'> => ({
  planned: 0,
  disbursed: 0,
  remaining: 0,
  carry: 0,
  carryDisbursed: 0,
  carryRemaining: 0,
  priorAllocated: 0,
  priorDisbursed: 0,
  cumulativeAllocated: 0,
  cumulativeDisbursed: 0,
});

/** Rate of a part: null when nothing was planned. */
export const rateOf = (done: number, planned: number): number | null =>
  Math.abs(planned) > 1e-9 ? clean(done / planned) : null;

function finish(f: Omit<Figures, 'rate' | 'carryRate'>): Figures {
  const c = (n: number) => clean(n);
  return {
    planned: c(f.planned),
    disbursed: c(f.disbursed),
    rate: rateOf(f.disbursed, f.planned),
    remaining: c(f.planned - f.disbursed),
    carry: c(f.carry),
    carryDisbursed: c(f.carryDisbursed),
    carryRate: rateOf(f.carryDisbursed, f.carry),
    carryRemaining: c(f.carry - f.carryDisbursed),
    priorAllocated: c(f.priorAllocated),
    priorDisbursed: c(f.priorDisbursed),
    cumulativeAllocated: c(f.priorAllocated + f.planned),
    cumulativeDisbursed: c(f.priorDisbursed + f.disbursed + f.carryDisbursed),
  };
}

function accumulate(into: Omit<Figures, 'rate' | 'carryRate'>, f: Figures | LineTotals): void {
  into.planned += f.planned;
  into.disbursed += f.disbursed;
  into.carry += f.carry;
  into.carryDisbursed += f.carryDisbursed;
  into.priorAllocated += f.priorAllocated;
  into.priorDisbursed += f.priorDisbursed;
}

interface LineTotals {
  planned: number;
  disbursed: number;
  carry: number;
  carryDisbursed: number;
  priorAllocated: number;
  priorDisbursed: number;
}

/** Periods up to a date (all when no date), in date order. */
export function periodsTo(plan: AnnualPlan, asOf?: IsoDate | null) {
  return plan.periods.filter((p) => !asOf || p.end <= asOf);
}

/**
 * Disbursed to date of one line: for each part the figure of the latest period (up to `asOf`) that
 * states it (a line missing from the latest report keeps its earlier figure).
 */
export function disbursedToDate(
  plan: AnnualPlan,
  key: string,
  asOf?: IsoDate | null,
): { plan: number; carry: number } {
  let p: number | null = null;
  let c: number | null = null;
  const ps = periodsTo(plan, asOf);
  for (let i = ps.length - 1; i >= 0 && (p === null || c === null); i--) {
    const d = plan.disbursed[ps[i].id]?.[key];
    if (!d) continue;
    if (p === null && d.plan !== null) p = d.plan;
    if (c === null && d.carry !== null) c = d.carry;
  }
  return { plan: p ?? 0, carry: c ?? 0 };
}

/**
 * `disbursedToDate` for many lines of one tracking: the periods up to `asOf` listed once, then a
 * lookup per line (a report recorded asks it of every line).
 */
export function toDateReader(
  plan: AnnualPlan,
  asOf?: IsoDate | null,
): (key: string) => { plan: number; carry: number } {
  const figures = periodsTo(plan, asOf)
    .reverse()
    .map((p) => plan.disbursed[p.id])
    .filter((d) => !!d);
  return (key) => {
    let p: number | null = null;
    let c: number | null = null;
    for (let i = 0; i < figures.length && (p === null || c === null); i++) {
      const d = figures[i][key];
      if (!d) continue;
      if (p === null && d.plan !== null) p = d.plan;
      if (c === null && d.carry !== null) c = d.carry;
    }
    return { plan: p ?? 0, carry: c ?? 0 };
  };
}

function lineTotals(plan: AnnualPlan, l: ExecLine, asOf?: IsoDate | null): LineTotals {
  const d = disbursedToDate(plan, lineKey(l.projectId, l.source), asOf);
  return {
    planned: l.plan,
    disbursed: d.plan,
    carry: l.carry,
    carryDisbursed: d.carry,
    priorAllocated: l.priorAllocated,
    priorDisbursed: l.priorDisbursed,
  };
}

/**
 * The target rate at a date: the curve runs straight from 0 on 01/01 of N through the user's points
 * (sorted by date) and stays at the last point's rate after it. Null without points.
 */
export function targetAt(
  targets: readonly TargetPoint[],
  year: number,
  date: IsoDate,
): number | null {
  if (!targets.length) return null;
  const pts = [
    { date: `${year}-01-01`, rate: 0 },
    ...[...targets].sort((a, b) => (a.date < b.date ? -1 : 1)),
  ];
  const x = dayNumber(date);
  for (let i = 1; i < pts.length; i++) {
    const x1 = dayNumber(pts[i].date);
    if (x <= x1) {
      const x0 = dayNumber(pts[i - 1].date);
      const t = x1 > x0 ? (x - x0) / (x1 - x0) : 1;
      return clean(Math.max(0, pts[i - 1].rate + t * (pts[i].rate - pts[i - 1].rate)));
    }
  }
  return pts[pts.length - 1].rate;
}

/** The as-of date of a tracking: the end of its latest period (up to `asOf` when given). */
export function asOfDate(plan: AnnualPlan, asOf?: IsoDate | null): IsoDate | null {
  const ps = periodsTo(plan, asOf);
  return ps.length ? ps[ps.length - 1].end : (asOf ?? null);
}

/** Whether a rate is behind a target (a tolerance of 1e-9 keeps floating noise out). */
export const isBehind = (rate: number | null, target: number | null, planned: number): boolean =>
  target !== null && planned > 1e-9 && (rate ?? 0) < target - 1e-9;

/** Every figure of the tracking at a date (default: its latest period). */
export function executionFigures(plan: AnnualPlan, at?: IsoDate | null): ExecutionFigures {
  const asOf = asOfDate(plan, at);
  const target = asOf ? targetAt(plan.targets, plan.year, asOf) : null;
  const byProject = new Map<string, ExecLine[]>();
  for (const l of plan.lines)
    byProject.set(l.projectId, [...(byProject.get(l.projectId) ?? []), l]);
  const units = new Map<
    string,
    { label: string; acc: ReturnType<typeof zero>; n: number; behind: number }
  >();
  const sections = new Map<
    string,
    { label: string; acc: ReturnType<typeof zero>; n: number; behind: number }
  >();
  const sources = new Map<string, { acc: ReturnType<typeof zero>; n: number; behind: number }>();
  const total = zero();
  const projects: ProjectFigures[] = [];
  for (const project of plan.projects) {
    const acc = zero();
    const bySource: Record<string, Figures> = {};
    for (const l of byProject.get(project.id) ?? []) {
      const t = lineTotals(plan, l, asOf);
      accumulate(acc, t);
      const s = zero();
      accumulate(s, t);
      bySource[l.source] = finish(s);
      const g = sources.get(l.source) ?? { acc: zero(), n: 0, behind: 0 };
      accumulate(g.acc, t);
      g.n++;
      if (isBehind(bySource[l.source].rate, target, t.planned)) g.behind++;
      sources.set(l.source, g);
    }
    const f = finish(acc);
    const behind = isBehind(f.rate, target, f.planned);
    projects.push({ ...f, project, bySource, behind });
    accumulate(total, f);
    const uk = normaliseName(project.lead);
    const u = units.get(uk) ?? { label: project.lead, acc: zero(), n: 0, behind: 0 };
    accumulate(u.acc, f);
    u.n++;
    if (behind) u.behind++;
    units.set(uk, u);
    for (const sk of sectionKeys(project.path)) {
      const s = sections.get(sk) ?? { label: sk, acc: zero(), n: 0, behind: 0 };
      accumulate(s.acc, f);
      s.n++;
      if (behind) s.behind++;
      sections.set(sk, s);
    }
  }
  const group = (
    key: string,
    label: string,
    g: { acc: ReturnType<typeof zero>; n: number; behind: number },
  ): GroupFigures => ({
    key,
    label,
    projects: g.n,
    behind: g.behind,
    ...finish(g.acc),
  });
  return {
    asOf,
    target,
    projects,
    byUnit: [...units].map(([k, g]) => group(k, g.label, g)),
    bySource: plan.sources.filter((s) => sources.has(s)).map((s) => group(s, s, sources.get(s)!)),
    bySection: sectionTree(plan.projects).nodes.map((n) => ({
      ...group(n.key, n.label, sections.get(n.key)!),
      path: n.path,
      level: n.level,
    })),
    total: finish(total),
  };
}
