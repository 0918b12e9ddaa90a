import { describe, expect, it } from 'vitest';
import { matchProjects, projectRefs } from './match';
import { makePlan } from './template';

type Rows = NonNullable<Parameters<typeof makePlan>[0]>['rows'];
const refs = (rows: Rows, prefix: string) => {
  const wb = makePlan({ rows });
  const sheet = wb.sheets[0];
  return projectRefs({ ...sheet, rows: sheet.rows.map((r) => ({ ...r, id: prefix + r.id })) });
};
const pairsOf = (a: Rows, b: Rows) => {
  const m = matchProjects(refs(a, 'a'), refs(b, 'b'));
  return {
    pairs: m.matched.map((x) => `${x.a.row.cells.name} → ${x.b.row.cells.name}`),
    added: m.added.map((p) => p.text),
    doubtful: m.matched.filter((x) => x.doubtful).map((x) => x.a.text),
  };
};

const SENT: Rows = [
  ['section', 0, 'Y tế'],
  ['project', 1, 'Trạm y tế xã Hải An', { '2011:ĐTPT': 300 }],
  ['project', 1, 'Kè sông Hiếu', { '2011:ĐTPT': 900 }],
  ['section', 0, 'Giáo dục'],
  ['project', 1, 'Trường THCS Gio Linh', { '2011:ĐTPT': 500 }],
  ['project', 1, 'Nhà đa năng', { '2011:ĐTPT': 120 }],
];

describe('names completed with a label or a place', () => {
  it('pairs a name with a place after a comma or a label before, as a rename to confirm', () => {
    const r = pairsOf(SENT, [
      ['section', 0, 'Y tế'],
      ['project', 1, 'Trạm y tế xã Hải An, huyện Hải Lăng, tỉnh Quảng Trị', { '2011:ĐTPT': 350 }],
      ['project', 1, 'Công trình: Kè sông Hiếu - đoạn qua phường 5, thành phố Đông Hà'],
      ['section', 0, 'Giáo dục'],
      ['project', 1, 'Trường THCS Gio Linh', { '2011:ĐTPT': 500 }],
      ['project', 1, 'DA: Nhà đa năng', { '2011:ĐTPT': 120 }],
    ]);
    expect(r.pairs).toEqual(
      expect.arrayContaining([
        'Trạm y tế xã Hải An → Trạm y tế xã Hải An, huyện Hải Lăng, tỉnh Quảng Trị',
        'Kè sông Hiếu → Công trình: Kè sông Hiếu - đoạn qua phường 5, thành phố Đông Hà',
        'Nhà đa năng → DA: Nhà đa năng',
      ]),
    );
    expect(r.added).toEqual([]);
    expect(r.doubtful).toEqual(
      expect.arrayContaining(['Trạm y tế xã Hải An', 'Kè sông Hiếu', 'Nhà đa năng']),
    );
  });

  it('a shortened name pairs too: the department dropped the place', () => {
    const r = pairsOf(
      [['project', 0, 'Kè sông Hiếu, đoạn qua phường 5 và phường Đông Lương, thành phố Đông Hà']],
      [['project', 0, 'Kè sông Hiếu', { '2011:ĐTPT': 10 }]],
    );
    expect(r.added).toEqual([]);
  });

  it('never pairs a site named after a project its file also lists, nor one of two sites', () => {
    const site = 'Trường THCS Gio Linh, điểm trường thôn Tân Mỹ xã Gio Mai huyện Gio Linh';
    // a lists the school twice (two sections); b the school and one of its sites: two projects
    const twice = pairsOf(
      [...SENT, ['project', 1, 'Trường THCS Gio Linh', { '2011:ĐTPT': 40 }]],
      [...SENT, ['project', 1, site, { '2011:ĐTPT': 70 }]],
    );
    expect(twice.added).toEqual([site]);
    // two sites of one school sent back for the school: which one, the names cannot say
    const two = pairsOf(
      [['project', 0, 'Trường THCS Gio Linh', { '2011:ĐTPT': 40 }]],
      [
        ['project', 0, site, { '2011:ĐTPT': 70 }],
        ['project', 0, site.replace('Tân Mỹ', 'An Hưng'), { '2011:ĐTPT': 30 }],
      ],
    );
    expect(two.added).toHaveLength(2);
  });
});
