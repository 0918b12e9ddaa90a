/**
 * Random trackings and disbursement reports for the tests proving a report recorded in steps is
 * the report recorded at once (tests/support/recordBefore): trackings where some projects have one
 * line not split by source (''), reports stating the figures to date (in total, of the plan, of
 * the carry-over), in the period or since the start, split by the tracking's sources or by new
 * ones, with allocations now and then, and a few lines not in the plan.
 */
import type { AnnualPlan } from '../../../src/domain/execution';
import {
  figureKey,
  type ReportLine,
  type ReportReading,
} from '../../../src/domain/executionReport';
import { monthEnd } from '../../../src/domain/executionText';
import { amount, randomTracking } from '../executionEngineBefore/samePlans';

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

/** A random tracking of `n` projects, a share `unsplit` of them with one line of source ''. */
export function mixedTracking(rnd: () => number, n: number, unsplit = 0.3): AnnualPlan {
  const plan = randomTracking(rnd, n, 1 + Math.floor(rnd() * 2));
  const alone = new Set(plan.projects.filter(() => rnd() < unsplit).map((p) => p.id));
  if (!alone.size) return plan;
  const lines = plan.lines.flatMap((l) => {
    if (!alone.has(l.projectId)) return [l];
    const first = plan.lines.find((x) => x.projectId === l.projectId)!;
    return first === l ? [{ ...l, source: '' }] : [];
  });
  // figures recorded for a line that is now '' are dropped (a line with figures is never split)
  const disbursed = Object.fromEntries(
    Object.entries(plan.disbursed).map(([id, d]) => [
      id,
      Object.fromEntries(Object.entries(d).filter(([k]) => !alone.has(k.split('|')[0]))),
    ]),
  );
  return { ...plan, lines, disbursed, sources: [...plan.sources, ''] };
}

/** Figures by source: the whole only, or split by some of `sources` (each source its share). */
function bySource(rnd: () => number, sources: string[], max = 5000): Record<string, number> {
  if (rnd() < 0.5 || !sources.length) return { '': amount(rnd, max) };
  const out: Record<string, number> = {};
  for (const s of sources) if (rnd() < 0.7) out[s] = amount(rnd, max);
  if (rnd() < 0.5) out[''] = Object.values(out).reduce((a, b) => a + b, 0);
  return Object.keys(out).length ? out : { '': amount(rnd, max) };
}

/** A report of month `m` of the tracking: random figures of most of its projects. */
export function randomReading(rnd: () => number, plan: AnnualPlan, m: number): ReportReading {
  const sources = rnd() < 0.3 ? ['NSTW', 'NSĐP'] : plan.sources.filter((s) => s);
  const ytd = rnd() < 0.7;
  const lines: ReportLine[] = plan.projects
    .filter(() => rnd() < 0.85)
    .map((p, i) => {
      const figures: ReportLine['figures'] = {};
      const put = (measure: Parameters<typeof figureKey>[0], part: 'all' | 'plan' | 'carry') =>
        (figures[figureKey(measure, part)] = bySource(rnd, sources));
      if (rnd() < 0.4) put('plan', 'all');
      if (rnd() < 0.2) put('carry', 'all');
      if (rnd() < 0.15) put('priorAllocated', 'all');
      if (rnd() < 0.15) put('priorDisbursed', 'all');
      const how = rnd();
      if (ytd) {
        if (how < 0.6) put('ytd', 'all');
        else if (how < 0.8) put('ytd', 'plan');
        else if (how < 0.95) {
          put('ytd', 'all');
          put('ytd', 'carry');
        }
      } else if (how < 0.5) put('inPeriod', 'all');
      else if (how < 0.8) {
        put('inPeriod', 'plan');
        put('inPeriod', 'carry');
      } else put('sinceStart', 'all');
      return {
        line: i + 5,
        kind: 'project' as const,
        level: 1,
        name: rnd() < 0.05 ? `Công trình khác ${i}` : p.name,
        lead: p.lead,
        code: '',
        figures,
      };
    });
  return reportOf(plan, lines, {
    file: `bc-${m}.xlsx`,
    asOf: rnd() < 0.9 ? monthEnd(plan.year, m) : null,
    kind: pick(rnd, ['month', 'month', 'quarter'] as const),
  });
}

/**
 * A report of the tracking's year and unit as the readers give it: one sheet `T` whose lines carry
 * their figures by key, its one column the figures to date (`Lũy kế`).
 */
export function reportOf(
  plan: AnnualPlan,
  lines: ReportLine[],
  how: { file: string; asOf: string | null; kind: ReportReading['kind'] },
): ReportReading {
  return {
    ...how,
    year: plan.year,
    unit: plan.unit,
    scale: null,
    warnings: [],
    sheets: [
      {
        name: 'T',
        title: '',
        columns: [{ path: ['Lũy kế'], meaning: { measure: 'ytd', part: 'all', source: null } }],
        lines,
      },
    ],
  };
}
