/** Periods typed by hand: months and quarters, cumulative checkpoints that never count twice. */
import { describe, expect, it } from 'vitest';
import { lineKey } from '../domain/execution';
import { executionFigures, periodSeries } from '../domain/executionFigures';
import { nestedTracking } from '../domain/executionSamples';
import { ExecutionSession } from './execution';

const open = () => new ExecutionSession('w1', nestedTracking(), null);
const keyOf = (s: ExecutionSession, name: string, source = 'ĐTPT') =>
  lineKey(s.plan.projects.find((p) => p.name === name)!.id, source);

describe('adding a period by hand', () => {
  it('adds a quarter as one step: done, undone, redone', () => {
    const s = open();
    expect(s.plan.periods.map((p) => [p.end, p.kind])).toEqual([['2024-06-30', 'month']]);
    expect(s.addPeriod('2024-03-31', 'quarter')).toEqual({ ok: true });
    expect(s.plan.periods.map((p) => [p.end, p.kind])).toEqual([
      ['2024-03-31', 'quarter'],
      ['2024-06-30', 'month'],
    ]);
    expect(s.canUndo).toBe(true);
    expect(s.undo()).toBe(true);
    expect(s.plan.periods.map((p) => p.end)).toEqual(['2024-06-30']);
    expect(s.redo()).toBe(true);
    expect(s.plan.periods.find((p) => p.end === '2024-03-31')?.kind).toBe('quarter');
    // the same quarter again changes nothing (no second step)
    expect(s.addPeriod('2024-03-31', 'quarter')).toEqual({ ok: true });
    expect(s.undo()).toBe(true);
    expect(s.canUndo).toBe(false);
    s.close();
  });

  it('refuses a quarter ending with a month already there, and periods outside the year', () => {
    const s = open();
    // June holds the disbursement from 01/01 to 30/06: quarter II is the same checkpoint
    expect(s.addPeriod('2024-06-30', 'quarter')).toEqual({ ok: false, why: 'periodSameEnd' });
    expect(s.addPeriod('2024-03-31', 'quarter')).toEqual({ ok: true });
    expect(s.addPeriod('2024-03-31', 'month')).toEqual({ ok: false, why: 'periodSameEnd' });
    expect(s.addPeriod('2024-05-31', 'quarter')).toEqual({ ok: false, why: 'periodNotQuarterEnd' });
    expect(s.addPeriod('2025-03-31', 'quarter')).toEqual({ ok: false, why: 'periodOutsideYear' });
    expect(s.addPeriod('2023-12-31', 'month')).toEqual({ ok: false, why: 'periodOutsideYear' });
    expect(s.addPeriod('2025-01-31', 'month')).toEqual({ ok: true }); // January of N+1
    expect(s.plan.periods.map((p) => [p.end, p.kind])).toEqual([
      ['2024-03-31', 'quarter'],
      ['2024-06-30', 'month'],
      ['2025-01-31', 'month'],
    ]);
    s.close();
  });

  it('takes a quarter’s figures as cumulative from 01/01: the latest checkpoint counts, never a sum', () => {
    const s = open();
    const road = keyOf(s, 'ĐT.585');
    const june = s.engine.group('total', '')!.disbursed;
    expect(june).toBe(2040);
    s.addPeriod('2024-03-31', 'quarter');
    expect(s.setDisbursed('2024-03-31', road, 'plan', 200)).toEqual({ ok: true });
    // June (500 for the road) is later than quarter I: the total to date does not move
    expect(s.engine.group('total', '')!.disbursed).toBe(june);
    expect(s.engine.line(road)!.disbursed).toBe(500);
    // quarter III: the road's figure to 30/09 replaces June's, the others keep theirs
    s.addPeriod('2024-09-30', 'quarter');
    expect(s.setDisbursed('2024-09-30', road, 'plan', 800)).toEqual({ ok: true });
    expect(s.engine.line(road)!.disbursed).toBe(800);
    expect(s.engine.group('total', '')!.disbursed).toBe(june + 300);
    expect(executionFigures(s.plan).total.disbursed).toBe(june + 300);
    // by period: each row says what it covers, the in-period figures add up to the total
    const series = periodSeries(s.plan);
    expect(series.map((p) => [p.kind, p.from, p.end, p.disbursed, p.inPeriod])).toEqual([
      ['quarter', '2024-01-01', '2024-03-31', 200, 200],
      ['month', '2024-04-01', '2024-06-30', 2040, 1840],
      ['quarter', '2024-07-01', '2024-09-30', 2340, 300],
    ]);
    // undo the quarter-III figure, then the quarter itself; redo both
    s.undo();
    expect(s.engine.line(road)!.disbursed).toBe(500);
    s.undo();
    expect(s.plan.periods.map((p) => p.end)).toEqual(['2024-03-31', '2024-06-30']);
    s.redo();
    s.redo();
    expect(s.engine.line(road)!.disbursed).toBe(800);
    s.close();
  });

  it('removes a period and its figures as one step, and brings them back', () => {
    const s = open();
    const road = keyOf(s, 'ĐT.585');
    s.addPeriod('2024-03-31', 'quarter');
    s.setDisbursed('2024-03-31', road, 'plan', 200);
    expect(s.removePeriod('2024-06-30')).toEqual({ ok: true });
    expect(s.plan.periods.map((p) => p.end)).toEqual(['2024-03-31']);
    expect(s.engine.group('total', '')!.disbursed).toBe(200);
    s.undo();
    expect(s.engine.group('total', '')!.disbursed).toBe(2040);
    expect(s.plan.periods.map((p) => p.end)).toEqual(['2024-03-31', '2024-06-30']);
    s.redo();
    expect(s.engine.group('total', '')!.disbursed).toBe(200);
    s.close();
  });
});
