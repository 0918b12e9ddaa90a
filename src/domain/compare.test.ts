import { describe, expect, it } from 'vitest';
import { adjustmentTable, DROPPED_SECTION } from './adjustment';
import { compare } from './compare';
import { typedSide } from './compareColumns';
import { makePlan } from './template';
import type { Workbook } from './types';

const side = typedSide;

const before = makePlan({
  rows: [
    ['section', 0, 'Hạ tầng'],
    ['project', 1, 'Mạng LAN', { lead: 'Sở TT&TT', '2011:ĐTPT': 100, '2012:SN': 10 }],
    ['project', 1, 'Trung tâm dữ liệu', { lead: 'VP UBND', '2011:ĐTPT': 200 }],
    ['section', 0, 'Ứng dụng'],
    ['project', 1, 'Một cửa điện tử', { lead: 'Sở Nội vụ', '2012:SN': 50, notes: 'cũ' }],
    ['project', 1, 'Đào tạo', { lead: 'Sở Nội vụ', '2011:SN': 30 }],
  ],
});

function after(): Workbook {
  const wb = structuredClone(before);
  const rows = wb.sheets[0].rows;
  rows[1].cells.y2011_dtpt = 150; // +50
  rows[1].cells.y2012_sn = null; // −10 (blank counts as 0)
  rows[4].cells.notes = 'mới';
  rows.splice(5, 1); // Đào tạo dropped (−30)
  rows.push({
    id: 'r9',
    kind: 'project',
    level: 1,
    cells: { name: 'Chữ ký số', y2012_sn: 40 },
  });
  return wb;
}

describe('comparing two versions', () => {
  const c = compare(side('Dự thảo 1', before), side('Bản trình UBND', after()));

  it('lists value changes per year and source, other cells without, added and removed projects', () => {
    expect(
      c.changes.map((d) => [
        d.match.b.row.cells.name,
        d.column.year,
        d.column.source,
        d.column.label,
        d.before,
        d.after,
        d.kind,
      ]),
    ).toEqual([
      ['Mạng LAN', 2011, 'ĐTPT', 'Nhu cầu vốn đầu tư các năm / 2011 / Vốn ĐTPT', 100, 150, 'value'],
      ['Mạng LAN', 2012, 'SN', 'Nhu cầu vốn đầu tư các năm / 2012 / Vốn SN', 10, 0, 'value'],
      ['Một cửa điện tử', null, null, 'Ghi chú', 'cũ', 'mới', 'value'],
    ]);
    expect(c.added.map((p) => p.row.cells.name)).toEqual(['Chữ ký số']);
    expect(c.removed.map((p) => p.row.cells.name)).toEqual(['Đào tạo']);
    expect(c.meta).toEqual([]);
  });

  it('adds up: after = before + increase − decrease', () => {
    // by hand: before 100 + 10 + 200 + 50 + 30 = 390; increase 50 (LAN) + 40 (new) = 90;
    // decrease 10 (LAN 2012) + 30 (dropped) = 40; after 390 + 90 − 40 = 440
    expect(c.totals).toEqual({ before: 390, after: 440, increase: 90, decrease: 40 });
  });

  it('builds the adjustment table with section and grand totals, and the rule holds on every row', () => {
    const t = adjustmentTable(c);
    expect(t.columns.map((x) => x.label)).toEqual([
      '2011 – ĐTPT',
      '2011 – SN',
      '2012 – ĐTPT',
      '2012 – SN',
    ]);
    expect(t.rows.map((r) => [r.kind, r.name, r.status])).toEqual([
      ['section', 'Hạ tầng', 'section'],
      ['project', 'Mạng LAN', 'changed'],
      ['project', 'Trung tâm dữ liệu', 'same'],
      ['section', 'Ứng dụng', 'section'],
      ['project', 'Một cửa điện tử', 'changed'],
      ['project', 'Chữ ký số', 'added'],
      ['section', DROPPED_SECTION, 'section'],
      ['project', 'Đào tạo', 'removed'],
    ]);
    const last = t.columns.length; // the row-total quad
    expect(t.rows[1].values[0]).toEqual([100, 50, 0, 150]);
    expect(t.rows[1].values[3]).toEqual([10, 0, 10, 0]);
    expect(t.rows[0].values[last]).toEqual([310, 50, 10, 350]);
    expect(t.rows[6].values[1]).toEqual([30, 0, 30, 0]);
    expect(t.total[last]).toEqual([390, 90, 40, 440]);
    expect(t.violations).toEqual([]);
  });

  it('reports metadata changes separately', () => {
    const b = after();
    b.meta = { ...b.meta, unit: 'nghìn đồng', years: [2011, 2012, 2013] };
    expect(compare(side('a', before), side('b', b)).meta).toEqual([
      { field: 'unit', before: 'triệu đồng', after: 'nghìn đồng' },
      { field: 'years', before: '2011, 2012', after: '2011, 2012, 2013' },
    ]);
  });
});

describe('which projects are the same, across files', () => {
  /** Rows numbered by position as a reader does (r1, r2…): ids that identify nothing. */
  const renumbered = (wb: Workbook): Workbook => ({
    ...wb,
    sheets: [
      { ...wb.sheets[0], rows: wb.sheets[0].rows.map((r, i) => ({ ...r, id: `r${i + 1}` })) },
    ],
  });
  const fileB = () => {
    const wb = after();
    // a project inserted at the top of the first section shifts every row number below it
    wb.sheets[0].rows.splice(1, 0, {
      id: 'x',
      kind: 'project',
      level: 1,
      cells: { name: 'Hội nghị truyền hình', lead: 'VP UBND', y2011_dtpt: 60 },
    });
    return renumbered(wb);
  };

  it('pairs two files by what the projects are, never by row position', () => {
    const c = compare(side('a.xlsx', before), side('b.xlsx', fileB()));
    expect(c.matched.map((m) => [m.a.row.cells.name, m.b.row.cells.name, m.by])).toEqual([
      ['Mạng LAN', 'Mạng LAN', 'key'],
      ['Trung tâm dữ liệu', 'Trung tâm dữ liệu', 'key'],
      ['Một cửa điện tử', 'Một cửa điện tử', 'key'],
    ]);
    expect(c.matched.some((m) => m.renamed || m.moved)).toBe(false);
    expect(c.added.map((p) => p.row.cells.name)).toEqual(['Hội nghị truyền hình', 'Chữ ký số']);
    expect(c.removed.map((p) => p.row.cells.name)).toEqual(['Đào tạo']);
    expect(c.changes).toHaveLength(3);
  });

  it('pairs versions of one workbook by row identity, and only them', () => {
    const b = renumbered(after());
    b.sheets[0].rows[1].cells.name = 'Mạng nội bộ các sở'; // renamed in the workbook itself
    const one = compare(
      { ...side('v1', before), identity: 'w1' },
      { ...side('v2', b), identity: 'w1' },
    );
    const lan = one.matched.find((m) => m.a.row.cells.name === 'Mạng LAN')!;
    expect([lan.by, lan.renamed, lan.confidence, lan.doubtful]).toEqual(['id', true, 1, false]);
    // another workbook's ids (or none) pair nothing: the renamed project is not recognised
    const two = compare(
      { ...side('v1', before), identity: 'w1' },
      { ...side('v2', b), identity: 'w2' },
    );
    expect(two.matched.some((m) => m.by === 'id')).toBe(false);
    expect(two.removed.map((p) => p.row.cells.name)).toContain('Mạng LAN');
  });

  it('proposes a split and a merge when the amounts add up, for the user to confirm', () => {
    const a = makePlan({
      rows: [
        ['section', 0, 'Hạ tầng'],
        [
          'project',
          1,
          'Hệ thống giao ban trực tuyến',
          { lead: 'VP', '2011:ĐTPT': 300, '2012:ĐTPT': 200 },
        ],
        ['project', 1, 'Tập huấn quản trị mạng', { lead: 'Sở TT&TT', '2011:SN': 50 }],
        ['project', 1, 'Tập huấn CIO', { lead: 'Sở TT&TT', '2012:SN': 70 }],
      ],
    });
    const b = makePlan({
      rows: [
        ['section', 0, 'Hạ tầng'],
        [
          'project',
          1,
          'Hệ thống giao ban trực tuyến (giai đoạn 1)',
          { lead: 'VP', '2011:ĐTPT': 300 },
        ],
        [
          'project',
          1,
          'Hệ thống giao ban trực tuyến (giai đoạn 2)',
          { lead: 'VP', '2012:ĐTPT': 200 },
        ],
        [
          'project',
          1,
          'Tập huấn quản trị mạng và CIO',
          { lead: 'Sở TT&TT', '2011:SN': 50, '2012:SN': 70 },
        ],
      ],
    });
    const c = compare(side('a', a), side('b', renumbered(b)));
    expect(
      c.groups.map((g) => [
        g.kind,
        g.a.map((p) => p.row.cells.name),
        g.b.map((p) => p.row.cells.name),
        g.doubtful,
      ]),
    ).toEqual([
      [
        'split',
        ['Hệ thống giao ban trực tuyến'],
        [
          'Hệ thống giao ban trực tuyến (giai đoạn 1)',
          'Hệ thống giao ban trực tuyến (giai đoạn 2)',
        ],
        true,
      ],
      [
        'merge',
        ['Tập huấn quản trị mạng', 'Tập huấn CIO'],
        ['Tập huấn quản trị mạng và CIO'],
        true,
      ],
    ]);
    expect([c.matched, c.added, c.removed, c.changes]).toEqual([[], [], [], []]);
    expect(c.totals).toEqual({ before: 620, after: 620, increase: 0, decrease: 0 });
    // refused by the user: the parts are added and removed projects again (the best name pairs kept)
    const refused = compare(side('a', a), side('b', renumbered(b)), {
      ungrouped: c.groups.map((g) => g.key),
    });
    expect(refused.groups).toEqual([]);
    expect(refused.matched.length + refused.added.length).toBe(3);
    // confirmed: no longer doubtful
    const confirmed = compare(side('a', a), side('b', renumbered(b)), {
      confirmed: [c.groups[0].key],
    });
    expect(confirmed.groups.map((g) => g.doubtful)).toEqual([false, true]);
  });
});

describe('a name spelled otherwise', () => {
  it('case and diacritics alike: the same project, shown as respelled, never renamed', () => {
    const b = structuredClone(before);
    const rows = b.sheets[0].rows;
    rows[1].cells.name = 'MẠNG LAN'; // capitals
    rows[2].cells.name = 'Trung tam du lieu'; // diacritics dropped
    rows[4].cells.name = 'Một  cửa điện tử '; // spacing only
    rows[5].cells.name = 'Đào tạo cán bộ'; // words added: a rename
    const c = compare(side('a.xlsx', before), side('b.xlsx', b));
    expect(c.added).toEqual([]);
    expect(c.removed).toEqual([]);
    expect(c.matched.map((m) => [String(m.a.row.cells.name), m.renamed, m.respelled])).toEqual([
      ['Mạng LAN', false, true],
      ['Trung tâm dữ liệu', false, true],
      ['Một cửa điện tử', false, false],
      ['Đào tạo', true, false],
    ]);
  });
});
