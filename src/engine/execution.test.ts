import { describe, expect, it } from 'vitest';
import { annualPlanFrom, type AnnualPlan, lineKey } from '../domain/execution';
import { applyReport } from '../domain/executionApply';
import { executionFigures, type Figures } from '../domain/executionFigures';
import { figureKey, matchReport, type ReportLine } from '../domain/executionReport';
import { normaliseName } from '../domain/match';
import { makePlan } from '../domain/template';
import { ExecutionEngine, type LiveFigures } from './execution';

function tracking(): AnnualPlan {
  const wb = makePlan({
    years: [2023, 2024],
    rows: [
      ['section', 0, 'Giao thông'],
      [
        'project',
        1,
        'Đường A',
        { lead: 'Ban GT', '2023:ĐTPT': 300, '2024:ĐTPT': 400, '2024:SN': 100 },
      ],
      ['project', 1, 'Cầu B', { lead: 'Ban GT', '2024:ĐTPT': 1000 }],
      ['section', 0, 'CNTT'],
      ['project', 1, 'Phần mềm C', { lead: 'Sở TT', '2024:SN': 200 }],
    ],
  });
  let t = annualPlanFrom(wb, 2024, { now: 1 });
  t.lines[0].carry = 50;
  const line = (name: string, lead: string, all: number, carry?: number): ReportLine => ({
    line: 1,
    kind: 'project',
    level: 1,
    name,
    lead,
    code: '',
    figures: {
      [figureKey('ytd', 'all')]: { '': all },
      ...(carry ? { [figureKey('ytd', 'carry')]: { '': carry } } : {}),
    },
  });
  const sheet = {
    name: 'x',
    title: '',
    columns: [],
    lines: [
      line('Đường A', 'Ban GT', 250, 50),
      line('Cầu B', 'Ban GT', 100),
      line('Phần mềm C', 'Sở TT', 150),
    ],
  };
  t = applyReport(t, matchReport(t, sheet).matched, { end: '2024-06-30' }).plan;
  return t;
}

const same = (live: LiveFigures | undefined, f: Figures) => {
  expect(live).toBeDefined();
  expect(live!.planned).toBeCloseTo(f.planned, 9);
  expect(live!.disbursed).toBeCloseTo(f.disbursed, 9);
  expect(live!.carry).toBeCloseTo(f.carry, 9);
  expect(live!.carryDisbursed).toBeCloseTo(f.carryDisbursed, 9);
  expect(live!.remaining).toBeCloseTo(f.remaining, 9);
  expect(live!.cumulativeDisbursed).toBeCloseTo(f.cumulativeDisbursed, 9);
  if (f.rate === null) expect(live!.rate).toBeNull();
  else expect(live!.rate).toBeCloseTo(f.rate, 9);
};

function agrees(e: ExecutionEngine, t: AnnualPlan): void {
  const f = executionFigures(t);
  same(e.group('total', ''), f.total);
  for (const s of f.bySource) same(e.group('source', s.key), s);
  for (const s of f.bySection) same(e.group('section', s.key), s);
  for (const u of f.byUnit) {
    same(e.group('unit', normaliseName(u.label)), u);
    expect(e.group('unit', normaliseName(u.label))!.behind).toBe(u.behind);
  }
  for (const p of f.projects) same(e.project(p.project.id), p);
}

describe('the execution engine', () => {
  it('computes the same figures as the domain, and follows edits, reports and the target', () => {
    let t = tracking();
    const e = new ExecutionEngine();
    const target = executionFigures(t).target;
    e.load(t, target);
    expect(e.size).toBe(3);
    expect(e.projectOrder()).toEqual(['r2', 'r3', 'r5']); // by unit, then section
    expect(e.line(lineKey('r2', 'SN'))).toMatchObject({ planned: 100, disbursed: 40, rate: 0.4 });
    agrees(e, t);
    expect(e.group('total', '')!.behind).toBe(1); // the bridge at 10 % (target 39.7 %)
    // an edit of the year's plan of one line
    t = { ...t, lines: t.lines.map((l) => (l.projectId === 'r3' ? { ...l, plan: 200 } : l)) };
    e.setInputs([{ key: lineKey('r3', 'ĐTPT'), field: 'plan', value: 200 }]);
    agrees(e, t);
    expect(e.line(lineKey('r3', 'ĐTPT'))!.rate).toBe(0.5);
    // a new period recorded: every to-date figure at once
    const d = { ...t.disbursed['2024-06-30'] };
    d[lineKey('r5', 'SN')] = { plan: 190, carry: null };
    t = {
      ...t,
      periods: [...t.periods, { id: '2024-09-30', end: '2024-09-30', kind: 'month' }],
      disbursed: { ...t.disbursed, '2024-09-30': d },
    };
    e.setAll(t);
    e.setTarget(executionFigures(t).target);
    agrees(e, t);
    e.setTarget(0);
    expect(e.group('total', '')!.behind).toBe(0);
    e.destroy();
  });
  it('writes only the to-date figures a report changed, reads a project without a plan as no rate', () => {
    let t = tracking();
    const e = new ExecutionEngine();
    e.load(t, executionFigures(t).target);
    // a later report: one figure changed, the target moves with the date
    const d = { ...t.disbursed['2024-06-30'] };
    d[lineKey('r3', 'ĐTPT')] = { plan: 900, carry: null };
    t = {
      ...t,
      periods: [...t.periods, { id: '2024-11-30', end: '2024-11-30', kind: 'month' }],
      disbursed: { ...t.disbursed, '2024-11-30': d },
    };
    e.setToDate(t, executionFigures(t).target);
    agrees(e, t);
    expect(e.line(lineKey('r3', 'ĐTPT'))!.disbursed).toBe(900);
    // the same figures again: nothing to write, nothing changes
    e.setToDate(t);
    agrees(e, t);
    // no plan for the year: no rate, never behind
    t = { ...t, lines: t.lines.map((l) => (l.projectId === 'r5' ? { ...l, plan: 0 } : l)) };
    e.setInputs([{ key: lineKey('r5', 'SN'), field: 'plan', value: 0 }]);
    agrees(e, t);
    expect(e.project('r5')).toMatchObject({ rate: null, behind: 0 });
    e.destroy();
  });
  it('writes allocations of several lines at once, with gaps between the fields (a report filling them)', () => {
    let t = tracking();
    const e = new ExecutionEngine();
    e.load(t, executionFigures(t).target);
    const set = { r2: { carry: 80, priorDisbursed: 900 }, r3: { carry: 20, priorDisbursed: 500 } };
    t = {
      ...t,
      lines: t.lines.map((l) =>
        l.source === 'ĐTPT' && l.projectId in set
          ? { ...l, ...set[l.projectId as keyof typeof set] }
          : l,
      ),
    };
    e.setInputs(
      Object.entries(set).flatMap(([id, v]) => [
        { key: lineKey(id, 'ĐTPT'), field: 'carry' as const, value: v.carry },
        { key: lineKey(id, 'ĐTPT'), field: 'priorDisbursed' as const, value: v.priorDisbursed },
      ]),
    );
    agrees(e, t);
    expect(e.group('total', '')!.carry).toBe(100);
    e.destroy();
  });
});
