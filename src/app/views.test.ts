import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import type { Workbook } from '../domain/types';
import { mergeUnits } from '../domain/units';
import { parsePlanbook } from '../io/planbookFile';
import { WorkbookSession } from './session';

const session = (wb: Workbook) =>
  new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
const build = (s: WorkbookSession, sheetId: string) => {
  for (const _ of s.views.prepareUnits(sheetId));
};

describe('the unit view', () => {
  const plan = () =>
    makePlan({
      rows: [
        ['section', 0, 'Hạ tầng'],
        ['project', 1, 'Mạng LAN', { lead: 'Sở TT và TT', '2011:ĐTPT': 100, '2012:SN': 10 }],
        ['project', 1, 'Trung tâm dữ liệu', { lead: 'VP UBND tỉnh', '2011:ĐTPT': 200 }],
        ['project', 1, 'Cổng thông tin', { lead: 'sở tt  và tt', '2012:ĐTPT': 50 }],
        ['section', 0, 'Ứng dụng'],
        ['project', 1, 'Một cửa', { lead: 'Sở TT&TT', '2012:SN': 30 }],
        ['project', 1, 'Đào tạo', { '2011:SN': 5 }],
      ],
    });

  it('adds up each unit live, merges spellings that differ in case and spacing, and follows edits', () => {
    const s = session(plan());
    build(s, 's1');
    const rows = () =>
      s.views
        .unitRows('s1')
        .map((u) => [u.name, u.count, u.amounts.y2011_dtpt, u.amounts.y2012_sn, u.total]);
    expect(rows()).toEqual([
      ['Sở TT và TT', 2, 100, 10, 160],
      ['VP UBND tỉnh', 1, 200, 0, 200],
      ['Sở TT&TT', 1, 0, 30, 30],
      ['', 1, 0, 0, 5],
    ]);
    s.dispatch(
      {
        type: 'setCells',
        sheetId: 's1',
        changes: [{ rowId: 'r2', colId: 'y2011_dtpt', value: 150 }],
      },
      'e',
    );
    expect(rows()[0]).toEqual(['Sở TT và TT', 2, 150, 10, 210]);
    // a project moves to another unit: its figures follow
    s.dispatch(
      {
        type: 'setCells',
        sheetId: 's1',
        changes: [{ rowId: 'r3', colId: 'lead', value: 'Sở TT và TT' }],
      },
      'e',
    );
    expect(rows().slice(0, 2)).toEqual([
      ['Sở TT và TT', 3, 350, 10, 410],
      ['VP UBND tỉnh', 0, 0, 0, 0],
    ]);
    s.undo();
    expect(rows()[1]).toEqual(['VP UBND tỉnh', 1, 200, 0, 200]);
  });

  it('merges units by the user’s aliases (one undoable step) and rebuilds', () => {
    const s = session(plan());
    build(s, 's1');
    const groups = s.views.unitGroups('s1');
    const aliases = mergeUnits(
      s.workbook.meta,
      [groups[0], groups[2]],
      'Sở Thông tin và Truyền thông',
    );
    let stale: string[] = [];
    s.subscribe((e) => (stale = e.viewsStale ?? []));
    s.dispatch({ type: 'setMeta', meta: { ...s.workbook.meta, unitAliases: aliases } }, 'merge');
    expect(stale).toEqual(['s1']);
    build(s, 's1');
    expect(s.views.unitRows('s1').map((u) => [u.name, u.count, u.total])).toEqual([
      ['Sở Thông tin và Truyền thông', 3, 190],
      ['VP UBND tỉnh', 1, 200],
      ['', 1, 5],
    ]);
  });
});

describe('the views of the sample plan (Quảng Trị 2011–2015), against a hand computation', () => {
  const r = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
  if (!r.ok) throw new Error('sample');
  const s = session(r.workbook);
  const sheet = r.workbook.sheets[0].id;
  build(s, sheet);

  it('by unit', () => {
    // Sở TT và TT: qt02 15.800 + qt05 8.000 + qt06 3.500 + qt07 7.000 + qt16 1.000 + qt17 1.000
    // + qt18 150 + qt19 100 = 36.550; VP UBND tỉnh: qt03 2.000 + qt04 5.000 + qt09 1.000
    // + qt10 1.500 + qt11 1.000 + qt12 500 = 11.000; Sở Tài Chính 1.500; Thanh tra tỉnh 300;
    // Sở Nội vụ 500 — 49.850 in all, the plan's computed total
    expect(s.views.unitRows(sheet).map((u) => [u.name, u.count, u.total])).toEqual([
      ['Sở TT và TT', 8, 36550],
      ['VP UBND tỉnh', 6, 11000],
      ['Sở Tài Chính', 1, 1500],
      ['Thanh tra tỉnh', 1, 300],
      ['Sở Nội vụ', 1, 500],
    ]);
    // Sở TT và TT in 2012: ĐTPT 4.500 + 2.000 + 2.000 = 8.500; SN 600 + 500 + 150 = 1.250
    const tt = s.views.unitRows(sheet)[0];
    expect([tt.amounts.y2012_dtpt, tt.amounts.y2012_sn]).toEqual([8500, 1250]);
  });

  it('by year, with ceilings', () => {
    // 2011: ĐTPT 3.500 + 2.000 + 1.000 = 6.500, SN 500 + 500 + 300 + 300 + 1.000 = 2.600 → 9.100
    // 2012: 11.000 + 3.850 = 14.850; 2013: 11.500 + 2.450 = 13.950; 2014: 7.000 + 1.300 = 8.300;
    // 2015: 3.600 + 50 = 3.650; 49.850 in all
    const years = s.views.yearRows(sheet);
    expect(
      years.map((y) => [y.year, y.bySource['ĐTPT'].amount, y.bySource.SN.amount, y.all.amount]),
    ).toEqual([
      [2011, 6500, 2600, 9100],
      [2012, 11000, 3850, 14850],
      [2013, 11500, 2450, 13950],
      [2014, 7000, 1300, 8300],
      [2015, 3600, 50, 3650],
    ]);
    expect(years[0].all.share).toBeCloseTo(9100 / 49850, 9);
    expect(years[1].all.cumulative).toBe(23950);
    expect(years[4].bySource['ĐTPT'].cumulative).toBe(39600);
    expect(years[1].bySource['ĐTPT'].share).toBeCloseTo(11000 / 39600, 9);
    s.dispatch(
      {
        type: 'setMeta',
        meta: { ...s.workbook.meta, ceilings: { '2012|ĐTPT': 10000, '2013|SN': 3000 } },
      },
      'ceilings',
    );
    const after = s.views.yearRows(sheet);
    expect(after[1].bySource['ĐTPT']).toMatchObject({ ceiling: 10000, gap: -1000, over: true });
    expect(after[2].bySource.SN).toMatchObject({ ceiling: 3000, gap: 550, over: false });
    expect(after[0].bySource['ĐTPT']).toMatchObject({ ceiling: null, gap: null, over: false });
    // an edit moves the year's figures at once
    s.dispatch(
      {
        type: 'setCells',
        sheetId: sheet,
        changes: [{ rowId: 'qt03', colId: 'y2013_dtpt', value: 1500 }],
      },
      'e',
    );
    expect(s.views.yearRows(sheet)[2].bySource['ĐTPT'].amount).toBe(12000);
    expect(s.views.unitRows(sheet)[1].total).toBe(11500);
  });
});

describe('the year view of a plan whose amounts have years but no sources', () => {
  it('adds up each year', () => {
    const wb = makePlan({
      years: [2017, 2018],
      sources: [],
      rows: [],
    });
    const sheet = wb.sheets[0];
    sheet.columns = [
      { kind: 'leaf', id: 'name', label: 'Chỉ tiêu', role: 'name' },
      { kind: 'leaf', id: 'y2017', label: 'Năm 2017', role: 'amount', year: 2017 },
      { kind: 'leaf', id: 'y2018', label: 'Năm 2018', role: 'amount', year: 2018 },
    ];
    sheet.rows = [
      {
        id: 'a',
        kind: 'project',
        level: 0,
        cells: { name: 'Thu nội địa', y2017: 990280, y2018: 1 },
      },
      { id: 'b', kind: 'project', level: 0, cells: { name: 'Thu dầu thô', y2017: 38300 } },
    ];
    const s = session(wb);
    expect(s.views.yearRows(sheet.id).map((y) => [y.year, y.all.amount, y.all.cumulative])).toEqual(
      [
        [2017, 1028580, 1028580],
        [2018, 1, 1028581],
      ],
    );
  });
});
