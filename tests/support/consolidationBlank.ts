/** Two departments' one-project submissions, one leaving a cell blank, one typing 0 (h163). */
import { unitKey } from '../../src/domain/consolidate';
import { formColumnId } from '../../src/domain/consolidateColumns';
import type { Consolidation, Submission } from '../../src/domain/consolidateTypes';
import * as XLSX from '@e965/xlsx';

/** A submission of one project in section `I`: its cells by column key (a blank cell absent). */
export function sub(
  id: string,
  unit: string,
  name: string,
  values: Record<string, number>,
): Submission {
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

export const YTE = sub('yt', 'Sở Y tế', 'Bệnh án điện tử', { 's:a': 3000 }); // SN left blank
export const NV = sub('nv', 'Sở Nội vụ', 'Số hóa hồ sơ', { 's:a': 500, 's:b': 0 }); // SN typed 0

export function state(subs: Submission[], proposed: Consolidation['proposed'] = {}): Consolidation {
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
export const all = (...s: Submission[]) => new Map(s.map((x) => [x.id, x]));

/** A department's file: title block, 2026 × (ĐTPT, SN), one project (`null`: a blank cell). */
export function departmentFile(unit: string, name: string, dtpt: number, sn: number | null) {
  const ws = XLSX.utils.aoa_to_sheet([
    [unit.toUpperCase()],
    ['DANH MỤC DỰ ÁN CNTT ĐỀ XUẤT NĂM 2026'],
    ['ĐVT: triệu đồng'],
    [],
    ['TT', 'Tên dự án', 'Đơn vị thực hiện', 'Năm 2026', null],
    [null, null, null, 'Vốn ĐTPT', 'Vốn SN'],
    ['1', name, unit, dtpt, sn],
  ]);
  ws['!merges'] = [
    { s: { r: 4, c: 3 }, e: { r: 4, c: 4 } },
    ...[0, 1, 2].map((c) => ({ s: { r: 4, c }, e: { r: 5, c } })),
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Phụ lục');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  return { name: `${unit}.xlsx`, bytes };
}
