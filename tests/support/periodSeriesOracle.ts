/**
 * The disbursement curve as it was computed before it was made linear in periods (each period asked
 * every line's figure to date again, scanning the periods back): a frozen copy, used only by
 * periodSeries.test to check the fast path gives exactly what this one gave.
 */
import { type AnnualPlan, type ExecProject, lineKey } from '../../src/domain/execution';
import {
  disbursedToDate,
  type PeriodPoint,
  rateOf,
  targetAt,
} from '../../src/domain/executionFigures';
import { dayNumber, type IsoDate } from '../../src/domain/executionText';
import { clean } from '../../src/domain/numbers';

const dayAfter = (d: IsoDate): IsoDate =>
  new Date((dayNumber(d) + 1) * 86_400_000).toISOString().slice(0, 10);

/** The old `periodSeries` (lines × periods²). */
export function periodSeriesBefore(
  plan: AnnualPlan,
  keep: (p: ExecProject) => boolean = () => true,
): PeriodPoint[] {
  const kept = new Set(plan.projects.filter(keep).map((p) => p.id));
  const lines = plan.lines.filter((l) => kept.has(l.projectId));
  let planned = 0;
  for (const l of lines) planned += l.plan;
  const out: PeriodPoint[] = [];
  let before = 0;
  let from = `${plan.year}-01-01`;
  for (const p of plan.periods) {
    let disbursed = 0;
    let carry = 0;
    for (const l of lines) {
      const d = disbursedToDate(plan, lineKey(l.projectId, l.source), p.end);
      disbursed += d.plan;
      carry += d.carry;
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
