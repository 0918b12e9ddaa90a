/**
 * The random reports and user steps the execution session's tests drive a tracking with
 * (executionBuild, executionSteps, executionSplit): a monthly report of most projects' figures to
 * date (now and then a line not in the plan, a carry-over figure, figures split by sources of its
 * own), and one user step (figures typed and pasted, periods added and removed, targets moved,
 * undo, redo).
 */
import { type AnnualPlan, lineKey } from '../../src/domain/execution';
import { figureKey, type ReportLine, type ReportReading } from '../../src/domain/executionReport';
import { monthEnd } from '../../src/domain/executionText';
import type { ExecutionSession } from '../../src/app/execution';
import { amount } from './executionEngineBefore/samePlans';
import { reportOf } from './recordBefore/randomReports';

/** One of `xs`, at random. */
export const pick = <T>(rnd: () => number, xs: readonly T[]): T =>
  xs[Math.floor(rnd() * xs.length)];

/** What a random report holds (chances 0..1). */
export interface ReadingShape {
  /** Chance that a project is in it (0.8 by default). */
  share?: number;
  /** Chance that a line names a project not in the plan. */
  stranger?: number;
  /** Chance that a line gives the carry-over's disbursement too. */
  carry?: number;
  /** Sources of the report's own its figures are split by (one column, '' , by default). */
  sources?: readonly string[];
  /** Chance that a line gives its plan too (split by the sources). */
  plan?: number;
}

/** A report of month `m` of the tracking's year giving most projects a disbursement to date. */
export function randomReading(
  rnd: () => number,
  plan: AnnualPlan,
  m: number,
  shape: ReadingShape = {},
): ReportReading {
  const { share = 0.8, stranger = 0, carry = 0, sources, plan: planned = 0 } = shape;
  // split by sources: every source has a figure (1 at least)
  const split = () =>
    sources ? Object.fromEntries(sources.map((x) => [x, 1 + amount(rnd)])) : { '': amount(rnd) };
  const lines: ReportLine[] = plan.projects
    .filter(() => rnd() < share)
    .map((p, i) => ({
      line: i + 5,
      kind: 'project',
      level: 1,
      name: stranger && rnd() < stranger ? `Công trình khác ${i}` : p.name,
      lead: p.lead,
      code: '',
      figures: {
        [figureKey('ytd', 'all')]: split(),
        ...(carry && rnd() < carry
          ? { [figureKey('ytd', 'carry')]: { '': amount(rnd, 300) } }
          : {}),
        ...(planned && rnd() < planned ? { [figureKey('plan', 'all')]: split() } : {}),
      },
    }));
  return reportOf(plan, lines, {
    file: `bc-${m}.xlsx`,
    asOf: monthEnd(plan.year, m),
    kind: 'month',
  });
}

/** One random user step on the session (no import). */
export function userStep(rnd: () => number, s: ExecutionSession): void {
  const op = rnd();
  const l = pick(rnd, s.plan.lines);
  const key = lineKey(l.projectId, l.source);
  const period = s.plan.periods.at(-1)?.id;
  if (op < 0.25 && period)
    s.setDisbursed(period, key, pick(rnd, ['plan', 'carry'] as const), amount(rnd));
  else if (op < 0.4)
    s.setLine(key, pick(rnd, ['plan', 'carry', 'priorDisbursed'] as const), amount(rnd));
  else if (op < 0.48 && period)
    s.pasteCells(
      period,
      s.plan.lines.slice(0, 5).map((x) => ({
        key: lineKey(x.projectId, x.source),
        col: pick(rnd, ['ytdPlan', 'ytdCarry'] as const),
        value: amount(rnd),
      })),
    );
  else if (op < 0.55) s.addPeriod(monthEnd(2024, 1 + Math.floor(rnd() * 12)));
  else if (op < 0.6 && s.plan.periods.length > 1) s.removePeriod(pick(rnd, s.plan.periods).id);
  else if (op < 0.66) s.setTargets([{ date: '2024-06-30', rate: Math.round(rnd() * 100) / 100 }]);
  else if (op < 0.82) s.undo();
  else s.redo();
}
