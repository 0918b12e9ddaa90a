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
    // the revenue table M03 states its total (782700); provinces M09 have no amount column (0)
    expect(totals.M03).toBe(782700);
    expect(totals.M09).toBe(0);
    const text = formatCheck(r.sheets[0]);
    expect(text).not.toMatch(/computed total \d/);
    expect(text).toContain('no computed total (the top rows are different quantities');
    expect(formatCheck(r.sheets.find((s) => s.sheet === 'M03')!)).toContain(
      'computed total 782700',
    );
  });
});
