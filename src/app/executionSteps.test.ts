/**
 * A tracking whose engine reads block subtotals (blocks of 4 rows here), driven through random
 * user steps — figures typed and pasted, periods added and removed, targets moved, undo and redo,
 * reports imported at once and in steps — shows after each step every figure the engine before it
 * (a frozen copy) computes from the same tracking; while a report is recorded in steps, edits,
 * undo and redo wait (refused).
 */
import { describe, expect, it } from 'vitest';
import { type AnnualPlan, lineKey } from '../domain/execution';
import type { ReportLine, ReportReading } from '../domain/executionReport';
import { figureKey } from '../domain/executionReport';
import { monthEnd } from '../domain/executionText';
import { ExecutionEngine } from '../engine/execution';
import {
  agreesWithBefore,
  amount,
  randomTracking,
  seeded,
} from '../../tests/support/executionEngineBefore/samePlans';
import { reportOf } from '../../tests/support/recordBefore/randomReports';
import { ExecutionSession } from './execution';

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

/** A report of month `m`: most projects' disbursement to date, now and then a line not in the plan. */
function reading(rnd: () => number, plan: AnnualPlan, m: number): ReportReading {
  const lines: ReportLine[] = plan.projects
    .filter(() => rnd() < 0.8)
    .map((p, i) => ({
      line: i + 5,
      kind: 'project',
      level: 1,
      name: rnd() < 0.05 ? `Công trình khác ${i}` : p.name,
      lead: p.lead,
      code: '',
      figures: {
        [figureKey('ytd', 'all')]: { '': amount(rnd) },
        ...(rnd() < 0.2 ? { [figureKey('ytd', 'carry')]: { '': amount(rnd, 300) } } : {}),
      },
    }));
  return reportOf(plan, lines, {
    file: `bc-${m}.xlsx`,
    asOf: monthEnd(plan.year, m),
    kind: 'month',
  });
}

describe('a tracking with block subtotals, imports in steps', () => {
  it('shows the old engine’s figures through random edits, undo/redo and reports', async () => {
    for (let seed = 1; seed <= 2; seed++) {
      const rnd = seeded(seed * 7919);
      const s = new ExecutionSession(
        'w',
        randomTracking(rnd, 20 + Math.floor(rnd() * 30), 1),
        null,
        null,
        new ExecutionEngine(4),
      );
      let imported = 0;
      for (let step = 0; step < 30; step++) {
        const op = rnd();
        const l = pick(rnd, s.plan.lines);
        const key = lineKey(l.projectId, l.source);
        const period = s.plan.periods.at(-1)?.id;
        if (op < 0.2 && period)
          s.setDisbursed(period, key, pick(rnd, ['plan', 'carry'] as const), amount(rnd));
        else if (op < 0.3)
          s.setLine(key, pick(rnd, ['plan', 'carry', 'priorDisbursed'] as const), amount(rnd));
        else if (op < 0.38 && period)
          s.pasteCells(
            period,
            s.plan.lines.slice(0, 6).map((x) => ({
              key: lineKey(x.projectId, x.source),
              col: 'ytdPlan' as const,
              value: amount(rnd),
            })),
          );
        else if (op < 0.45) s.addPeriod(monthEnd(2024, 1 + Math.floor(rnd() * 12)));
        else if (op < 0.5 && s.plan.periods.length > 1)
          s.removePeriod(pick(rnd, s.plan.periods).id);
        else if (op < 0.55)
          s.setTargets([{ date: '2024-06-30', rate: Math.round(rnd() * 100) / 100 }]);
        else if (op < 0.65) s.undo();
        else if (op < 0.72) s.redo();
        else if (op < 0.82)
          imported +=
            s.importReport(reading(rnd, s.plan, 1 + Math.floor(rnd() * 12)))?.matched ?? 0;
        else {
          const done = s.importReportInSteps(
            reading(rnd, s.plan, 1 + Math.floor(rnd() * 12)),
            undefined,
            // engine chunks of 1 to 6 rows: ending inside a block of 4 rows or on its boundary
            { budget: 0.01, rows: 1 + Math.floor(rnd() * 6), matches: 1 + Math.floor(rnd() * 8) },
          );
          // while it records: no edit, no undo (the figures are not all in the engine yet)
          expect(s.setLine(key, 'plan', 1)).toEqual({ ok: false, why: 'importing' });
          expect(s.undo()).toBe(false);
          imported += (await done)?.matched ?? 0;
          expect(s.canUndo).toBe(false); // a load, not an undo step
        }
        agreesWithBefore(s);
      }
      expect(imported).toBeGreaterThan(0);
      s.close();
    }
  }, 240_000);
});
