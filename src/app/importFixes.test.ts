import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leaves } from '../domain/columns';
import { readPlanFile } from '../io/readPlan';
import { rekindRow, retypeColumn } from './importFixes';
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
