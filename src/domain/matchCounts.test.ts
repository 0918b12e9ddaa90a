/**
 * Counts of units in project names (`(29 ĐV)`, `cho 29 đơn vị`): the same count written two ways
 * pairs as one name, in the version compare and the consolidation's duplicates; a count stated by
 * one spelling only is offered to confirm; counts that differ (05 / 04 đơn vị) stay apart.
 */
import { describe, expect, it } from 'vitest';
import { findDuplicates } from './consolidateDuplicates';
import { matchProjects, projectRefs } from './match';
import { makePlan } from './template';

const LAN =
  'Đầu tư mới, nâng cấp trang thiết bị CNTT và nâng cấp hệ thống mạng Lan cho các sở, ban, ngành và 09 huyện, thị xã, thành phố';

const plan = (prefix: string, names: string[]) => {
  const wb = makePlan({
    rows: [
      ['section', 0, 'Ứng dụng CNTT'],
      ...names.map((n, i): ['project', number, string, Record<string, string | number>] => [
        'project',
        1,
        n,
        { lead: 'Sở TT&TT', '2011:ĐTPT': 100 + i },
      ]),
    ],
  });
  const sheet = wb.sheets[0];
  return projectRefs({ ...sheet, rows: sheet.rows.map((r) => ({ ...r, id: prefix + r.id })) });
};

const OTHERS = [
  'Xây dựng Trung tâm dữ liệu tỉnh',
  'Phần mềm quản lý văn bản và điều hành',
  'Cổng thông tin điện tử tỉnh',
  'Hệ thống thư điện tử công vụ',
  'Nâng cấp hệ thống một cửa điện tử',
];

describe('counts of units in the version compare', () => {
  it('pairs one count written two ways as the same name, offers a count stated once to confirm, keeps 05 and 04 apart', () => {
    const a = plan('a', [
      'Triển khai phần mềm quản lý hồ sơ công việc (29 ĐV)',
      'Hệ thống giao ban trực tuyến cho 05 đơn vị cấp huyện',
      'Hệ thống giao ban trực tuyến cho 04 đơn vị cấp huyện',
      `${LAN} (29 ĐV)`,
      ...OTHERS,
    ]);
    const b = plan('b', [
      ...OTHERS,
      'Hệ thống giao ban trực tuyến (04 ĐV) cấp huyện',
      'Hệ thống giao ban trực tuyến (05 ĐV) cấp huyện',
      LAN.replace('09', '9'),
      'Triển khai phần mềm quản lý hồ sơ công việc cho 29 đơn vị',
    ]);
    const m = matchProjects(a, b, {}, { ids: false });
    const got = new Map(
      m.matched.map((x) => [
        String(x.a.row.cells.name),
        [String(x.b.row.cells.name), x.by, x.doubtful],
      ]),
    );
    expect(got.get('Triển khai phần mềm quản lý hồ sơ công việc (29 ĐV)')).toEqual([
      'Triển khai phần mềm quản lý hồ sơ công việc cho 29 đơn vị',
      'key',
      false,
    ]);
    expect(got.get('Hệ thống giao ban trực tuyến cho 05 đơn vị cấp huyện')?.[0]).toBe(
      'Hệ thống giao ban trực tuyến (05 ĐV) cấp huyện',
    );
    expect(got.get('Hệ thống giao ban trực tuyến cho 04 đơn vị cấp huyện')?.[0]).toBe(
      'Hệ thống giao ban trực tuyến (04 ĐV) cấp huyện',
    );
    expect(got.get(`${LAN} (29 ĐV)`)).toEqual([LAN.replace('09', '9'), 'similar', true]);
    expect(m.added).toEqual([]);
    expect(m.removed).toEqual([]);
  });
});

describe('counts of units among the consolidation’s duplicates', () => {
  const pair = (x: string, y: string) =>
    findDuplicates([
      { key: 'a', unitKey: 'a', name: x },
      { key: 'b', unitKey: 'b', name: y },
    ]).map((p) => [p.same, p.score]);

  it('flags one count written two ways as the same name, a count stated once as similar', () => {
    expect(
      pair(
        'Triển khai phần mềm quản lý hồ sơ công việc (29 ĐV)',
        'Triển khai phần mềm quản lý hồ sơ công việc cho 29 đơn vị',
      ),
    ).toEqual([[true, 1]]);
    expect(pair(`${LAN} (29 ĐV)`, LAN.replace('09', '9'))).toEqual([[false, 0.99]]);
    expect(
      pair('Phần mềm quản lý hồ sơ công việc', 'Phần mềm quản lý hồ sơ công việc (29 ĐV)'),
    ).toEqual([[false, 0.99]]);
  });

  it('keeps counts that differ, and other numbers, apart', () => {
    expect(
      pair(
        'Phần mềm quản lý hồ sơ công việc (05 ĐV)',
        'Phần mềm quản lý hồ sơ công việc cho 04 đơn vị',
      ),
    ).toEqual([]);
    expect(
      pair('Phần mềm quản lý hồ sơ công việc (05 ĐV)', 'Phần mềm quản lý hồ sơ công việc (04 ĐV)'),
    ).toEqual([]);
    // a count stated once does not hide another number that differs
    expect(
      pair('Chính quyền điện tử giai đoạn 1 (29 ĐV)', 'Chính quyền điện tử giai đoạn 2'),
    ).toEqual([]);
    expect(pair('Mạng LAN cho 09 huyện (29 ĐV)', 'Mạng LAN cho 10 huyện')).toEqual([]);
  });
});
