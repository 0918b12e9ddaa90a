import { describe, expect, it } from 'vitest';
import { annualPlanFrom, type AnnualPlan, lineKey, planYears } from './execution';
import { applyReport } from './executionApply';
import { executionFigures, periodSeries, targetAt } from './executionFigures';
import { figureKey, matchReport, type ReportLine, type ReportSheet } from './executionReport';
import { makePlan } from './template';

/** A 2012–2014 plan: two sections, four projects, sources ĐTPT and SN. */
const plan = () =>
  makePlan({
    years: [2012, 2013, 2014],
    rows: [
      ['section', 0, 'Hạ tầng'],
      [
        'project',
        1,
        'Mạng LAN các sở',
        { lead: 'Sở TT&TT', '2012:ĐTPT': 100, '2013:ĐTPT': 400, '2013:SN': 100 },
      ],
      ['project', 1, 'Trung tâm dữ liệu tỉnh', { lead: 'VP UBND tỉnh', '2013:ĐTPT': 1000 }],
      ['section', 0, 'Ứng dụng'],
      ['project', 1, 'Phần mềm một cửa', { lead: 'Sở Nội vụ', '2012:SN': 50, '2013:SN': 200 }],
      ['project', 1, 'Cổng thông tin điện tử', { lead: 'Sở TT&TT', '2014:SN': 70 }],
    ],
  });

const line = (
  n: number,
  name: string,
  lead: string,
  figures: Record<string, Record<string, number>>,
  code = '',
): ReportLine => ({ line: n, kind: 'project', level: 1, name, lead, code, figures });

const sheet = (lines: ReportLine[]): ReportSheet => ({ name: 'BC', title: '', columns: [], lines });

const ytd = (all: number, carry?: number) => ({
  [figureKey('ytd', 'all')]: { '': all },
  ...(carry !== undefined ? { [figureKey('ytd', 'carry')]: { '': carry } } : {}),
});

function tracked(): AnnualPlan {
  return annualPlanFrom(plan(), 2013, { now: 1, id: 't' });
}

describe('a year’s tracking from a plan', () => {
  it('takes the year’s allocation per project and source, earlier years as the cumulative allocation', () => {
    const t = tracked();
    expect(planYears(plan())).toEqual([2012, 2013, 2014]);
    expect(t.sources).toEqual(['ĐTPT', 'SN']);
    expect(t.projects.map((p) => [p.name, p.path])).toEqual([
      ['Mạng LAN các sở', ['1. Hạ tầng']],
      ['Trung tâm dữ liệu tỉnh', ['1. Hạ tầng']],
      ['Phần mềm một cửa', ['4. Ứng dụng']],
      ['Cổng thông tin điện tử', ['4. Ứng dụng']],
    ]);
    expect(t.lines.map((l) => [l.projectId, l.source, l.plan, l.priorAllocated])).toEqual([
      ['r2', 'ĐTPT', 400, 100],
      ['r2', 'SN', 100, 0],
      ['r3', 'ĐTPT', 1000, 0],
      ['r5', 'SN', 200, 50],
      ['r6', 'SN', 0, 0], // no figure for 2013: its other years' source
    ]);
    expect(t.targets).toEqual([
      { date: '2013-09-30', rate: 0.6 },
      { date: '2014-01-31', rate: 0.95 },
    ]);
  });

  it('records reports by period: carry-over apart, per source in proportion to the plan, latest figure to date', () => {
    let t = tracked();
    t.lines[0].carry = 50; // the 2012 plan carried over, typed by the user
    const jan = sheet([
      line(10, 'Mạng LAN các sở', 'Sở TT&TT', ytd(150, 30)),
      line(11, 'Trung tâm dữ liệu tỉnh', 'VP UBND tỉnh', ytd(100)),
    ]);
    const m1 = matchReport(t, jan);
    expect(m1.matched.map((m) => [m.line.line, m.projectId, m.by])).toEqual([
      [10, 'r2', 'key'],
      [11, 'r3', 'key'],
    ]);
    t = applyReport(t, m1.matched, { end: '2013-01-31' }).plan;
    // 150 disbursed, 30 of it the carry-over: 120 of the 2013 plan shared 400:100 over ĐTPT and SN
    expect(t.disbursed['2013-01-31'][lineKey('r2', 'ĐTPT')]).toEqual({ plan: 96, carry: 30 });
    expect(t.disbursed['2013-01-31'][lineKey('r2', 'SN')]).toEqual({ plan: 24, carry: 0 });
    // February: in-month figures only, the data centre missing from the report
    const feb = sheet([
      line(5, 'MẠNG LAN CÁC SỞ', 'Sở TT&TT', { [figureKey('inPeriod', 'all')]: { '': 100 } }),
    ]);
    t = applyReport(t, matchReport(t, feb).matched, { end: '2013-02-28' }).plan;
    const f = executionFigures(t);
    expect(f.asOf).toBe('2013-02-28');
    const lan = f.projects.find((p) => p.project.id === 'r2')!;
    expect([lan.planned, lan.disbursed, lan.carry, lan.carryDisbursed]).toEqual([500, 220, 50, 30]);
    expect(lan.rate).toBeCloseTo(0.44, 12);
    expect(lan.carryRate).toBeCloseTo(0.6, 12);
    expect(lan.cumulativeAllocated).toBe(600);
    expect(lan.cumulativeDisbursed).toBe(250);
    expect(lan.remaining).toBe(280);
    const dc = f.projects.find((p) => p.project.id === 'r3')!;
    expect(dc.disbursed).toBe(100); // its January figure stays its figure to date
    expect(f.total).toMatchObject({ planned: 1700, disbursed: 320, carry: 50, carryDisbursed: 30 });
    expect(f.bySource.map((s) => [s.key, s.planned, s.disbursed])).toEqual([
      ['ĐTPT', 1400, 276],
      ['SN', 300, 44],
    ]);
    expect(f.byUnit.map((u) => [u.label, u.planned, u.disbursed, u.projects])).toEqual([
      ['Sở TT&TT', 500, 220, 2],
      ['VP UBND tỉnh', 1000, 100, 1],
      ['Sở Nội vụ', 200, 0, 1],
    ]);
    expect(f.bySection.map((s) => [s.label, s.planned, s.disbursed])).toEqual([
      ['1. Hạ tầng', 1500, 320],
      ['4. Ứng dụng', 200, 0],
    ]);
    expect(periodSeries(t).map((p) => [p.end, p.disbursed, p.inPeriod])).toEqual([
      ['2013-01-31', 220, 220],
      ['2013-02-28', 320, 100],
    ]);
  });

  it('flags projects behind the target curve at the as-of date', () => {
    let t = tracked();
    const jun = sheet([
      line(1, 'Mạng LAN các sở', 'Sở TT&TT', ytd(300)),
      line(2, 'Trung tâm dữ liệu tỉnh', 'VP UBND tỉnh', ytd(100)),
      line(3, 'Phần mềm một cửa', 'Sở Nội vụ', ytd(60)),
    ]);
    t = applyReport(t, matchReport(t, jun).matched, { end: '2013-06-30' }).plan;
    const f = executionFigures(t);
    // 0 on 01/01, 60 % on 30/09: 180 of 272 days → 39.7 %
    expect(f.target).toBeCloseTo((0.6 * 180) / 272, 9);
    expect(f.projects.filter((p) => p.behind).map((p) => p.project.name)).toEqual([
      'Trung tâm dữ liệu tỉnh',
      'Phần mềm một cửa',
    ]);
    expect(f.byUnit.find((u) => u.label === 'VP UBND tỉnh')!.behind).toBe(1);
    expect(targetAt(t.targets, 2013, '2013-09-30')).toBe(0.6);
    expect(targetAt(t.targets, 2013, '2014-01-31')).toBe(0.95);
    expect(targetAt(t.targets, 2013, '2014-03-01')).toBe(0.95);
    expect(targetAt([], 2013, '2013-06-30')).toBeNull();
  });

  it('matches by code first, never by position; a similar name with another code stays unmatched', () => {
    const t = tracked();
    t.projects[0].code = '7000001';
    t.projects[1].code = '7000002';
    const r = sheet([
      line(1, 'Hạng mục khác hẳn', 'Ai đó', ytd(5), '7000002'),
      line(2, 'Mạng LAN các sở (giai đoạn 2)', 'Sở TT&TT', ytd(5), '7999999'),
      line(3, 'Phần mềm một cửa điện tử', 'Sở Nội vụ', ytd(5)),
      line(4, 'Dự án chưa có trong kế hoạch', 'UBND huyện', ytd(5)),
    ]);
    const m = matchReport(t, r);
    expect(m.matched.map((x) => [x.line.line, x.projectId, x.by])).toEqual([
      [1, 'r3', 'code'],
      [3, 'r5', 'similar'],
    ]);
    expect(m.unmatched.map((l) => l.line)).toEqual([2, 4]);
    // the user pairs line 4 with the portal and dismisses line 2: both remembered for the next report
    t.pairs['name:du an chua co trong ke hoach|ubnd huyen'] = 'r6';
    t.pairs['code:7999999'] = '';
    const again = matchReport(t, r);
    expect(again.matched.find((x) => x.line.line === 4)).toMatchObject({
      projectId: 'r6',
      by: 'user',
    });
    expect(again.dismissed.map((l) => l.line)).toEqual([2]);
    expect(again.unmatched).toEqual([]);
  });

  it('matches on names alone when the report has no investor column', () => {
    const t = tracked();
    const m = matchReport(
      t,
      sheet([
        line(1, 'Phần mềm một cửa', '', ytd(5)),
        line(2, 'Trung tâm dữ liệu tỉnh', '', ytd(5)),
      ]),
    );
    expect(m.matched.map((x) => [x.projectId, x.by])).toEqual([
      ['r5', 'key'],
      ['r3', 'key'],
    ]);
  });

  it('takes the allocations a report states where the tracking has none, and lists differences', () => {
    const t = tracked();
    const r = sheet([
      line(1, 'Mạng LAN các sở', 'Sở TT&TT', {
        [figureKey('carry', 'all')]: { '': 80 },
        [figureKey('priorDisbursed', 'all')]: { '': 90 },
        [figureKey('plan', 'all')]: { ĐTPT: 450, SN: 100 },
        ...ytd(0),
      }),
    ]);
    const a = applyReport(t, matchReport(t, r).matched, { end: '2013-03-31', factor: 1 });
    const lan = a.plan.lines.filter((l) => l.projectId === 'r2');
    expect(lan.map((l) => [l.source, l.carry, l.priorDisbursed])).toEqual([
      ['ĐTPT', 64, 72],
      ['SN', 16, 18],
    ]);
    expect(a.filled).toBe(2);
    expect(a.differences).toEqual([
      { projectId: 'r2', line: 1, field: 'plan', tracking: 500, report: 550 },
    ]);
    // a report in đồng for a plan in triệu đồng
    const b = applyReport(
      t,
      matchReport(t, sheet([line(1, 'Mạng LAN các sở', 'Sở TT&TT', ytd(250_000_000))])).matched,
      {
        end: '2013-03-31',
        factor: 1e-6,
      },
    );
    expect(executionFigures(b.plan).projects[0].disbursed).toBe(250);
  });
});

describe('names cut short', () => {
  it('pairs a report line whose name is the start of one project’s name, under the same unit', () => {
    const t = annualPlanFrom(
      makePlan({
        years: [2013],
        rows: [
          [
            'project',
            0,
            'Tập huấn CIO, lập và quản lý dự án (khoảng 200 học viên)',
            { lead: 'Sở TT' },
          ],
          ['project', 0, 'Tập huấn kỹ năng quản trị mạng', { lead: 'Sở TT' }],
        ],
      }),
      2013,
    );
    const m = matchReport(
      t,
      sheet([line(1, 'Tập huấn CIO, lập và quản lý dự án', 'Sở TT', ytd(1))]),
    );
    expect(m.matched.map((x) => [x.projectId, x.doubtful])).toEqual([['r1', true]]);
  });
});

describe('plans listing a project once per source section', () => {
  it('makes one project with a line per source', () => {
    const wb = makePlan({
      years: [2024],
      sources: ['ĐTPT'],
      rows: [
        ['section', 0, 'VỐN NGÂN SÁCH TRUNG ƯƠNG'],
        ['project', 1, 'Đường ven biển', { lead: 'Ban GT', '2024:ĐTPT': 300 }],
        ['section', 0, 'Vốn ngân sách địa phương'],
        ['project', 1, 'Đường ven biển', { lead: 'Ban GT', '2024:ĐTPT': 100 }],
        ['project', 1, 'Kè sông', { lead: 'Ban GT', '2024:ĐTPT': 50 }],
      ],
    });
    const t = annualPlanFrom(wb, 2024);
    expect(t.projects.map((p) => [p.id, p.name, p.path])).toEqual([
      ['r2', 'Đường ven biển', []],
      ['r5', 'Kè sông', []],
    ]);
    // the sections name the sources (the plan's one column holds each section's figure)
    expect(t.lines.map((l) => [l.projectId, l.source, l.plan])).toEqual([
      ['r2', 'NSTW', 300],
      ['r2', 'NST', 100],
      ['r5', 'NST', 50],
    ]);
    expect(t.sources).toEqual(['NSTW', 'NST']);
  });
});

describe('a plan without sources, a report with them', () => {
  it('splits a project’s line by the report’s sources at its first figures', () => {
    let t = annualPlanFrom(
      makePlan({
        years: [2024],
        sources: ['ĐTPT'],
        rows: [['project', 0, 'Đường ven biển', { lead: 'Ban GT', '2024:ĐTPT': 400 }]],
      }),
      2024,
    );
    t = { ...t, sources: [''], lines: t.lines.map((l) => ({ ...l, source: '' })) };
    const r = sheet([
      line(1, 'Đường ven biển', 'Ban GT', {
        [figureKey('plan', 'all')]: { '': 400, NSTW: 300, NST: 100 },
        [figureKey('ytd', 'all')]: { '': 200, NSTW: 160, NST: 40 },
      }),
    ]);
    t = applyReport(t, matchReport(t, r).matched, { end: '2024-06-30' }).plan;
    expect(t.sources).toEqual(['NSTW', 'NST']);
    expect(t.lines.map((l) => [l.source, l.plan])).toEqual([
      ['NSTW', 300],
      ['NST', 100],
    ]);
    expect(executionFigures(t).bySource.map((s) => [s.key, s.planned, s.disbursed])).toEqual([
      ['NSTW', 300, 160],
      ['NST', 100, 40],
    ]);
  });
});
