/**
 * A tracking whose engine is built in idle-time steps after it opens (100,000 projects: seconds of
 * build): edits, pastes, periods, targets, undo and redo made during the build are taken at once
 * (the tracking changes, the live figures wait), and once built every figure is what the frozen
 * engine computes from the tracking as it then is; a report imported meanwhile finishes the build
 * first (at once) or waits for it (in steps); sub-sections show as soon as the engine is built.
 */
import { describe, expect, it } from 'vitest';
import { lineKey } from '../domain/execution';
import { ExecutionEngine } from '../engine/execution';
import {
  agreesWithBefore,
  randomTracking,
  seeded,
} from '../../tests/support/executionEngineBefore/samePlans';
import { randomReading, userStep } from '../../tests/support/executionSessionSteps';
import { ExecutionSession } from './execution';

const tick = () => new Promise((done) => setTimeout(done, 0));

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
          s.importReport(randomReading(rnd, s.plan, 1 + Math.floor(rnd() * 12)));
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
        const done = again.importReportInSteps(randomReading(rnd, again.plan, 3), undefined, {
          budget: 1,
        });
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
