import { describe, expect, it } from 'vitest';
import { leaves } from './columns';
import {
  buildSubmission,
  isTotalLabel,
  moneyFactor,
  scaleTo,
  withTotalsNamedLikeProjects,
} from './consolidateSubmission';
import { consolidate, unitKey } from './consolidate';
import { formColumnId } from './consolidateColumns';
import type { Consolidation, Provenance, Submission } from './consolidateTypes';
import { makePlan } from './template';
import type { Workbook } from './types';

const PROVENANCE: Provenance = {
  unit: 'Sở Y tế',
  unitFrom: 'file',
  fileName: 'so-y-te.xlsx',
  receivedAt: '2025-08-15T08:00:00.000Z',
  sha256: '0'.repeat(64),
  size: 1,
  note: '',
};

/** A submission of a workbook whose cells are its values (no formulas). */
function submit(wb: Workbook) {
  return buildSubmission({
    id: 'sub1',
    provenance: PROVENANCE,
    workbook: wb,
    value: (sheetId, row, colId) => {
      const v = wb.sheets.find((s) => s.id === sheetId)!.rows[row].cells[colId];
      return typeof v === 'number' ? v : null;
    },
    findings: [],
  });
}

describe('a submission from a read workbook', () => {
  it('takes projects with their sections and figures, never of-which or ratio rows', () => {
    const wb = makePlan({
      years: [2026],
      rows: [
        ['section', 0, 'I. Hạ tầng', {}],
        ['project', 1, 'Trung tâm dữ liệu', { '2026:ĐTPT': 8000, '2026:SN': 100 }],
        ['project', 2, 'Trong đó: thiết bị', { '2026:ĐTPT': 5000 }],
        ['project', 1, 'Mạng LAN', { '2026:ĐTPT': 500 }],
      ],
    });
    wb.sheets[0].rows[2].part = 'ofWhich';
    const s = submit(wb);
    expect(s.projects.map((p) => [p.name, p.sections, p.values])).toEqual([
      ['Trung tâm dữ liệu', ['I. Hạ tầng'], { 's1:y2026_dtpt': 8000, 's1:y2026_sn': 100 }],
      ['Mạng LAN', ['I. Hạ tầng'], { 's1:y2026_dtpt': 500 }],
    ]);
    expect(s.columns.filter((c) => c.kind === 'amount').map((c) => c.key)).toEqual([
      's1:y2026_dtpt',
      's1:y2026_sn',
    ]);
  });

  it('leaves figures that are never added up (ratios) out of the amounts', () => {
    const wb = makePlan({ years: [2026], rows: [['project', 0, 'A', { '2026:SN': 10 }]] });
    const sn = leaves(wb.sheets[0].columns).find((l) => l.id === 'y2026_sn')!;
    sn.additive = false;
    expect(submit(wb).columns.find((c) => c.key === 's1:y2026_sn')?.kind).toBe('other');
  });

  it('reads its money unit and scales to the form’s', () => {
    expect(moneyFactor('đồng')).toBe(1);
    expect(moneyFactor('Nghìn đồng')).toBe(1e3);
    expect(moneyFactor('triệu đồng')).toBe(1e6);
    expect(moneyFactor('tỷ đồng')).toBe(1e9);
    expect(moneyFactor('người')).toBeNull();
    expect(scaleTo({ unit: 'đồng' }, 'triệu đồng')).toBe(1e-6);
    expect(scaleTo({ unit: '' }, 'triệu đồng')).toBe(1);
    const wb = makePlan({ years: [2026], rows: [['project', 0, 'A', { '2026:SN': 10 }]] });
    wb.meta.unit = 'tỷ đồng';
    expect(submit(wb).unit).toBe('tỷ đồng');
  });

  it('turns rows read as totals but named as projects back into projects', () => {
    expect(isTotalLabel('Tổng cộng')).toBe(true);
    expect(isTotalLabel('Cộng I')).toBe(true);
    expect(isTotalLabel('Tổng vốn ĐTPT')).toBe(true);
    expect(isTotalLabel('Cổng thông tin điện tử tỉnh')).toBe(false);
    expect(isTotalLabel('Tổng đài 1022')).toBe(false);
    const wb = makePlan({
      years: [2026],
      rows: [
        ['project', 1, 'Cổng thông tin điện tử', { '2026:SN': 300 }],
        ['project', 1, 'Số hóa', { '2026:SN': 200 }],
        ['total', 0, 'Tổng cộng', { '2026:SN': 500 }],
      ],
    });
    wb.sheets[0].rows[0].kind = 'total';
    const fixed = withTotalsNamedLikeProjects(wb).sheets[0].rows;
    expect(fixed.map((r) => [r.kind, r.level])).toEqual([
      ['project', 1],
      ['project', 1],
      ['total', 0],
    ]);
  });
});

describe('a file of several sheets', () => {
  const sheetOf = (wb: Workbook, id: string, name: string) => ({ ...wb.sheets[0], id, name });
  it('takes every detail sheet, not a summary of them', () => {
    const detail = makePlan({
      years: [2026],
      rows: [
        ['project', 0, 'A', { '2026:ĐTPT': 100 }],
        ['project', 0, 'B', { '2026:ĐTPT': 50 }],
      ],
    });
    const summary = makePlan({
      years: [2026],
      rows: [['project', 0, 'Ứng dụng', { '2026:ĐTPT': 150 }]],
    });
    const wb = {
      ...detail,
      sheets: [sheetOf(summary, 's0', 'Biểu 01'), sheetOf(detail, 's1', 'Biểu 02')],
    };
    expect(submit(wb).sheets).toEqual(['Biểu 02']);
    // sheets per year with the same figures are not copies of each other
    const y2027 = makePlan({
      years: [2027],
      rows: [
        ['project', 0, 'A', { '2027:ĐTPT': 100 }],
        ['project', 0, 'B', { '2027:ĐTPT': 50 }],
      ],
    });
    const perYear = {
      ...detail,
      sheets: [sheetOf(detail, 's1', '2026'), sheetOf(y2027, 's2', '2027')],
    };
    expect(submit(perYear).projects).toHaveLength(4);
  });
});

describe('sources named by sections', () => {
  it('puts each project’s figure under the source its section names', () => {
    const wb = makePlan({
      years: [2026],
      sources: ['total'],
      rows: [
        ['section', 0, 'A. Vốn đầu tư phát triển', {}],
        ['project', 1, 'Trung tâm dữ liệu', { y2026_total: 8000 }],
        ['section', 0, 'B. Vốn sự nghiệp', {}],
        ['project', 1, 'Duy trì cổng', { y2026_total: 300 }],
      ],
    });
    for (const l of leaves(wb.sheets[0].columns)) if (l.id === 'y2026_total') delete l.source;
    const s = submit(wb);
    const amounts = s.columns.filter((c) => c.kind === 'amount');
    expect(amounts.map((c) => [c.path.at(-1), c.year, c.source])).toEqual([
      ['Vốn total', 2026, null],
      ['ĐTPT', 2026, 'ĐTPT'],
      ['SN', 2026, 'SN'],
    ]);
    expect(s.projects.map((p) => p.values)).toEqual([
      { 's1:y2026_total@ĐTPT': 8000 },
      { 's1:y2026_total@SN': 300 },
    ]);
  });
});

describe("the units' notes (Ghi chú)", () => {
  it('go with their projects into the consolidated table, both notes on a merged row', () => {
    const wb = makePlan({
      years: [2026],
      rows: [
        ['project', 0, 'Trung tâm dữ liệu', { '2026:ĐTPT': 8000, notes: 'Chuyển tiếp' }],
        ['project', 0, 'Mạng LAN', { '2026:ĐTPT': 500 }],
      ],
    });
    const s = submit(wb);
    expect(s.projects.map((p) => [p.name, p.note])).toEqual([
      ['Trung tâm dữ liệu', 'Chuyển tiếp'],
      ['Mạng LAN', undefined],
    ]);
    const other: Submission = {
      ...s,
      id: 'sub2',
      provenance: { ...PROVENANCE, unit: 'Sở TT&TT' },
      projects: [{ ...s.projects[0], note: 'Trùng với đề xuất của Sở Y tế?' }],
    };
    const c: Consolidation = {
      id: 'c1',
      form: {
        title: 'Tổng hợp',
        unit: 'triệu đồng',
        columns: [{ id: formColumnId(2026, 'ĐTPT'), year: 2026, source: 'ĐTPT' }],
        sections: [],
        units: [],
      },
      submissionIds: ['sub1', 'sub2'],
      current: { [unitKey('Sở Y tế')]: 'sub1', [unitKey('Sở TT&TT')]: 'sub2' },
      mappings: {},
      proposed: {},
      resolutions: {},
      grouping: 'unit',
      createdAt: 0,
      updatedAt: 0,
    };
    const subs = new Map([
      ['sub1', s],
      ['sub2', other],
    ]);
    const notes = (t: ReturnType<typeof consolidate>) =>
      t.rows.filter((r) => r.kind === 'project').map((r) => [r.name, r.note]);
    const t = consolidate(c, subs);
    expect(notes(t)).toEqual([
      ['Trung tâm dữ liệu', 'Chuyển tiếp'],
      ['Mạng LAN', undefined],
      ['Trung tâm dữ liệu', 'Trùng với đề xuất của Sở Y tế?'],
    ]);
    const [dup] = t.duplicates;
    const merged = consolidate({ ...c, resolutions: { [dup.key]: { kind: 'merge' } } }, subs);
    expect(notes(merged)).toContainEqual([
      'Trung tâm dữ liệu',
      'Chuyển tiếp; Trùng với đề xuất của Sở Y tế?',
    ]);
  });
});
