/**
 * The pieces of recording a report's line in a tracking (executionApply.ts): its figures scaled to
 * the tracking's unit, the year-to-date figures it states, their shares over a project's lines, a
 * project's line split by the report's sources, and the period the report fills.
 */
import { type AnnualPlan, type ExecLine, type ExecPeriod, lineKey } from './execution';
import { figureKey, type ReportLine } from './executionReport';
import type { Measure, Part } from './executionColumns';
import type { IsoDate } from './executionText';
import { clean } from './numbers';

/** A report's figures of one measure and part, by source ('' the whole). */
export type Figures = Record<string, number>;

/** The whole of figures by source (the stated total, else the sum of the sources; null: none). */
export const total = (f: Figures | undefined): number | null => {
  if (!f) return null;
  if (f[''] !== undefined) return f[''];
  const vs = Object.values(f);
  return vs.length ? vs.reduce((a, b) => a + b, 0) : null;
};

/**
 * Shares `amount` over the project's lines: by the report's own split when its sources are the
 * lines' sources, else in proportion to `weight` (the first line takes all when weights are zero).
 */
export function share(
  amount: number,
  lines: ExecLine[],
  split: Figures | undefined,
  weight: (l: ExecLine) => number,
): number[] {
  const keys = split ? Object.keys(split).filter((k) => k !== '') : [];
  const sources = new Set(lines.map((l) => l.source));
  if (keys.length && keys.every((k) => sources.has(k))) {
    const given = lines.map((l) => split![l.source] ?? 0);
    const rest = amount - given.reduce((a, b) => a + b, 0);
    if (Math.abs(rest) < 1e-9 * Math.max(1, Math.abs(amount))) return given.map(clean);
    const w = lines.map((l) => (split![l.source] === undefined ? weight(l) : 0));
    const sw = w.reduce((a, b) => a + b, 0);
    return given.map((g, i) => clean(g + (sw > 0 ? (rest * w[i]) / sw : i === 0 ? rest : 0)));
  }
  const w = lines.map(weight);
  const sw = w.reduce((a, b) => a + b, 0);
  return lines.map((_, i) => clean(sw > 0 ? (amount * w[i]) / sw : i === 0 ? amount : 0));
}

/** Figures of one line, scaled to the tracking's unit. */
export function getter(line: ReportLine, factor: number) {
  return (m: Measure, p: Part): Figures | undefined => {
    const f = line.figures[figureKey(m, p)];
    if (!f) return undefined;
    const out: Figures = {};
    for (const [k, v] of Object.entries(f)) out[k] = clean(v * factor);
    return out;
  };
}

/** The year-to-date figures of a line: plan part and carry-over part, null when not stated. */
export function yearToDate(
  get: ReturnType<typeof getter>,
  before: () => { plan: number; carry: number },
  prior: number,
): { plan: number | null; carry: number | null; planSplit?: Figures; carrySplit?: Figures } {
  const all = get('ytd', 'all');
  const pl = get('ytd', 'plan');
  const ca = get('ytd', 'carry');
  if (all || pl || ca) {
    const carry = ca ? total(ca) : all && pl ? total(all)! - total(pl)! : null;
    const plan = pl ? total(pl) : all ? total(all)! - (carry ?? 0) : null;
    return { plan, carry, planSplit: pl ?? (carry ? undefined : all), carrySplit: ca };
  }
  const ia = get('inPeriod', 'all');
  const ip = get('inPeriod', 'plan');
  const ic = get('inPeriod', 'carry');
  if (ia || ip || ic) {
    const carryIn = ic ? total(ic)! : ia && ip ? total(ia)! - total(ip)! : 0;
    const planIn = ip ? total(ip)! : total(ia)! - carryIn;
    const b = before();
    return { plan: clean(b.plan + planIn), carry: clean(b.carry + carryIn) };
  }
  const since = get('sinceStart', 'all');
  if (since) return { plan: clean(total(since)! - prior), carry: null };
  return { plan: null, carry: null };
}

/**
 * A project the plan does not split by source (one line, source '') in a report that does: its
 * line becomes one line per source of the report, its figures shared as the report's (only before
 * any figure was recorded for it). Null when nothing is split.
 */
export function splitBySource(
  plan: AnnualPlan,
  own: ExecLine[],
  f: Figures | undefined,
): ExecLine[] | null {
  if (own.length !== 1 || own[0].source !== '' || !f) return null;
  const keys = Object.keys(f).filter((k) => k !== '' && Math.abs(f[k]) > 1e-12);
  const sum = keys.reduce((a, k) => a + f[k], 0);
  if (!keys.length || Math.abs(sum) < 1e-12) return null;
  const key = lineKey(own[0].projectId, '');
  if (Object.values(plan.disbursed).some((d) => d[key])) return null;
  const l = own[0];
  return keys.map((source) => {
    const share = f[source] / sum;
    return {
      projectId: l.projectId,
      source,
      plan: clean(l.plan * share),
      carry: clean(l.carry * share),
      priorAllocated: clean(l.priorAllocated * share),
      priorDisbursed: clean(l.priorDisbursed * share),
    };
  });
}

/** The sources of the lines: the plan's order, then new ones, '' (not split) last. */
export function sourcesOf(before: string[], lines: ExecLine[]): string[] {
  const seen = new Set(lines.map((l) => l.source));
  return [
    ...before.filter((x) => x && seen.has(x)),
    ...[...seen].filter((x) => x && !before.includes(x)),
    ...(seen.has('') ? [''] : []),
  ];
}

/** The period ending on `end`: the tracking's own (replaced: true) or a new one. */
export function periodFor(plan: AnnualPlan, end: IsoDate, kind: ExecPeriod['kind'], file?: string) {
  const found = plan.periods.find((p) => p.end === end);
  if (found) return { period: { ...found, ...(file ? { file } : {}) }, replaced: true };
  return { period: { id: end, end, kind, ...(file ? { file } : {}) }, replaced: false };
}
