import { describe, expect, it } from 'vitest';
import { consolidate, isBlank, isBlankRow, unitKey } from './consolidate';
import { formColumnId } from './consolidateColumns';
import type { Consolidation, Submission } from './consolidateTypes';

/** A submission of one project in section `I`: its cells by column key (a blank cell absent). */
function sub(id: string, unit: string, name: string, values: Record<string, number>): Submission {
  return {
    id,
    provenance: {
      unit,
      unitFrom: 'file',
      fileName: `${id}.xlsx`,
      receivedAt: '2026-12-02T08:00:00.000Z',
      sha256: id,
      size: 1,
      note: '',
    },
    title: '',
    unit: 'triệu đồng',
    sheets: ['PL'],
    columns: [
      {
        key: 's:a',
        sheet: 'PL',
        path: ['Năm 2026', 'Vốn ĐTPT'],
        year: 2026,
        source: 'ĐTPT',
        kind: 'amount',
      },
      {
        key: 's:b',
        sheet: 'PL',
        path: ['Năm 2026', 'Vốn SN'],
        year: 2026,
        source: 'SN',
        kind: 'amount',
      },
    ],
    projects: [{ id: 's:r0', number: '1', name, lead: unit, sections: ['I'], line: 7, values }],
    findings: [],
    notes: [],
  };
}

const YTE = sub('yt', 'Sở Y tế', 'Bệnh án điện tử', { 's:a': 3000 }); // SN left blank
const NV = sub('nv', 'Sở Nội vụ', 'Số hóa hồ sơ', { 's:a': 500, 's:b': 0 }); // SN typed 0

function state(subs: Submission[], proposed: Consolidation['proposed'] = {}): Consolidation {
  return {
    id: 'c1',
    form: {
      title: 'Tổng hợp',
      unit: 'triệu đồng',
      columns: [
        { id: formColumnId(2026, 'ĐTPT'), year: 2026, source: 'ĐTPT' },
        { id: formColumnId(2026, 'SN'), year: 2026, source: 'SN' },
        { id: formColumnId(2027, 'ĐTPT'), year: 2027, source: 'ĐTPT' },
      ],
      sections: [],
      units: ['Sở Y tế', 'Sở Nội vụ'],
    },
    submissionIds: subs.map((s) => s.id),
    current: Object.fromEntries(subs.map((s) => [unitKey(s.provenance.unit), s.id])),
    mappings: {},
    proposed,
    resolutions: {},
    grouping: 'unit',
    createdAt: 0,
    updatedAt: 0,
  };
}
const all = (...s: Submission[]) => new Map(s.map((x) => [x.id, x]));

/** Each row's blank figures as `r`/`p`/`d` marks per column, `.` where filled. */
const marks = (filled: Parameters<typeof isBlank>[0], n = 3) =>
  [...Array(n).keys()]
    .map((j) =>
      (['requested', 'proposed', 'difference'] as const)
        .map((f) => (isBlank(filled, f, j) ? f[0] : '.'))
        .join(''),
    )
    .join(' ');

describe('blank cells of a consolidation', () => {
  it('leaves blank a cell no unit filled; a sum of blanks is blank, a sum with a typed 0 is 0', () => {
    const t = consolidate(state([YTE, NV]), all(YTE, NV));
    expect(t.rows.map((r) => [r.kind, r.name, r.requested, marks(r.filled)])).toEqual([
      ['unit', 'Sở Y tế', [3000, 0, 0], '... rpd rpd'],
      ['project', 'Bệnh án điện tử', [3000, 0, 0], '... rpd rpd'],
      ['unit', 'Sở Nội vụ', [500, 0, 0], '... ... rpd'],
      ['project', 'Số hóa hồ sơ', [500, 0, 0], '... ... rpd'],
    ]);
    expect(marks(t.total.filled)).toBe('... ... rpd');
    expect(marks(t.byUnit[0].filled)).toBe('... rpd rpd');
    expect(isBlankRow(t.rows[1].filled, 'requested')).toBe(false);
    // only Sở Y tế: its SN is blank in the grand total too
    expect(marks(consolidate(state([YTE]), all(YTE)).total.filled)).toBe('... rpd rpd');
  });

  it('fills a proposed figure the consolidator set on a blank cell (its difference shows)', () => {
    const key = 'yt/s:r0';
    const t = consolidate(state([YTE], { [key]: { y2027_dtpt: 0 } }), all(YTE));
    expect(t.rows.map((r) => marks(r.filled))).toEqual(['... rpd r..', '... rpd r..']);
  });
});
