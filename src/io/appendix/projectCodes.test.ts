import { describe, expect, it } from 'vitest';
import { leaves } from '../../domain/columns';
import { compare } from '../../domain/compare';
import { typedSide } from '../../domain/compareColumns';
import { matchProjects, projectRefs } from '../../domain/match';
import { codeColumn, isCodeLabel, isProjectCodeLabel } from '../../domain/matchCodes';
import type { AppendixSheet } from '../../domain/types';
import { readGrids } from '../readPlan';
import { gridFromText, type RawCell, type RawGrid } from './grid';

/** A department's table with a code column headed `header`, one project a line: [name, code]. */
function table(header: string, projects: [string, string][]): string[] {
  return [
    'BIỂU KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2025',
    'Đơn vị: Triệu đồng',
    `STT\tDanh mục dự án\t${header}\tĐơn vị thực hiện\tTổng mức đầu tư\tKế hoạch năm 2025`,
    '1\t2\t3\t4\t5\t6',
    'I\tNgành giáo dục\t\t\t1.500\t600',
    ...projects.map(
      ([name, code], k) => `${k + 1}\t${name}\t${code}\tUBND huyện Triệu Phong\t500\t200`,
    ),
    '\tTổng cộng\t\t\t1.500\t600',
  ];
}

const SCHOOLS: [string, string][] = [
  ['Trường THCS Triệu Độ', '7012345'],
  ['Đường giao thông liên xã Triệu Thuận', '7012362'],
  ['Trạm y tế xã Hải An', '7012379'],
];

const bookOf = (lines: string[]) => readGrids('t', [gridFromText(lines.join('\n'))]).workbook;
const sheetOf = (lines: string[], grid?: RawGrid): AppendixSheet => {
  const s = readGrids('t', [grid ?? gridFromText(lines.join('\n'))]).workbook.sheets[0];
  if (s.kind !== 'appendix') throw new Error('not read as a table');
  return s;
};
const projects = (s: AppendixSheet) => s.rows.filter((r) => r.kind === 'project');
/** The code each project of a read sheet carries in its code column. */
const codes = (s: AppendixSheet) => {
  const id = codeColumn(s);
  return id ? projects(s).map((r) => r.cells[id]) : [];
};

describe('a project-code column (Mã dự án) in a read table', () => {
  it('keeps each project’s code on its row, a text column, never a figure', () => {
    const s = sheetOf(table('Mã dự án', SCHOOLS));
    const id = codeColumn(s);
    expect(id).toBeDefined();
    const leaf = leaves(s.columns).find((l) => l.id === id)!;
    expect(leaf.role).toBe('text');
    expect(leaf.code).toBe('3'); // the column code row stays the column's code, no project's
    expect(codes(s)).toEqual(['7012345', '7012362', '7012379']);
    // no code is a figure of its row, the project's figures are its own, the section has no code
    for (const r of projects(s))
      expect(Object.values(r.cells).filter((v) => typeof v === 'number')).toEqual([500, 200]);
    expect(s.rows[0].cells[id!]).toBeUndefined();
  });

  it('reads labels without diacritics, short, English and bilingual, and codes with letters', () => {
    for (const header of ['Ma du an', 'Mã DA', 'Mã số dự án', 'Project code', 'Mã dự án / Code'])
      expect(codes(sheetOf(table(header, SCHOOLS)))).toEqual(['7012345', '7012362', '7012379']);
    const lettered = sheetOf(
      table('Mã dự án', [
        ['Trường THCS Triệu Độ', 'DA-01'],
        ['Đường giao thông liên xã Triệu Thuận', 'QT.2021.05'],
        ['Trạm y tế xã Hải An', 'DA-03'],
      ]),
    );
    expect(codes(lettered)).toEqual(['DA-01', 'QT.2021.05', 'DA-03']);
  });

  it('keeps a stored number’s leading zeros as its format shows them', () => {
    const g = gridFromText(table('Mã dự án', SCHOOLS).join('\n'));
    const first = g.rows[5];
    const cell: RawCell = { text: '0012345', value: 12345, format: '0000000' };
    g.rows[5] = [...first.slice(0, 2), cell, ...first.slice(3)];
    expect(codes(sheetOf([], g))[0]).toBe('0012345');
  });

  it('takes no row number, column code, budget code or plain `Mã số` for a project code', () => {
    for (const label of ['STT', 'TT', '1', 'Mã chương', 'Mã ngành', 'Mã số', 'Mã nguồn vốn'])
      expect(isProjectCodeLabel(label)).toBe(false);
    for (const label of ['Mã TMĐT', 'MÃ DỰ ÁN', 'Project ID', 'Mã dự án\n(Project code)'])
      expect(isProjectCodeLabel(label)).toBe(true);
    const s = sheetOf(table('Ghi chú', SCHOOLS));
    expect(codeColumn(s)).toBeUndefined();
  });

  it('reads a bilingual header by its Vietnamese line: a budget code’s `Code` is no project’s', () => {
    for (const label of ['Mã số / Code', 'Mã chương / Chapter code', 'Mã ngành\n(Sector code)'])
      expect([isProjectCodeLabel(label), isCodeLabel(label)], label).toEqual([false, true]);
    for (const label of ['Mã dự án / Project code', 'Mã dự án / Code', 'Code', 'Project code'])
      expect([isProjectCodeLabel(label), isCodeLabel(label)], label).toEqual([true, true]);
    for (const label of ['Danh mục dự án / Project', 'Kế hoạch năm 2025 / Plan', 'Mức vốn'])
      expect(isCodeLabel(label), label).toBe(false);
  });

  it('reads a budget code column (`Mã chương / Chapter code`) as text: no amount, no project code', () => {
    const chapters = SCHOOLS.map(([n], k): [string, string] => [n, ['018', '412', '018'][k]]);
    for (const header of ['Mã chương / Chapter code', 'Mã số / Code']) {
      const s = sheetOf(table(header, chapters));
      const leaf = leaves(s.columns).find((l) => l.label === header)!;
      expect(leaf.role, header).toBe('text');
      expect(codeColumn(s), header).toBeUndefined();
      for (const r of projects(s))
        expect(Object.values(r.cells).filter((v) => typeof v === 'number')).toEqual([500, 200]);
    }
  });

  it('pairs a project renamed outright by the code both read files give it', () => {
    const a = sheetOf(table('Mã dự án', SCHOOLS));
    const renamed = SCHOOLS.map(([n, c]): [string, string] =>
      c === '7012362' ? ['Trụ sở làm việc Ban quản lý dự án đầu tư xây dựng', c] : [n, c],
    );
    const read = sheetOf(table('Mã dự án', renamed));
    // another file's rows (ids of one workbook would pair by id)
    const b = { ...read, rows: read.rows.map((r) => ({ ...r, id: `b${r.id}` })) };
    const m = matchProjects(projectRefs(a), projectRefs(b));
    const pair = m.matched.find((x) => x.a.text === 'Đường giao thông liên xã Triệu Thuận');
    expect(pair?.b.text).toBe('Trụ sở làm việc Ban quản lý dự án đầu tư xây dựng');
    expect(pair?.by).toBe('code');
    expect(pair?.reasons).toContain('sameCode');
  });

  it('compares two read files: a renamed project paired by its code, no code reported changed', () => {
    const a = typedSide('a', bookOf(table('Mã dự án', SCHOOLS)));
    const renamed = SCHOOLS.map(([n, c], k): [string, string] => [
      k === 1 ? 'Trụ sở làm việc' : n,
      c,
    ]);
    const r = compare(a, typedSide('b', bookOf(table('Mã dự án', renamed))));
    expect([r.added.length, r.removed.length, r.changes.length]).toEqual([0, 0, 0]);
    expect(r.matched.find((m) => m.b.text === 'Trụ sở làm việc')?.by).toBe('code');
    // two rows swapped, the codes pasted in their old order: paired by name, no code is a change
    const swapped = [SCHOOLS[1], SCHOOLS[0], SCHOOLS[2]].map(([n], k): [string, string] => [
      n,
      SCHOOLS[k][1],
    ]);
    const s = compare(a, typedSide('b', bookOf(table('Mã dự án', swapped))));
    expect(s.matched.every((m) => m.a.text === m.b.text)).toBe(true);
    expect(s.changes).toEqual([]);
  });
});
