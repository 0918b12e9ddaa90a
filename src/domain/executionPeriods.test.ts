import { describe, expect, it } from 'vitest';
import type { AnnualPlan } from './execution';
import { applyReport } from './executionApply';
import { executionFigures } from './executionFigures';
import { dayBefore, periodClash, periodLabel, periodStart, quarterEnd } from './executionPeriods';
import { figureKey, matchReport, type ReportLine } from './executionReport';
import { nestedTracking } from './executionSamples';

const line = (name: string, key: string, amount: number): ReportLine => ({
  line: 1,
  kind: 'project',
  level: 1,
  name,
  lead: '',
  code: '',
  figures: { [key]: { '': amount } },
});

/** Records one report line for the road (ĐT.585) as the figures of a period. */
function record(t: AnnualPlan, end: string, kind: 'month' | 'quarter', key: string, v: number) {
  const sheet = { name: 'x', title: '', columns: [], lines: [line('ĐT.585', key, v)] };
  return applyReport(t, matchReport(t, sheet).matched, { end, kind }).plan;
}

const road = (t: AnnualPlan) =>
  executionFigures(t).projects.find((p) => p.project.name === 'ĐT.585')!.disbursed;

describe('reporting periods', () => {
  it('knows what a month and a quarter cover, and names them', () => {
    expect(quarterEnd(2024, 1)).toBe('2024-03-31');
    expect(periodStart({ end: '2024-06-30', kind: 'quarter' })).toBe('2024-04-01');
    expect(periodStart({ end: '2024-02-29', kind: 'month' })).toBe('2024-02-01');
    expect(periodStart({ end: '2024-03-15', kind: 'month' })).toBeNull();
    expect(periodStart({ end: '2024-05-31', kind: 'quarter' })).toBeNull();
    expect(dayBefore('2024-01-01')).toBe('2023-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(periodLabel({ end: '2024-09-30', kind: 'quarter' })).toBe('Quý III/2024');
    expect(periodLabel({ end: '2024-09-30', kind: 'quarter' }, 'en')).toBe('Q3 2024');
    expect(periodLabel({ end: '2024-03-31', kind: 'month' })).toBe('Tháng 3/2024');
    expect(periodLabel({ end: '2024-03-15', kind: 'month' })).toBe('15/03/2024');
  });

  it('allows months inside a quarter, refuses two periods ending on the same day', () => {
    const periods = [{ id: 'q', end: '2024-06-30', kind: 'quarter' as const }];
    expect(periodClash(periods, 2024, { end: '2024-05-31', kind: 'month' })).toBeNull();
    expect(periodClash(periods, 2024, { end: '2024-06-30', kind: 'month' })).toEqual({
      why: 'sameEnd',
      other: periods[0],
    });
    expect(periodClash(periods, 2024, { end: '2024-06-30', kind: 'quarter' })).toBe('existing');
  });

  it('adds what a quarter’s report says was disbursed in the quarter to the end of the quarter before', () => {
    let t: AnnualPlan = { ...nestedTracking(), periods: [], disbursed: {} };
    const ytd = figureKey('ytd', 'all');
    const inPeriod = figureKey('inPeriod', 'all');
    t = record(t, '2024-03-31', 'quarter', ytd, 100); // quarter I: 100 from 01/01
    t = record(t, '2024-04-30', 'month', ytd, 150); // April and May, cumulative
    t = record(t, '2024-05-31', 'month', ytd, 220);
    expect(road(t)).toBe(220);
    // quarter II's report: 300 disbursed in April–June → 100 + 300, not May's 220 + 300
    t = record(t, '2024-06-30', 'quarter', inPeriod, 300);
    expect(road(t)).toBe(400);
    // July's report of the month alone adds to quarter II's checkpoint
    t = record(t, '2024-07-31', 'month', inPeriod, 50);
    expect(road(t)).toBe(450);
    // a report dated mid-month adds to the period before it
    t = record(t, '2024-08-15', 'month', inPeriod, 5);
    expect(road(t)).toBe(455);
  });
});
