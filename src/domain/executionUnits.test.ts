/**
 * A report's unit checked against its own year-plan column before its figures are recorded: a
 * report in đồng that states no unit (or states triệu đồng) is read in đồng and said so; without a
 * plan column, disbursement a million times the plan is flagged; a unit that fits says nothing.
 */
import { describe, expect, it } from 'vitest';
import { annualPlanFrom } from './execution';
import { applyReport } from './executionApply';
import { executionFigures } from './executionFigures';
import { pairingInput, prematch } from './executionPrematch';
import { figureKey, type ReportLine, type ReportReading } from './executionReport';
import { unitNoteText } from './executionUnits';
import { makePlan } from './template';

/** A 2013 plan in triệu đồng (the template's unit): three projects of 400, 1.000 and 200. */
const tracking = () =>
  annualPlanFrom(
    makePlan({
      years: [2013],
      rows: [
        ['project', 0, 'Mạng LAN các sở', { lead: 'Sở TT&TT', '2013:ĐTPT': 400 }],
        ['project', 0, 'Trung tâm dữ liệu tỉnh', { lead: 'VP UBND tỉnh', '2013:ĐTPT': 1000 }],
        ['project', 0, 'Phần mềm một cửa', { lead: 'Sở Nội vụ', '2013:ĐTPT': 200 }],
      ],
    }),
    2013,
    { now: 1, id: 't' },
  );

/** A report of 30/06/2013 with figures in `scale` đồng, the unit `unit` stated ('' none). */
function report(scale: number, unit: string, planColumn = true): ReportReading {
  const rows: [string, string, number, number][] = [
    ['Mạng LAN các sở', 'Sở TT&TT', 400, 100],
    ['Trung tâm dữ liệu tỉnh', 'VP UBND tỉnh', 1000, 750],
    ['Phần mềm một cửa', 'Sở Nội vụ', 200, 20],
  ];
  const k = 1e6 / scale;
  const lines: ReportLine[] = rows.map(([name, lead, plan, ytd], i) => ({
    line: i + 6,
    kind: 'project',
    level: 0,
    name,
    lead,
    code: '',
    figures: {
      ...(planColumn ? { [figureKey('plan', 'all')]: { '': plan * k } } : {}),
      [figureKey('ytd', 'all')]: { '': ytd * k },
    },
  }));
  const measures = [...(planColumn ? (['plan'] as const) : []), 'ytd'] as const;
  return {
    file: 'bc.xlsx',
    year: 2013,
    asOf: '2013-06-30',
    kind: 'month',
    unit,
    scale: unit ? { đồng: 1, 'triệu đồng': 1e6 }[unit]! : null,
    sheets: [
      {
        name: 'BC',
        title: '',
        columns: measures.map((m) => ({
          path: [m],
          meaning: { measure: m, part: 'all', source: null },
        })),
        lines,
      },
    ],
    warnings: [],
  };
}

/** The rates recorded from a report (by project name). */
function rates(r: ReportReading) {
  const plan = tracking();
  const pre = prematch(pairingInput(plan), r)!;
  const after = applyReport(plan, pre.match.matched, {
    end: '2013-06-30',
    factor: pre.factor,
  }).plan;
  return { pre, rates: executionFigures(after).projects.map((p) => p.rate) };
}

describe('the unit of a report checked against its own plan column', () => {
  it('says nothing when the stated unit fits (triệu đồng, or đồng converted)', () => {
    for (const [scale, unit] of [
      [1e6, 'triệu đồng'],
      [1, 'đồng'],
    ] as const) {
      const { pre, rates: got } = rates(report(scale, unit));
      expect(pre.unit).toBeUndefined();
      expect(got).toEqual([0.25, 0.75, 0.1]);
    }
  });

  it('reads a report in đồng that states no unit in đồng, and says so', () => {
    const { pre, rates: got } = rates(report(1, ''));
    expect(pre.unit).toMatchObject({ kind: 'inferred', factor: 1e-6, scale: 1, lines: 3 });
    expect(got).toEqual([0.25, 0.75, 0.1]);
    expect(unitNoteText('bc.xlsx', pre.unit!)).toBe(
      "bc.xlsx: no unit stated; its year's plan figures are 1,000,000 times the tracking's (3 lines): read in đồng",
    );
  });

  it('reads figures in đồng under a stated triệu đồng as their plan column shows, and says so', () => {
    const { pre, rates: got } = rates(report(1, 'triệu đồng'));
    expect(pre.unit).toMatchObject({ kind: 'contradicted', factor: 1e-6, stated: 'triệu đồng' });
    expect(got).toEqual([0.25, 0.75, 0.1]);
  });

  it('flags a disbursement a million times the plan when no plan column shows the unit', () => {
    const { pre } = rates(report(1, '', false));
    expect(pre.unit).toMatchObject({ kind: 'doubt', factor: 1, lines: 3 });
    expect(pre.unit!.rate).toBeCloseTo(250_000, 0);
    expect(unitNoteText('bc.xlsx', pre.unit!)).toMatch(/check the report's unit/);
  });
});
