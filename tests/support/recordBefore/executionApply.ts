/** Frozen copy of src/domain/executionApply.ts before the report was recorded in steps (the oracle of the stepped recording). */
/**
 * Recording a matched report in a year's tracking: the period it covers, the disbursement from
 * 01/01 to the period's end of each matched project (of the year's plan and of the carry-over, per
 * source when the report splits by the tracking's sources, else shared in proportion to the plan),
 * and the allocations the report states where the tracking has none yet (the year's plan when the
 * plan had no column for the year, the carry-over, the cumulative figures to the end of N−1).
 */
import {
  type AnnualPlan,
  type Disbursed,
  type ExecLine,
  type ExecPeriod,
  lineKey,
} from '../../../src/domain/execution';
import { disbursedToDate } from '../../../src/domain/executionFigures';
import { dayBefore, periodStart } from '../../../src/domain/executionPeriods';
import { figureKey, type LineMatch, type ReportLine } from '../../../src/domain/executionReport';
import type { Measure, Part } from '../../../src/domain/executionColumns';
import type { IsoDate } from '../../../src/domain/executionText';
import { clean } from '../../../src/domain/numbers';

/** A figure of the report that differs from the tracking's (kept as the tracking has it). */
export interface ReportDifference {
  projectId: string;
  line: number;
  field: 'plan' | 'carry' | 'priorAllocated' | 'priorDisbursed';
  tracking: number;
  report: number;
}

export interface ApplyResult {
  plan: AnnualPlan;
  period: ExecPeriod;
  /** The period replaced figures recorded before for the same date. */
  replaced: boolean;
  differences: ReportDifference[];
  /** Allocations taken from the report (the tracking had none). */
  filled: number;
}

type Figures = Record<string, number>;

const total = (f: Figures | undefined): number | null => {
  if (!f) return null;
  if (f[''] !== undefined) return f[''];
  const vs = Object.values(f);
  return vs.length ? vs.reduce((a, b) => a + b, 0) : null;
};

/**
 * Shares `amount` over the project's lines: by the report's own split when its sources are the
 * lines' sources, else in proportion to `weight` (the first line takes all when weights are zero).
 */
function share(
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
function getter(line: ReportLine, factor: number) {
  return (m: Measure, p: Part): Figures | undefined => {
    const f = line.figures[figureKey(m, p)];
    if (!f) return undefined;
    const out: Figures = {};
    for (const [k, v] of Object.entries(f)) out[k] = clean(v * factor);
    return out;
  };
}

/** The year-to-date figures of a line: plan part and carry-over part, null when not stated. */
function yearToDate(
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
function splitBySource(
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
function sourcesOf(before: string[], lines: ExecLine[]): string[] {
  const seen = new Set(lines.map((l) => l.source));
  return [
    ...before.filter((x) => x && seen.has(x)),
    ...[...seen].filter((x) => x && !before.includes(x)),
    ...(seen.has('') ? [''] : []),
  ];
}

/** Adds (or finds) the period ending on `end`. */
function periodFor(plan: AnnualPlan, end: IsoDate, kind: ExecPeriod['kind'], file?: string) {
  const found = plan.periods.find((p) => p.end === end);
  if (found) return { period: { ...found, ...(file ? { file } : {}) }, replaced: true };
  return { period: { id: end, end, kind, ...(file ? { file } : {}) }, replaced: false };
}

/**
 * Records the matched lines of a report as the figures of the period ending `end` (a new tracking
 * object; the input is not changed). `factor` converts the report's unit to the tracking's.
 */
export function applyReport(
  plan: AnnualPlan,
  matched: readonly LineMatch[],
  o: {
    end: IsoDate;
    kind?: ExecPeriod['kind'];
    file?: string;
    factor?: number;
    /** Add the lines to the period's figures instead of replacing them (a line the user paired). */
    merge?: boolean;
    /** Never split a project's line by the report's sources (a pair made by the user). */
    keepLines?: boolean;
  },
): ApplyResult {
  const factor = o.factor ?? 1;
  const { period, replaced } = periodFor(plan, o.end, o.kind ?? 'month', o.file);
  let lines = plan.lines.map((l) => ({ ...l }));
  const byProject = new Map<string, ExecLine[]>();
  for (const l of lines) {
    const own = byProject.get(l.projectId);
    if (own) own.push(l);
    else byProject.set(l.projectId, [l]);
  }
  // lines split by the report's sources, put in their line's place at the end (one pass)
  const splits = new Map<ExecLine, ExecLine[]>();
  // figures *in* the period add to the checkpoint before its first day (a quarter's: the end of
  // the quarter before, never a month inside it); a period dated mid-month follows the one before
  const start = periodStart({ end: o.end, kind: o.kind ?? period.kind });
  const earlier = plan.periods.filter((p) => p.end < o.end);
  const lastBefore = start
    ? dayBefore(start)
    : earlier.length
      ? earlier[earlier.length - 1].end
      : null;
  // a merge adds lines to the period's figures (a line the user paired); otherwise they are replaced
  const figures: Record<string, Disbursed> = o.merge
    ? { ...(plan.disbursed[period.id] ?? {}) }
    : {};
  const differences: ReportDifference[] = [];
  let filled = 0;
  for (const m of matched) {
    let own = byProject.get(m.projectId);
    if (!own?.length) continue;
    const get = getter(m.line, factor);
    const split = o.keepLines
      ? null
      : splitBySource(plan, own, get('plan', 'all') ?? get('ytd', 'all'));
    if (split) {
      splits.set(own[0], split);
      byProject.set(m.projectId, split);
      own = split;
    }
    // allocations the report states: taken where the tracking has none, else compared
    const fields: [ReportDifference['field'], Measure][] = [
      ['plan', 'plan'],
      ['carry', 'carry'],
      ['priorAllocated', 'priorAllocated'],
      ['priorDisbursed', 'priorDisbursed'],
    ];
    for (const [field, measure] of fields) {
      const f = get(measure, 'all');
      const stated = total(f);
      if (stated === null) continue;
      const have = own.reduce((a, l) => a + l[field], 0);
      if (Math.abs(have) < 1e-9 && Math.abs(stated) > 1e-9) {
        const parts = share(stated, own, f, (l) => l.plan || l.priorAllocated);
        own.forEach((l, i) => (l[field] = parts[i]));
        filled++;
      } else if (Math.abs(have - stated) > 1e-6 * Math.max(1, Math.abs(stated)))
        differences.push({
          projectId: m.projectId,
          line: m.line.line,
          field,
          tracking: clean(have),
          report: stated,
        });
    }
    const before = () => {
      const b = { plan: 0, carry: 0 };
      if (!lastBefore) return b;
      for (const l of own) {
        const d = disbursedToDate(plan, lineKey(l.projectId, l.source), lastBefore);
        b.plan += d.plan;
        b.carry += d.carry;
      }
      return b;
    };
    const prior = own.reduce((a, l) => a + l.priorDisbursed, 0);
    const anyCarry = own.some((l) => Math.abs(l.carry) > 1e-9);
    const ytd = yearToDate(get, before, prior);
    if (ytd.plan === null && ytd.carry === null) continue;
    const planParts = ytd.plan === null ? null : share(ytd.plan, own, ytd.planSplit, (l) => l.plan);
    const carryParts =
      ytd.carry === null
        ? null
        : share(ytd.carry, own, ytd.carrySplit, (l) => (anyCarry ? l.carry : l.plan));
    own.forEach((l, i) => {
      figures[lineKey(l.projectId, l.source)] = {
        plan: planParts ? planParts[i] : null,
        carry: carryParts ? carryParts[i] : null,
      };
    });
  }
  if (splits.size) lines = lines.flatMap((l) => splits.get(l) ?? [l]);
  const periods = [...plan.periods.filter((p) => p.end !== o.end), period].sort((a, b) =>
    a.end < b.end ? -1 : a.end > b.end ? 1 : 0,
  );
  const disbursed = { ...plan.disbursed, [period.id]: figures };
  return {
    plan: {
      ...plan,
      sources: sourcesOf(plan.sources, lines),
      lines,
      periods,
      disbursed,
      updatedAt: Date.now(),
    },
    period,
    replaced,
    differences,
    filled,
  };
}
