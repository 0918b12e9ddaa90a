/**
 * A tracking whose engine is built in idle-time steps after it opens (100,000 projects: seconds of
 * build): edits, pastes, periods, targets, undo and redo made during the build are taken at once
 * (the tracking changes, the live figures wait), and once built every figure is what the frozen
 * engine computes from the tracking as it then is; a report imported meanwhile finishes the build
 * first (at once) or waits for it (in steps); sub-sections show as soon as the engine is built.
 */
import { describe, expect, it } from 'vitest';
import { lineKey } from '../domain/execution';
import { figureKey, type ReportReading } from '../domain/executionReport';
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
const tick = () => new Promise((done) => setTimeout(done, 0));

/** A report of month `m` giving most projects a disbursement to date. */
function reading(rnd: () => number, s: ExecutionSession, m: number): ReportReading {
  const lines = s.plan.projects
    .filter(() => rnd() < 0.8)
    .map((p, i) => ({
      line: i + 5,
      kind: 'project' as const,
      level: 1,
      name: p.name,
      lead: p.lead,
      code: '',
      figures: { [figureKey('ytd', 'all')]: { '': amount(rnd) } },
    }));
  return reportOf(s.plan, lines, {
    file: `bc-${m}.xlsx`,
    asOf: monthEnd(s.plan.year, m),
    kind: 'month',
  });
}

/** One random user step (no import). */
function userStep(rnd: () => number, s: ExecutionSession): void {
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
        col: 'ytdCarry' as const,
        value: amount(rnd),
      })),
    );
  else if (op < 0.55) s.addPeriod(monthEnd(2024, 1 + Math.floor(rnd() * 12)));
  else if (op < 0.6 && s.plan.periods.length > 1) s.removePeriod(pick(rnd, s.plan.periods).id);
  else if (op < 0.66) s.setTargets([{ date: '2024-06-30', rate: Math.round(rnd() * 100) / 100 }]);
  else if (op < 0.82) s.undo();
  else s.redo();
}

describe('a tracking whose engine is built in steps', () => {
  it('takes the edits made during the build and then shows the figures of the tracking', async () => {
    let during = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const rnd = seeded(seed * 15485863);
      const plan = randomTracking(rnd, 10 + Math.floor(rnd() * 40), 1 + (seed % 2));
      // one piece of the build per step: edits land between any two of them
      const s = new ExecutionSession('w', plan, null, null, new ExecutionEngine(4), 0);
      expect(s.engineBuilding).toBe(true);
      const first = lineKey(plan.lines[0].projectId, plan.lines[0].source);
      expect(s.lineFigures(first)).toBeUndefined();
      while (s.engineBuilding) {
        const x = rnd();
        if (x < 0.8)
          // a few steps between two pieces of the build
          for (let k = Math.floor(rnd() * 4); k > 0; k--) {
            userStep(rnd, s);
            during++;
          }
        else if (x < 0.52 && seed % 4 === 0) {
          // a report at once builds the rest first
          s.importReport(reading(rnd, s, 1 + Math.floor(rnd() * 12)));
          expect(s.engineBuilding).toBe(false);
        }
        await tick();
      }
      await s.ready;
      expect(s.lineFigures(first)).toBeDefined();
      agreesWithBefore(s);
      if (seed % 4 === 1) {
        // a report in steps asked for during a build waits for it
        const again = new ExecutionSession('w', s.plan, null, null, new ExecutionEngine(4), 0);
        const done = again.importReportInSteps(reading(rnd, again, 3), undefined, { budget: 1 });
        expect(await done).not.toBeNull();
        agreesWithBefore(again);
        again.close();
      }
      for (let k = 0; k < 6; k++) {
        userStep(rnd, s);
        agreesWithBefore(s);
      }
      s.close();
    }
    expect(during).toBeGreaterThan(100);
  }, 240_000);

  it('shows every sub-section as soon as the engine is built, at once or in steps', async () => {
    const rnd = seeded(7);
    const plan = randomTracking(rnd, 60, 1);
    const now = new ExecutionSession('w', plan, null, null, new ExecutionEngine(4), false);
    const nested = now.engine.groupList().filter((g) => (g.level ?? 0) > 0);
    expect(nested.length).toBeGreaterThan(2);
    for (const g of nested) expect(now.groupFigures('section', g.key)).toBeDefined();
    agreesWithBefore(now);
    now.close();
    const stepped = new ExecutionSession('w', plan, null, null, new ExecutionEngine(4), 0);
    expect(stepped.groupFigures('section', nested[0].key)).toBeUndefined();
    let told = 0;
    stepped.subscribe(() => told++);
    await stepped.ready;
    expect(told).toBe(1);
    for (const g of nested) expect(stepped.groupFigures('section', g.key)).toBeDefined();
    agreesWithBefore(stepped);
    stepped.close();
  });
});
