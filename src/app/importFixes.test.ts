import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leaves } from '../domain/columns';
import { readPlanFile } from '../io/readPlan';
import type { AppendixSheet } from '../domain/types';
import { dropRows, readingOfRow, rekindRow, rereadRow, retypeColumn } from './importFixes';
import { WorkbookSession } from './session';

const tsv = () => readPlanFile('a.tsv', readFileSync('fixtures/quang-tri-2011-2015-appendix.tsv'));

describe('import preview corrections', () => {
  it('moves a column to another year and source, its figures following', () => {
    const r = tsv();
    const sheet = retypeColumn(r.workbook.sheets[0], 'y2015_sn', {
      role: 'amount',
      year: 2016,
      source: 'NST',
    });
    const l = leaves(sheet.columns).find((x) => x.label === 'Vốn SN' && x.year === 2016)!;
    expect(l).toMatchObject({ id: 'y2016_nst', role: 'amount', source: 'NST' });
    expect(sheet.rows.find((x) => x.cells.y2016_nst === 1500)?.cells.name).toBe(
      'Tổng vốn sự nghiệp TT&TT',
    );
    const s = new WorkbookSession(
      { workbook: { ...r.workbook, sheets: [sheet] }, order: new Map(), rev: 1 },
      null,
    );
    expect(s.total(sheet.id, 'NST', 'total')).toBe(50); // the training project's 2015 SN figure
    expect(s.total(sheet.id, 'SN', 'total')).toBe(10200);
  });

  it('turns a column into notes, and a row into a section', () => {
    const r = tsv();
    let sheet = retypeColumn(r.workbook.sheets[0], 'coord', { role: 'notes' });
    expect(sheet.rows[1].cells.notes).toBe('Các đơn vị liên quan');
    const row = sheet.rows[1].id;
    sheet = rekindRow(sheet, row, 'section');
    expect(sheet.rows[1]).toMatchObject({ kind: 'section', level: 1 });
    sheet = rekindRow(sheet, row, 'project');
    expect(sheet.rows[1]).toMatchObject({ kind: 'project', level: 1 });
  });

  it('re-reads with the header rows the user marks', () => {
    const bytes = readFileSync('fixtures/quang-tri-2011-2015-appendix.tsv');
    const auto = readPlanFile('a.tsv', bytes);
    expect(auto.sources?.[0].band).toEqual({ start: 7, end: 10, codeRow: null });
    const marked = readPlanFile('a.tsv', bytes, { bands: { a: { start: 7, end: 9 } } });
    expect(marked.sources?.[0].band).toEqual({ start: 7, end: 9, codeRow: null });
    // without the source row, the columns are years only
    expect(
      leaves(marked.workbook.sheets[0].columns)
        .filter((l) => l.role === 'amount')
        .every((l) => !l.source),
    ).toBe(true);
  });
});

describe('rows read as never added, or ignored, in the preview', () => {
  const sheet = (): AppendixSheet => ({
    kind: 'appendix',
    id: 's',
    name: 'S',
    title: '',
    columns: [
      { kind: 'leaf', id: 'name', label: 'Tên', role: 'name' },
      { kind: 'leaf', id: 'v', label: 'Năm 2024', role: 'amount', year: 2024 },
    ],
    rows: [
      { id: 'a', kind: 'section', level: 0, cells: { name: 'Chi', v: 100 } },
      { id: 'b', kind: 'project', level: 1, cells: { name: 'Chi đầu tư', v: 60 } },
      { id: 'c', kind: 'project', level: 1, cells: { name: 'Giáo dục', v: 20 } },
      { id: 'd', kind: 'project', level: 1, cells: { name: 'Chi thường xuyên', v: 40 } },
      { id: 'e', kind: 'project', level: 1, cells: { name: 'Ghi chú', v: 5 } },
    ],
  });

  it('an of-which line breaks down the row above it, which becomes its section', () => {
    const s = rereadRow(sheet(), 'c', 'ofWhich');
    expect(s.rows.map((r) => [r.id, r.kind, r.level, r.part ?? ''])).toEqual([
      ['a', 'section', 0, ''],
      ['b', 'section', 1, ''],
      ['c', 'project', 2, 'ofWhich'],
      ['d', 'project', 1, ''],
      ['e', 'project', 1, ''],
    ]);
    expect(readingOfRow(s.rows[2])).toBe('ofWhich');
    // and back
    expect(readingOfRow(rereadRow(s, 'c', 'project').rows[2])).toBe('project');
  });

  it('a ratio row is kept, never added; an ignored row is left out on confirm', () => {
    expect(rereadRow(sheet(), 'd', 'ratio').rows[3]).toMatchObject({
      kind: 'project',
      part: 'ratio',
    });
    expect(dropRows(sheet(), new Set(['e'])).rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
