/**
 * Small consolidation data the tests build on (pure data): submissions of two amount columns
 * (2026 ĐTPT and SN), two departments' one-project submissions (one leaving a cell blank, one
 * typing 0), and a consolidation state over them.
 */
import { unitKey } from './consolidate';
import { formColumnId } from './consolidateColumns';
import type { Consolidation, Provenance, Submission, SubmittedColumn } from './consolidateTypes';

/** The two amount columns of the samples, keyed `s:a` (2026 ĐTPT) and `s:b` (2026 SN). */
export const SAMPLE_AMOUNTS: readonly SubmittedColumn[] = [
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
];

/** Where a sample submission came from: a file `<id>.xlsx` of `unit` received at `receivedAt`. */
export function sampleProvenance(
  id: string,
  unit: string,
  receivedAt = '2026-12-02T08:00:00.000Z',
): Provenance {
  return {
    unit,
    unitFrom: 'file',
    fileName: `${id}.xlsx`,
    receivedAt,
    sha256: id,
    size: 1,
    note: '',
  };
}

/** A submission of one project in section `I`: its cells by column key (a blank cell absent). */
export function oneProjectSubmission(
  id: string,
  unit: string,
  name: string,
  values: Record<string, number>,
): Submission {
  return {
    id,
    provenance: sampleProvenance(id, unit),
    title: '',
    unit: 'triệu đồng',
    sheets: ['PL'],
    columns: [...SAMPLE_AMOUNTS],
    projects: [{ id: 's:r0', number: '1', name, lead: unit, sections: ['I'], line: 7, values }],
    findings: [],
    notes: [],
  };
}

/** Sở Y tế's project with its SN cell left blank. */
export const YTE_SN_BLANK = oneProjectSubmission('yt', 'Sở Y tế', 'Bệnh án điện tử', {
  's:a': 3000,
});
/** Sở Nội vụ's project with its SN cell typed 0. */
export const NV_SN_ZERO = oneProjectSubmission('nv', 'Sở Nội vụ', 'Số hóa hồ sơ', {
  's:a': 500,
  's:b': 0,
});

/**
 * A consolidation by unit of the two departments over 2026 ĐTPT, 2026 SN and 2027 ĐTPT (a
 * column no one submitted), with the submissions `subs` in force and the `proposed` figures.
 */
export function twoUnitConsolidation(
  subs: readonly Submission[],
  proposed: Consolidation['proposed'] = {},
): Consolidation {
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

/** The submissions by id, as `consolidate` takes them. */
export const submissionsById = (...s: Submission[]) => new Map(s.map((x) => [x.id, x]));
