/**
 * The disbursement curve of a tracking: the cumulative figures at each period's end against the
 * target curve, for all projects or a unit's.
 */
import { type AnnualPlan, type ExecProject, lineKey } from './execution';
import { disbursedToDate, rateOf, targetAt } from './executionFigures';
import { dayNumber, type IsoDate } from './executionText';
import { clean } from './numbers';

/** The day after a date. */
const dayAfter = (d: IsoDate): IsoDate =>
  new Date((dayNumber(d) + 1) * 86_400_000).toISOString().slice(0, 10);

/** One point of the disbursement curve: the cumulative figures at a period's end. */
export interface PeriodPoint {
  periodId: string;
  kind: 'month' | 'quarter';
  /** The first day `inPeriod` covers: the day after the period before (01/01 for the first). */
  from: IsoDate;
  end: IsoDate;
  planned: number;
  disbursed: number;
  carryDisbursed: number;
  /** Disbursed in the period (the year's plan): the difference with the period before. */
  inPeriod: number;
  rate: number | null;
  target: number | null;
}

/**
 * The disbursement by period against the target curve, for the projects `keep` accepts (all by
 * default: the total; a unit's projects for its own curve).
 */
export function periodSeries(
  plan: AnnualPlan,
  keep: (p: ExecProject) => boolean = () => true,
): PeriodPoint[] {
  const kept = new Set(plan.projects.filter(keep).map((p) => p.id));
  const lines = plan.lines.filter((l) => kept.has(l.projectId));
  const keys = lines.map((l) => lineKey(l.projectId, l.source));
  let planned = 0;
  for (const l of lines) planned += l.plan;
  // each line's latest stated figures, carried from one period to the next (the periods in order
  // of their end: the latest one stating a part up to a period's end is the last seen)
  const ordered = plan.periods.every((p, i) => i === 0 || plan.periods[i - 1].end < p.end);
  const curPlan = new Float64Array(lines.length);
  const curCarry = new Float64Array(lines.length);
  const out: PeriodPoint[] = [];
  let before = 0;
  let from = `${plan.year}-01-01`;
  for (const p of plan.periods) {
    let disbursed = 0;
    let carry = 0;
    const figures = plan.disbursed[p.id];
    for (let i = 0; i < lines.length; i++) {
      let dp: number;
      let dc: number;
      if (ordered) {
        const d = figures?.[keys[i]];
        if (d && d.plan !== null) curPlan[i] = d.plan ?? 0;
        if (d && d.carry !== null) curCarry[i] = d.carry ?? 0;
        dp = curPlan[i];
        dc = curCarry[i];
      } else ({ plan: dp, carry: dc } = disbursedToDate(plan, keys[i], p.end));
      disbursed += dp;
      carry += dc;
    }
    out.push({
      periodId: p.id,
      kind: p.kind,
      from,
      end: p.end,
      planned: clean(planned),
      disbursed: clean(disbursed),
      carryDisbursed: clean(carry),
      inPeriod: clean(disbursed - before),
      rate: rateOf(disbursed, planned),
      target: targetAt(plan.targets, plan.year, p.end),
    });
    before = disbursed;
    from = dayAfter(p.end);
  }
  return out;
}
