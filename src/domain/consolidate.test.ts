import { describe, expect, it } from 'vitest';
import { consolidate, entryKey, sumOf, unitKey } from './consolidate';
import { formColumnId } from './consolidateColumns';
import { applyResubmission, diffSubmissions, requestedByProject } from './consolidateDiff';
import { applyConsolidation, type ConsolidationCommand } from './consolidateEdits';
import { pairKey } from './consolidateDuplicates';
import { SAMPLE_AMOUNTS, sampleProvenance } from './consolidateSamples';
import type { Consolidation, Submission, SubmittedColumn } from './consolidateTypes';

const COLS: SubmittedColumn[] = [
  ...SAMPLE_AMOUNTS,
  { key: 's:t', sheet: 'PL', path: ['Tổng cộng'], year: null, source: null, kind: 'subtotal' },
];

/** A submission: projects as [name, section, ĐTPT 2026, SN 2026, lead?]. */
function sub(
  id: string,
  unit: string,
  projects: [string, string, number, number, string?][],
): Submission {
  return {
    id,
    provenance: sampleProvenance(id, unit, '2025-08-15T08:00:00.000Z'),
    title: '',
    unit: 'triệu đồng',
    sheets: ['PL'],
    columns: COLS,
    projects: projects.map(([name, section, a, b, lead], i) => ({
      id: `s:r${i}`,
      number: '-',
      name,
      lead: lead ?? unit,
      sections: [section],
      line: i + 5,
      values: { 's:a': a, 's:b': b, 's:t': a + b },
    })),
    findings: [],
    notes: [],
  };
}

const TTTT = sub('tt', 'Sở Thông tin và Truyền thông', [
  ['Đầu tư Trung tâm dữ liệu tỉnh', 'I. Hạ tầng kỹ thuật', 8000, 0],
  ['Nâng cấp Cổng thông tin điện tử tỉnh', 'II. Ứng dụng CNTT', 1200, 300],
  ['Nền tảng LGSP', 'II. Ứng dụng CNTT', 2500, 0],
]);
const YTE = sub('yt', 'Sở Y tế', [
  ['Đầu tư trung tâm dữ liệu tỉnh (Data Center)', 'A. HẠ TẦNG KỸ THUẬT CNTT', 8000, 0],
  ['Bệnh án điện tử', 'B. Ứng dụng công nghệ thông tin', 3000, 250],
]);

function state(subs: Submission[], extra: Partial<Consolidation> = {}): Consolidation {
  return {
    id: 'c1',
    form: {
      title: 'Tổng hợp',
      unit: 'triệu đồng',
      columns: [
        { id: formColumnId(2026, 'ĐTPT'), year: 2026, source: 'ĐTPT' },
        { id: formColumnId(2026, 'SN'), year: 2026, source: 'SN' },
      ],
      sections: [
        { id: 'ht', name: 'Hạ tầng kỹ thuật' },
        { id: 'ud', name: 'Ứng dụng CNTT' },
      ],
      units: ['Sở Y tế', 'Sở TT&TT', 'Sở Nội vụ'],
    },
    submissionIds: subs.map((s) => s.id),
    current: Object.fromEntries(subs.map((s) => [unitKey(s.provenance.unit), s.id])),
    mappings: {},
    proposed: {},
    resolutions: {},
    grouping: 'section',
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}
const all = (...s: Submission[]) => new Map(s.map((x) => [x.id, x]));
const dupKey = pairKey(entryKey('tt', 's:r0'), entryKey('yt', 's:r0'));

describe('consolidating submissions', () => {
  it('puts projects under the form’s sections with a subtotal per unit, in the expected units’ order', () => {
    const t = consolidate(state([TTTT, YTE]), all(TTTT, YTE));
    expect(t.rows.map((r) => [r.kind, r.level, r.number, r.name, r.requested])).toEqual([
      ['section', 0, 'I', 'Hạ tầng kỹ thuật', [16000, 0]],
      ['unit', 1, '1', 'Sở Y tế', [8000, 0]],
      ['project', 2, '-', 'Đầu tư trung tâm dữ liệu tỉnh (Data Center)', [8000, 0]],
      ['unit', 1, '2', 'Sở Thông tin và Truyền thông', [8000, 0]],
      ['project', 2, '-', 'Đầu tư Trung tâm dữ liệu tỉnh', [8000, 0]],
      ['section', 0, 'II', 'Ứng dụng CNTT', [6700, 550]],
      ['unit', 1, '1', 'Sở Y tế', [3000, 250]],
      ['project', 2, '-', 'Bệnh án điện tử', [3000, 250]],
      ['unit', 1, '2', 'Sở Thông tin và Truyền thông', [3700, 300]],
      ['project', 2, '-', 'Nâng cấp Cổng thông tin điện tử tỉnh', [1200, 300]],
      ['project', 2, '-', 'Nền tảng LGSP', [2500, 0]],
    ]);
    expect(t.total.requested).toEqual([22700, 550]);
    expect(t.total.proposed).toEqual([22700, 550]);
    expect(t.byUnit.map((u) => [u.unit, sumOf(u.requested), u.projects])).toEqual([
      ['Sở Y tế', 11250, 2],
      ['Sở Thông tin và Truyền thông', 12000, 3],
    ]);
    expect(t.bySection.map((s) => [s.section.name, sumOf(s.requested)])).toEqual([
      ['Hạ tầng kỹ thuật', 16000],
      ['Ứng dụng CNTT', 7250],
    ]);
  });

  it('groups by unit when asked', () => {
    const t = consolidate(state([TTTT, YTE], { grouping: 'unit' }), all(TTTT, YTE));
    expect(
      t.rows.filter((r) => r.kind !== 'project').map((r) => [r.number, r.name, sumOf(r.requested)]),
    ).toEqual([
      ['I', 'Sở Y tế', 11250],
      ['II', 'Sở Thông tin và Truyền thông', 12000],
    ]);
  });

  it('numbers groups past the tenth in Roman numerals too (XI, XII), as the plans number sections', () => {
    const subs = Array.from({ length: 12 }, (_, k) =>
      sub(`u${k}`, `Ban quản lý dự án khu vực ${k + 1}`, [[`Dự án ${k}`, 'I. Hạ tầng', 10, 0]]),
    );
    const t = consolidate(state(subs, { grouping: 'unit' }), all(...subs));
    expect(t.rows.filter((r) => r.kind === 'unit').map((r) => r.number)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'VII',
      'VIII',
      'IX',
      'X',
      'XI',
      'XII',
    ]);
  });

  it('flags the same project submitted by two units, and settles it as the consolidator chooses', () => {
    const c = state([TTTT, YTE]);
    const t = consolidate(c, all(TTTT, YTE));
    expect(t.duplicates.map((d) => [d.key, d.same, d.resolution])).toEqual([[dupKey, false, null]]);
    expect(t.rows.filter((r) => r.duplicates).map((r) => r.name)).toHaveLength(2);
    const keep = consolidate(
      { ...c, resolutions: { [dupKey]: { kind: 'keep', keep: entryKey('tt', 's:r0') } } },
      all(TTTT, YTE),
    );
    expect(keep.total.requested).toEqual([14700, 550]);
    expect(keep.rows.some((r) => r.duplicates)).toBe(false);
    const merged = consolidate(
      { ...c, resolutions: { [dupKey]: { kind: 'merge' } } },
      all(TTTT, YTE),
    );
    const row = merged.rows.find((r) => r.entries)!;
    expect([row.name, row.unit, row.requested]).toEqual([
      'Đầu tư trung tâm dữ liệu tỉnh (Data Center)',
      'Sở Y tế; Sở Thông tin và Truyền thông',
      [16000, 0],
    ]);
    expect(merged.total.requested).toEqual([22700, 550]);
    const both = consolidate({ ...c, resolutions: { [dupKey]: { kind: 'both' } } }, all(TTTT, YTE));
    expect(both.total.requested).toEqual([22700, 550]);
    expect(both.rows.some((r) => r.duplicates)).toBe(false);
  });

  it('proposed amounts start equal, are edited by commands and undone by their inverse', () => {
    let c = state([TTTT, YTE]);
    const t0 = consolidate(c, all(TTTT, YTE));
    const requested = (key: string, col: string) =>
      t0.entries.get(key)?.requested[c.form.columns.findIndex((f) => f.id === col)];
    const key = entryKey('tt', 's:r2');
    const cmd: ConsolidationCommand = {
      type: 'setProposed',
      key,
      column: 'y2026_dtpt',
      value: 1500,
    };
    const r = applyConsolidation(c, cmd, requested);
    c = r.state;
    const t1 = consolidate(c, all(TTTT, YTE));
    const row = t1.rows.find((x) => x.key === key)!;
    expect([row.requested, row.proposed]).toEqual([
      [2500, 0],
      [1500, 0],
    ]);
    expect(t1.total.proposed).toEqual([21700, 550]);
    expect(t1.total.requested).toEqual([22700, 550]);
    const section = t1.rows.find((x) => x.name === 'Ứng dụng CNTT')!;
    expect(section.proposed).toEqual([5700, 550]);
    // setting it back to the requested figure keeps no proposal
    expect(applyConsolidation(c, { ...cmd, value: 2500 }, requested).state.proposed).toEqual({});
    c = applyConsolidation(c, r.inverse, requested).state;
    expect(c.proposed).toEqual({});
    expect(() => applyConsolidation(c, { ...cmd, value: Number.NaN }, requested)).toThrow();
  });

  it('leaves a submission’s columns the form has not out, and uses a confirmed mapping', () => {
    const c = state([YTE], {
      mappings: { [unitKey('Sở Y tế')]: { 'nam 2026/von sn': 'y2026_dtpt' } },
    });
    const t = consolidate(c, all(YTE));
    expect(t.total.requested).toEqual([11250, 0]);
    expect(t.mappings.get('yt')).toEqual({ 's:a': 'y2026_dtpt', 's:b': 'y2026_dtpt', 's:t': null });
  });
});

describe('a unit’s re-submission', () => {
  const V2 = sub('tt2', 'Sở Thông tin và Truyền thông', [
    ['Nâng cấp Cổng thông tin điện tử của tỉnh', 'II. Ứng dụng CNTT', 1200, 300],
    ['Đầu tư Trung tâm dữ liệu tỉnh', 'I. Hạ tầng kỹ thuật', 9000, 0],
    ['Kho dữ liệu dùng chung', 'II. Ứng dụng CNTT', 1500, 0],
  ]);

  it('is compared with the last one by name and unit, never by position', () => {
    const c = state([TTTT, YTE]);
    const d = diffSubmissions(TTTT, V2, c.form.columns);
    expect(d.matched.map((m) => [m.before.name, m.after.name, m.renamed])).toEqual([
      ['Nâng cấp Cổng thông tin điện tử tỉnh', 'Nâng cấp Cổng thông tin điện tử của tỉnh', true],
      ['Đầu tư Trung tâm dữ liệu tỉnh', 'Đầu tư Trung tâm dữ liệu tỉnh', false],
    ]);
    expect(d.added.map((p) => p.name)).toEqual(['Kho dữ liệu dùng chung']);
    expect(d.removed.map((p) => p.name)).toEqual(['Nền tảng LGSP']);
    expect(d.changes.map((x) => [x.project.name, x.column.id, x.before, x.after])).toEqual([
      ['Đầu tư Trung tâm dữ liệu tỉnh', 'y2026_dtpt', 8000, 9000],
    ]);
    expect(d.totals).toEqual({ before: 12000, after: 12000 });
  });

  it('replaces the unit’s rows, keeping proposals and resolutions of unchanged matched projects', () => {
    const portal = entryKey('tt', 's:r1');
    const dc = entryKey('tt', 's:r0');
    const c = state([TTTT, YTE], {
      proposed: { [portal]: { y2026_sn: 100 }, [dc]: { y2026_dtpt: 5000 } },
      resolutions: { [dupKey]: { kind: 'keep', keep: dc } },
    });
    const d = diffSubmissions(TTTT, V2, c.form.columns);
    const next = applyResubmission(c, unitKey('Sở Thông tin và Truyền thông'), d, {
      before: requestedByProject(TTTT, c.form.columns),
      after: requestedByProject(V2, c.form.columns),
    });
    expect(next.current[unitKey('Sở TT&TT')]).toBe('tt2');
    // the portal's figures did not change: its proposal follows; the data centre's did: it does not
    expect(next.proposed[entryKey('tt2', 's:r0')]).toEqual({ y2026_sn: 100 });
    expect(next.proposed[entryKey('tt2', 's:r1')]).toBeUndefined();
    const moved = pairKey(entryKey('tt2', 's:r1'), entryKey('yt', 's:r0'));
    expect(next.resolutions[moved]).toEqual({ kind: 'keep', keep: entryKey('tt2', 's:r1') });
    const t = consolidate(
      { ...next, submissionIds: [...next.submissionIds, 'tt2'] },
      all(TTTT, YTE, V2),
    );
    expect(t.total.requested).toEqual([14700, 550]);
    expect(t.total.proposed).toEqual([14700, 350]);
  });
});
