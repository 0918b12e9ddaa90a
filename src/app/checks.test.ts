import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify, type Finding } from '../domain/checks';
import { makePlan } from '../domain/template';
import type { Workbook } from '../domain/types';
import { parsePlanbook } from '../io/planbookFile';
import { WorkbookSession } from './session';

const A11 = 'y2011_dtpt';
const S11 = 'y2011_sn';

function session(wb: Workbook) {
  return new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
}
const brief = (f: Finding[]) =>
  f.map((x) => `${x.rule}:${x.severity}:${x.label}:${x.expected}/${x.actual}`);

describe('tolerance', () => {
  it('never lets floating noise raise a finding; explains rounding; flags the rest', () => {
    expect(classify(0.3, 0.1 + 0.2, 2)).toBe('ok');
    expect(classify(100, 99.9, 3)).toBe('warning'); // 33,3 × 3: within 3 × 0,5
    expect(classify(100, 98, 3)).toBe('error');
    expect(classify(100, 101, 2)).toBe('warning');
    expect(classify(100, 101, 1)).toBe('error'); // one term: allowance 0,5
    expect(classify(334327.57, 334327.56, 2)).toBe('warning'); // unit of the stated figure: 0,01
    expect(classify(334327.57, 334327.4, 2)).toBe('error');
  });
});

describe('rules on small built plans', () => {
  it('row-total', () => {
    const s = session(
      makePlan({
        rows: [
          ['project', 0, 'ok', { '2011:ĐTPT': 60, '2011:SN': 40, stated: 100 }],
          ['project', 0, 'off', { '2011:ĐTPT': 60, '2011:SN': 30, stated: 100 }],
          [
            'project',
            0,
            'rounded',
            { '2011:ĐTPT': 33.3, '2011:SN': 33.3, '2012:SN': 33.3, stated: 100 },
          ],
          ['project', 0, 'noise', { '2011:ĐTPT': 0.1, '2011:SN': 0.2, stated: 0.3 }],
          ['project', 0, 'no stated total', { '2011:ĐTPT': 5 }],
        ],
      }),
    );
    expect(brief(s.checks.list(s.workbook, 's1'))).toEqual([
      'row-total:error:off:100/90',
      'row-total:warning:rounded:100/99.9',
    ]);
  });

  it('section-total, in any column', () => {
    const s = session(
      makePlan({
        rows: [
          ['section', 0, 'I', { [A11]: 300, stated: 305 }],
          ['project', 1, 'a', { [A11]: 100, stated: 100 }],
          ['project', 1, 'b', { [A11]: 200, stated: 200 }],
          ['section', 0, 'II', { [A11]: 31 }],
          ['project', 1, 'c', { [A11]: 10 }],
          ['project', 1, 'd', { [A11]: 20 }],
        ],
      }),
    );
    expect(brief(s.checks.list(s.workbook, 's1'))).toEqual([
      'section-total:error:I:305/300',
      'section-total:warning:II:31/30',
    ]);
  });

  it('grand-total and stated-plan-total', () => {
    const wb = makePlan({
      rows: [
        ['project', 0, 'a', { [A11]: 100, [S11]: 10 }],
        ['project', 0, 'b', { [A11]: 200 }],
        ['total', 0, 'Tổng vốn ĐTPT', { [A11]: 300, stated: 350 }],
        ['total', 0, 'Tổng cộng', { y2011: 311 }],
      ],
    });
    wb.sheets[0].rows[2].totalSource = 'ĐTPT';
    wb.meta.stated = { total: 310, bySource: { ĐTPT: 300, SN: 12 } };
    const s = session(wb);
    expect(brief(s.checks.list(s.workbook, 's1'))).toEqual([
      'grand-total:error:Tổng vốn ĐTPT:350/300',
      'grand-total:warning:Tổng cộng:311/310',
      'stated-plan-total:error:Kế hoạch giai đoạn 2011–2012:12/10',
    ]);
  });

  it('column-rule from a column-code row (4=2-3)', () => {
    const wb = makePlan({
      rows: [
        ['project', 0, 'holds', { [A11]: 100, [S11]: 30, y2012_dtpt: 70 }],
        ['project', 0, 'breaks', { [A11]: 100, [S11]: 30, y2012_dtpt: 60 }],
        ['project', 0, 'empty', {}],
      ],
    });
    const codes: Record<string, string> = { [A11]: '2', [S11]: '3', y2012_dtpt: '4=2-3' };
    const walk = (ns: Workbook['sheets'][0]['columns']): void =>
      ns.forEach((n) =>
        n.kind === 'leaf' ? codes[n.id] && (n.code = codes[n.id]) : walk(n.children),
      );
    walk(wb.sheets[0].columns);
    const s = session(wb);
    expect(brief(s.checks.list(s.workbook, 's1'))).toEqual(['column-rule:error:breaks:60/70']);
  });

  it('updates live: a row that stops adding up appears, and disappears when fixed, undone or redone', () => {
    const s = session(
      makePlan({ rows: [['project', 0, 'a', { [A11]: 60, [S11]: 40, stated: 100 }]] }),
    );
    const set = (v: number) =>
      s.dispatch(
        { type: 'setCells', sheetId: 's1', changes: [{ rowId: 'r1', colId: A11, value: v }] },
        'x',
      );
    expect(s.checks.list(s.workbook, 's1')).toEqual([]);
    set(70);
    expect(brief(s.checks.list(s.workbook, 's1'))).toEqual(['row-total:error:a:100/110']);
    s.undo();
    expect(s.checks.list(s.workbook, 's1')).toEqual([]);
    s.redo();
    expect(s.checks.list(s.workbook, 's1')).toHaveLength(1);
    set(60);
    expect(s.checks.list(s.workbook, 's1')).toEqual([]);
  });
});

describe('the sample plan', () => {
  it('finds exactly what the hand audit in fixtures/README.md found', () => {
    const r = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
    if (!r.ok) throw new Error('sample');
    const s = session(r.workbook);
    const f = s.checks.list(s.workbook, s.workbook.sheets[0].id);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
    const by = (rule: string) =>
      f
        .filter((x) => x.rule === rule)
        .map((x) => `${x.label.slice(0, 24)}|${x.scope}|${x.expected}|${x.actual}`);
    expect(by('row-total')).toEqual([
      'XD và triển khai hệ thốn|Tổng mức đầu tư|1500|1000',
      'Dự án GIS chuyên đề Thôn|Tổng mức đầu tư|2000|1000',
      'Tập huấn kỹ năng quản tr|Tổng mức đầu tư|300|150',
    ]);
    expect(by('section-total')).toEqual([
      'Xây dựng cơ sở hạ tầng t|Tổng mức đầu tư|36300|41300',
      'Ứng dụng CNTT trong QLNN|Tổng mức đầu tư|7800|10200',
    ]);
    expect(by('grand-total')).toEqual([
      'Tổng vốn đầu tư phát tri|2011 ĐTPT|9100|6500',
      'Tổng vốn đầu tư phát tri|2012 ĐTPT|14400|11000',
      'Tổng vốn đầu tư phát tri|2013 ĐTPT|14800|11500',
      'Tổng vốn đầu tư phát tri|2014 ĐTPT|8300|7000',
      'Tổng vốn đầu tư phát tri|2015 ĐTPT|3500|3600',
      'Tổng vốn đầu tư phát tri|ĐTPT|50100|39600',
      'Tổng vốn sự nghiệp TT&TT|2011 SN|2050|2600',
      'Tổng vốn sự nghiệp TT&TT|2012 SN|3500|3850',
      'Tổng vốn sự nghiệp TT&TT|2013 SN|2300|2450',
      'Tổng vốn sự nghiệp TT&TT|2014 SN|2150|1300',
      'Tổng vốn sự nghiệp TT&TT|2015 SN|1500|50',
      'Tổng vốn sự nghiệp TT&TT|SN|11500|10250',
      'Tổng cộng||61600|49850',
      'Tổng cộng|2011|11150|9100',
      'Tổng cộng|2012|17900|14850',
      'Tổng cộng|2013|17100|13950',
      'Tổng cộng|2014|10450|8300',
      'Tổng cộng|2015|5000|3650',
    ]);
    expect(by('stated-plan-total')).toHaveLength(3);
    const flagged = new Set(f.map((x) => x.rowId));
    const clean = s.workbook.sheets[0].rows.filter(
      (x) => x.kind === 'project' && !flagged.has(x.id),
    );
    expect(clean).toHaveLength(14); // every other project adds up
  });
});
