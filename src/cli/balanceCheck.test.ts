/**
 * `planbook check` prints no computed grand total for a balance table (Plan_2014 M01: revenue,
 * expenditure, deficit), and the total of every other sheet as before.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../io/readPlan';
import '../io/sheetJsEager';
import { formatCheck, workbookCheck } from './checkJson';
import { plainValuesOf } from './plainCheck';

describe('planbook check on a balance table', () => {
  it('gives no computed total for M01 and M02 of Plan_2014, a total for the others', () => {
    const f = 'fixtures/mof/Plan_2014.xls';
    const reading = readPlanFile(f, new Uint8Array(readFileSync(f)));
    const values = plainValuesOf(reading.workbook.sheets)!;
    const r = workbookCheck(f, reading, values);
    const totals = Object.fromEntries(r.sheets.map((s) => [s.sheet, s.computed.total]));
    // before: M01 2013400 (782700 revenue + 1006700 expenditure + 224000 deficit), M02 2436570
    expect(totals.M01).toBeNull();
    expect(totals.M02).toBeNull();
    expect(r.computed.total).toBeNull();
    // the revenue table M03 states its total (782700); provinces M09 have no amount column by
    // year or source: their total is the table's own total column's, as the import preview's
    expect(totals.M03).toBe(782700);
    expect(totals.M09).not.toBe(0);
    expect(totals.M09).toBe(817_200_000); // the import preview's (app/previewTotals.test.ts)
    const text = formatCheck(r.sheets[0]);
    expect(text).not.toMatch(/computed total \d/);
    expect(text).toContain('no computed total (the top rows are different quantities');
    expect(formatCheck(r.sheets.find((s) => s.sheet === 'M03')!)).toContain(
      'computed total 782700',
    );
  });
});

describe('planbook check on a table of provinces', () => {
  it('totals Plan_2003 in its own total column, as the import preview does, never 0', () => {
    const f = 'fixtures/mof/Plan_2003.xls';
    const reading = readPlanFile(f, new Uint8Array(readFileSync(f)));
    const r = workbookCheck(f, reading, plainValuesOf(reading.workbook.sheets)!);
    // before: "computed total 0" (no amount column by year or source to add up)
    expect(r.computed.total).toBe(127_400_000);
    expect(r.computed.column).toMatch(/^tổng thu NSNN trên địa bàn/);
    expect(formatCheck(r.sheets[0])).toContain('computed total 127400000 (tổng thu NSNN');
    expect(r.summary.errors + r.summary.warnings).toBe(0);
  });
});
