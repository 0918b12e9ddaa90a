/**
 * What a department really does to the file it was sent, compared (no shared row ids): a project
 * removed and another put in its place, a similar name of another place, a project moved to
 * another section, one name in two sections, names typed without diacritics, only its own
 * section returned, a project split in two phases.
 */
import { describe, expect, it } from 'vitest';
import { compare } from './compare';
import { typedSide } from './compareColumns';
import { otherThing } from './matchPlaces';
import { makePlan } from './template';

const side = typedSide;

type Line = NonNullable<NonNullable<Parameters<typeof makePlan>[0]>['rows']>[number];
const plan = (rows: Line[]) => makePlan({ rows });
const names = (ps: { row: { cells: Record<string, unknown> } }[]) =>
  ps.map((p) => p.row.cells.name);
const pairs = (a: Line[], b: Line[]) => compare(side('Sở', plan(a)), side('Huyện', plan(b)));

const schools: Line[] = [
  ['section', 0, 'Giáo dục'],
  ['project', 1, 'Trường THCS xã An Lạc', { '2011:ĐTPT': 500 }],
  ['project', 1, 'Trường THCS xã Bình Minh', { '2011:ĐTPT': 700 }],
  ['project', 1, 'Trường tiểu học thị trấn Phố Ràng', { '2011:ĐTPT': 300 }],
  ['section', 0, 'Giao thông'],
  ['project', 1, 'Nâng cấp đường huyện ĐH.12', { '2011:ĐTPT': 900 }],
  ['project', 1, 'Cầu treo bản Nậm Khắt', { '2011:ĐTPT': 400 }],
];

describe('names of another thing', () => {
  it('tells a word naming which one from an amended or respelled name', () => {
    const t = (s: string) => s.split(' ');
    expect(otherThing(t('truong thcs xa an lac'), t('truong thcs xa tan lap'))).toBe(true);
    expect(otherThing(t('ha giang'), t('ha nam'))).toBe(true);
    expect(otherThing(t('cho 5 don vi cap huyen'), t('cho 4 don vi cap huyen'))).toBe(true);
    // words added or dropped: the name amended; a letter changed: a typo
    expect(otherThing(t('truong thcs xa an lac'), t('truong thcs xa an lac huyen bao yen'))).toBe(
      false,
    );
    expect(otherThing(t('tinh bac can'), t('tinh bac kan'))).toBe(false);
  });
});

describe('a department’s copy compared with the plan sent', () => {
  it('leaves a new school of another commune apart from the one it replaced', () => {
    const b = structuredClone(schools);
    b[2] = ['project', 1, 'Trường THCS xã Tân Lập', { '2011:ĐTPT': 650 }];
    const c = pairs(schools, b);
    expect(names(c.removed)).toEqual(['Trường THCS xã Bình Minh']);
    expect(names(c.added)).toEqual(['Trường THCS xã Tân Lập']);
    expect(c.matched).toHaveLength(4);
    // one word of another place, other figures: another school; the same figures kept: the
    // commune's name corrected, one project renamed
    b[2] = ['project', 1, 'Trường THCS xã Bình Lư', { '2011:ĐTPT': 650 }];
    expect(names(pairs(schools, b).added)).toEqual(['Trường THCS xã Bình Lư']);
    b[2] = ['project', 1, 'Trường THCS xã Bình Lư', { '2011:ĐTPT': 700 }];
    const renamed = pairs(schools, b);
    expect(renamed.removed).toEqual([]);
    expect(renamed.matched.find((m) => m.renamed)?.b.text).toBe('Trường THCS xã Bình Lư');
  });

  it('pairs a re-classified project with itself and reports it moved', () => {
    const b = structuredClone(schools);
    const [bridge] = b.splice(6, 1);
    b.splice(4, 0, bridge);
    const c = pairs(schools, b);
    expect(c.removed).toEqual([]);
    expect(c.matched.filter((m) => m.moved).map((m) => [m.a.sections, m.b.sections])).toEqual([
      [['Giao thông'], ['Giáo dục']],
    ]);
  });

  it('pairs two projects of one name each with its own, also reordered and without diacritics', () => {
    const a: Line[] = [
      ['section', 0, 'Huyện Bảo Yên'],
      ['project', 1, 'Nâng cấp hệ thống thủy lợi', { '2011:ĐTPT': 100 }],
      ['project', 1, 'Đường nội đồng', { '2011:ĐTPT': 50 }],
      ['section', 0, 'Huyện Bắc Hà'],
      ['project', 1, 'Đường nội đồng', { '2011:ĐTPT': 80 }],
      ['project', 1, 'Nâng cấp hệ thống thủy lợi', { '2011:ĐTPT': 200 }],
    ];
    const plain = (l: Line): Line => {
      const s = String(l[2])
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/Đ/g, 'D')
        .replace(/đ/g, 'd');
      return [l[0], l[1], s, ...l.slice(3)] as Line;
    };
    const b = [a[0], a[2], a[1], a[3], a[5], a[4]].map(plain);
    const c = pairs(a, b);
    expect(c.removed).toEqual([]);
    expect(c.changes).toEqual([]);
    for (const m of c.matched)
      expect(m.a.row.cells['y2011_dtpt']).toBe(m.b.row.cells['y2011_dtpt']);
    expect(c.matched.every((m) => m.respelled && !m.moved)).toBe(true);
  });

  it('leaves the sections a department’s own part does not hold outside, not removed', () => {
    const b = schools.slice(4);
    const c = pairs(schools, b);
    expect(c.removed).toEqual([]);
    expect(names(c.outside)).toEqual([
      'Trường THCS xã An Lạc',
      'Trường THCS xã Bình Minh',
      'Trường tiểu học thị trấn Phố Ràng',
    ]);
    expect(c.totals).toMatchObject({ before: 1300, after: 1300, decrease: 0 });
    // a whole file that dropped one project of the part it holds: that one is removed
    const dropped = pairs(schools, b.slice(0, 2));
    expect(names(dropped.removed)).toEqual(['Cầu treo bản Nậm Khắt']);
    // a file holding both sections: a section emptied is removed, not outside
    const whole = pairs(schools, [...schools.slice(0, 1), ...schools.slice(4)]);
    expect(whole.outside).toEqual([]);
    expect(whole.removed).toHaveLength(3);
  });

  it('reports a project split in two phases as a split, its parts paired with nothing else', () => {
    const b = structuredClone(schools);
    b.splice(
      5,
      1,
      ['project', 1, 'Nâng cấp đường huyện ĐH.12 (giai đoạn 1)', { '2011:ĐTPT': 360 }],
      ['project', 1, 'Nâng cấp đường huyện ĐH.12 (giai đoạn 2)', { '2011:ĐTPT': 540 }],
    );
    const c = pairs(schools, b);
    expect(c.groups.map((g) => [g.kind, names(g.a), names(g.b)])).toEqual([
      [
        'split',
        ['Nâng cấp đường huyện ĐH.12'],
        ['Nâng cấp đường huyện ĐH.12 (giai đoạn 1)', 'Nâng cấp đường huyện ĐH.12 (giai đoạn 2)'],
      ],
    ]);
    expect([c.removed, c.added]).toEqual([[], []]);
  });
});
