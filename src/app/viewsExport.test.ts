/** The unit and year sheets of the export recalculate in LibreOffice to the figures of the views. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../tests/support/libreoffice';
import { parsePlanbook } from '../io/planbookFile';
import { workbookXlsx } from './exports';
import { WorkbookSession } from './session';

const num = (s: string | undefined) => Number(String(s ?? '').replace(/,/g, ''));

describe('views in the submission workbook', () => {
  it('writes SUMIFS and references to the appendix that LibreOffice recalculates to the same figures', async () => {
    const r = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
    if (!r.ok) throw new Error('sample');
    const wb = r.workbook;
    // a spelling that needs escaping in a criterion, merged with the main unit, and a ceiling
    wb.sheets[0].rows.find((x) => x.id === 'qt16')!.cells.lead = 'Sở TT&TT*';
    wb.meta = {
      ...wb.meta,
      unitAliases: { 'so tt tt': 'Sở TT và TT' },
      ceilings: { '2012|ĐTPT': 10000 },
    };
    const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
    const bytes = await workbookXlsx(s, 'vi');
    const file = join(mkdtempSync(join(tmpdir(), 'planbook-views-')), 'views.xlsx');
    writeFileSync(file, bytes);
    const sheet = wb.sheets[0].id;
    // the export sums the cells itself; the view's own formulas must give the same figures
    for (const _ of s.views.prepareUnits(sheet));
    const units = s.views.unitRows(sheet);
    const years = s.views.yearRows(sheet);
    expect(units.map((u) => [u.name, u.count, u.total])).toEqual([
      ['Sở TT và TT', 8, 36550],
      ['VP UBND tỉnh', 6, 11000],
      ['Sở Tài Chính', 1, 1500],
      ['Thanh tra tỉnh', 1, 300],
      ['Sở Nội vụ', 1, 500],
    ]);
    for (const recalc of [false, true]) {
      const csv = toCsv(file, recalc);
      const u = csv.get('Theo đơn vị')!.slice(5);
      units.forEach((x, k) => {
        expect(u[k][1]).toBe(x.name);
        expect(num(u[k][2])).toBe(x.count);
        expect(num(u[k][u[k].length - 1])).toBe(x.total);
      });
      expect(u[units.length][1]).toBe('TỔNG CỘNG');
      expect(num(u[units.length][u[units.length].length - 1])).toBe(49850);
      const y = csv.get('Theo năm')!.slice(5);
      years.forEach((x, k) => {
        expect(num(y[k][0])).toBe(x.year);
        expect(num(y[k][1])).toBe(x.bySource['ĐTPT'].amount);
        expect(num(y[k][3])).toBe(x.bySource['ĐTPT'].cumulative);
        expect(num(y[k][11])).toBe(x.all.amount);
      });
      // 2012: ĐTPT 11.000 against a ceiling of 10.000
      expect([num(y[1][4]), num(y[1][5])]).toEqual([10000, -1000]);
    }
  });

  it('leaves a top-level of-which and ratio row out of the year totals, as Planbook does', async () => {
    const r = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
    if (!r.ok) throw new Error('sample');
    const wb = r.workbook;
    const rows = wb.sheets[0].rows;
    const at = rows.findIndex((x) => x.kind === 'total');
    rows.splice(
      at,
      0,
      {
        id: 'ow',
        kind: 'project',
        level: 0,
        part: 'ofWhich',
        cells: { name: 'Trong đó: ODA', y2012_dtpt: 5000 },
      },
      {
        id: 'ra',
        kind: 'project',
        level: 0,
        part: 'ratio',
        cells: { name: 'Tỷ lệ', y2012_dtpt: 0.25 },
      },
    );
    const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
    const file = join(mkdtempSync(join(tmpdir(), 'planbook-views-')), 'parts.xlsx');
    writeFileSync(file, await workbookXlsx(s, 'vi'));
    const years = s.views.yearRows(wb.sheets[0].id);
    // 2012: 11.000 ĐTPT, 14.850 in all (as without them), the of-which and ratio rows not added
    expect([years[1].bySource['ĐTPT'].amount, years[1].all.amount]).toEqual([11000, 14850]);
    // before: LibreOffice gave 16.000,25 and 19.850,25 (the grand total read every top-level row)
    const y = toCsv(file, true).get('Theo năm')!.slice(5);
    years.forEach((x, k) => {
      expect(num(y[k][1])).toBe(x.bySource['ĐTPT'].amount);
      expect(num(y[k][11])).toBe(x.all.amount);
    });
  }, 180_000);
});
