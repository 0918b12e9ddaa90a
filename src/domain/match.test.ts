import { describe, expect, it } from 'vitest';
import { matchProjects, nameSimilarity, normaliseName, projectRefs } from './match';
import { makePlan } from './template';
import type { Workbook } from './types';

const refs = (wb: Workbook) => projectRefs(wb.sheets[0]);
/** The same rows with fresh ids (a file a department sent: no shared identity). */
const fresh = (wb: Workbook): Workbook => ({
  ...wb,
  sheets: [{ ...wb.sheets[0], rows: wb.sheets[0].rows.map((r) => ({ ...r, id: `x${r.id}` })) }],
});
const pairs = (m: ReturnType<typeof matchProjects>) =>
  m.matched.map((x) => [x.a.row.cells.name, x.b.row.cells.name, x.by, x.ambiguous]);

const base = makePlan({
  rows: [
    ['section', 0, 'Hạ tầng'],
    ['project', 1, 'Nâng cấp mạng LAN các sở', { lead: 'Sở TT&TT', '2011:ĐTPT': 100 }],
    ['project', 1, 'Trung tâm dữ liệu tỉnh', { lead: 'VP UBND tỉnh', '2011:ĐTPT': 200 }],
    ['section', 0, 'Ứng dụng'],
    ['project', 1, 'Phần mềm một cửa điện tử', { lead: 'Sở Nội vụ', '2012:SN': 50 }],
    ['project', 1, 'Cổng thông tin điện tử', { lead: 'Sở TT&TT', '2012:SN': 70 }],
  ],
});

describe('matching projects', () => {
  it('normalises case, diacritics, spacing and punctuation', () => {
    expect(normaliseName('  Nâng cấp   mạng LAN, các Sở ')).toBe('nang cap mang lan cac so');
    expect(normaliseName('Sở TT&TT')).toBe('so tt tt');
    expect(nameSimilarity('trung tam du lieu tinh', 'trung tam du lieu cua tinh')).toBeGreaterThan(
      0.8,
    );
    expect(nameSimilarity('trung tam du lieu tinh', 'phan mem mot cua')).toBeLessThan(0.3);
  });

  it('pairs revisions of one workbook by id, whatever the edits', () => {
    const b = structuredClone(base);
    const rows = b.sheets[0].rows;
    rows[1].cells.name = 'Mạng LAN (đổi tên hẳn)';
    [rows[4], rows[5]] = [rows[5], rows[4]];
    const m = matchProjects(refs(base), refs(b));
    expect(m.matched.every((x) => x.by === 'id' && x.a.row.id === x.b.row.id)).toBe(true);
    expect(m.added).toEqual([]);
    expect(m.removed).toEqual([]);
  });

  it('pairs a foreign file by name and unit: reordered, renamed slightly, moved between sections', () => {
    const b = fresh(structuredClone(base));
    const rows = b.sheets[0].rows;
    rows[2].cells.name = 'Trung tâm dữ liệu của tỉnh'; // a small wording change
    rows[4].cells.name = 'PHẦN MỀM  MỘT CỬA ĐIỆN TỬ'; // case and spacing
    // the portal moves to the first section, before the LAN project
    const portal = rows.splice(5, 1)[0];
    rows.splice(1, 0, portal);
    const m = matchProjects(refs(base), refs(b));
    expect(pairs(m)).toEqual([
      ['Nâng cấp mạng LAN các sở', 'Nâng cấp mạng LAN các sở', 'key', false],
      ['Phần mềm một cửa điện tử', 'PHẦN MỀM  MỘT CỬA ĐIỆN TỬ', 'key', false],
      ['Cổng thông tin điện tử', 'Cổng thông tin điện tử', 'key', false],
      ['Trung tâm dữ liệu tỉnh', 'Trung tâm dữ liệu của tỉnh', 'similar', false],
    ]);
    const portalPair = m.matched.find((x) => x.a.name === 'cong thong tin dien tu')!;
    expect([portalPair.a.path, portalPair.b.path]).toEqual([['ung dung'], ['ha tang']]);
  });

  it('pairs duplicates in order, same section first, and flags them', () => {
    const a = makePlan({
      rows: [
        ['section', 0, 'A'],
        ['project', 1, 'Đào tạo CNTT', { lead: 'Sở Nội vụ' }],
        ['section', 0, 'B'],
        ['project', 1, 'Đào tạo CNTT', { lead: 'Sở Nội vụ' }],
      ],
    });
    const b = fresh(structuredClone(a));
    const [A, pA, B, pB] = b.sheets[0].rows;
    b.sheets[0].rows = [B, pB, A, pA]; // section B comes first now
    const m = matchProjects(refs(a), refs(b));
    expect(m.matched).toHaveLength(2);
    for (const x of m.matched) {
      expect(x.ambiguous).toBe(true);
      expect(x.a.path).toEqual(x.b.path); // each pairs with the one in its own section
    }
  });

  it('leaves unrelated projects added and removed, and follows the user’s corrections', () => {
    const b = fresh(structuredClone(base));
    b.sheets[0].rows[2].cells.name = 'Hệ thống hội nghị truyền hình';
    const m = matchProjects(refs(base), refs(b));
    expect(m.added.map((p) => p.row.cells.name)).toEqual(['Hệ thống hội nghị truyền hình']);
    expect(m.removed.map((p) => p.row.cells.name)).toEqual(['Trung tâm dữ liệu tỉnh']);
    const fixed = matchProjects(refs(base), refs(b), {
      pairs: [['r3', 'xr3']],
      unpaired: ['r2'],
    });
    expect(fixed.matched.find((x) => x.by === 'user')?.b.row.cells.name).toBe(
      'Hệ thống hội nghị truyền hình',
    );
    expect(fixed.removed.map((p) => p.row.id)).toEqual(['r2']);
    expect(fixed.added.map((p) => p.row.id)).toEqual(['xr2']);
  });

  it('flags a pair when another candidate is nearly as close', () => {
    const a = makePlan({ rows: [['project', 0, 'Phần mềm quản lý văn bản sở A']] });
    const b = makePlan({
      rows: [
        ['project', 0, 'Phần mềm quản lý văn bản sở B'],
        ['project', 0, 'Phần mềm quản lý văn bản sở C'],
      ],
    });
    const m = matchProjects(refs(a), refs(fresh(b)));
    expect(m.matched).toHaveLength(1);
    expect(m.matched[0].ambiguous).toBe(true);
  });
});

describe('matching names written by other hands', () => {
  const plan = (names: [string, string, number][]) =>
    makePlan({
      rows: [
        ['section', 0, 'Miền núi phía Bắc'],
        ...names.map(
          ([n, lead, v]): ['project', number, string, Record<string, string | number>] => [
            'project',
            1,
            n,
            { lead, '2011:ĐTPT': v, '2011:SN': v / 2, '2012:SN': v / 4 },
          ],
        ),
      ],
    });
  const figures = (refs: ReturnType<typeof projectRefs>) =>
    new Map(
      refs.map((p) => [
        p,
        ['y2011_dtpt', 'y2011_sn', 'y2012_sn'].map((k) => Number(p.row.cells[k] ?? 0)),
      ]),
    );

  it('pairs abbreviations and phases as the same name, with reasons and full confidence', () => {
    const a = refs(plan([['XD hệ thống GIS (Giai đoạn 2)', 'Sở TT&TT', 100]]));
    const b = refs(
      fresh(plan([['Xây dựng hệ thống GIS GĐ2', 'Sở Thông tin và Truyền thông', 100]])),
    );
    const [m] = matchProjects(a, b, {}, { ids: false }).matched;
    expect([m.by, m.reasons, m.confidence, m.doubtful]).toEqual([
      'key',
      ['expanded', 'sameUnit', 'sameSection'],
      0.97,
      false,
    ]);
  });

  it('pairs a short name with one letter changed when its figures are the same, as doubtful', () => {
    const a = plan([
      ['BẮC CẠN', '', 400],
      ['CAO BẰNG', '', 800],
    ]);
    const b = fresh(
      plan([
        ['CAO BẰNG', '', 800],
        ['BẮC KẠN', '', 400],
      ]),
    );
    const ra = refs(a);
    const rb = refs(b);
    const m = matchProjects(
      ra,
      rb,
      {},
      {
        ids: false,
        figures: new Map([...figures(ra), ...figures(rb)]),
      },
    );
    const kan = m.matched.find((x) => x.b.row.cells.name === 'BẮC KẠN')!;
    expect([kan.a.row.cells.name, kan.by, kan.doubtful]).toEqual(['BẮC CẠN', 'similar', true]);
    expect(kan.reasons).toContain('sameAmounts');
  });

  it('never pairs by position when ids are not identities', () => {
    const a = refs(
      plan([
        ['Dự án A', 'Sở X', 1],
        ['Dự án B', 'Sở Y', 2],
      ]),
    );
    // same ids (r2, r3), other projects: a reader numbered both files
    const b = refs(
      plan([
        ['Phần mềm khác hẳn', 'Sở Z', 5],
        ['Dự án A', 'Sở X', 1],
      ]),
    );
    const m = matchProjects(a, b, {}, { ids: false });
    expect(m.matched.map((x) => [x.a.row.id, x.b.row.id])).toEqual([['r2', 'r3']]);
    expect(m.added.map((p) => p.row.cells.name)).toEqual(['Phần mềm khác hẳn']);
    expect(m.removed.map((p) => p.row.cells.name)).toEqual(['Dự án B']);
  });
});
