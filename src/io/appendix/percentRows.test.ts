/**
 * Figures the source shows as percentages. The Ministry's M01 tables state the deficit as a share
 * of GDP in a `0.0%` cell (Plan_2014: 0.053, shown `5.3%`): the row keeps the fraction and marks
 * the cell (`Row.percent`), which grid, exports and CLI show as `5,3%`. The M09 tables' `TỶ LỆ (%)`
 * columns hold percentage points (100, 76) under `#,##0`: plain figures, unmarked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Workbook } from '../../domain/types';
import { readPlanFile } from '../readPlan';
import '../sheetJsEager';

const read = (f: string): Workbook => readPlanFile(f, readFileSync(`fixtures/mof/${f}`)).workbook;

/** Every percent cell of a workbook: sheet, row label, value, decimals. */
function percents(wb: Workbook): [string, string, unknown, number][] {
  const out: [string, string, unknown, number][] = [];
  for (const s of wb.sheets)
    for (const r of s.rows)
      for (const [k, d] of Object.entries(r.percent ?? {}))
        out.push([s.name, String(r.cells.name).slice(0, 30), r.cells[k], d]);
  return out;
}

describe('percent figures read from the source', () => {
  it('Plan_2014 M01: the deficit row is 0.053, a percent cell printing 1 decimal, a ratio row', () => {
    const m01 = read('Plan_2014.xls').sheets.find((s) => s.name === 'M01')!;
    const row = m01.rows.find((r) => String(r.cells.name).startsWith('Tỷ lệ bội chi'))!;
    expect(row.part).toBe('ratio');
    expect(row.cells.y2014_total).toBe(0.053);
    expect(row.percent).toEqual({ y2014_total: 1 });
    // no other row of the sheet is a percent one
    expect(m01.rows.filter((r) => r.percent)).toEqual([row]);
  });

  it('Plan_2017 M01: three deficit rows, in 0.0% and 0.00%', () => {
    expect(percents(read('Plan_2017.xls'))).toEqual([
      ['M01', 'Tỷ lệ bội chi so GDP', 0.03496078431372549, 1],
      ['M01', 'Tỷ lệ bội chi so GDP', 0.0337843137254902, 2],
      ['M01', 'Tỷ lệ bội chi so GDP', 0.001176470588235294, 2],
    ]);
  });

  it('M09 sharing rates in percentage points (TỶ LỆ (%), 100 under #,##0) stay plain figures', () => {
    const wb = read('Plan_2014.xls');
    const m09 = wb.sheets.find((s) => s.name === 'M09')!;
    expect(m09.rows.some((r) => r.percent)).toBe(false);
    expect(m09.rows.some((r) => Object.values(r.cells).includes(100))).toBe(true);
    expect(percents(wb)).toHaveLength(1);
  });

  it('a text such as 5,3% (a CSV) is the fraction 0.053, a percent cell of 1 decimal', () => {
    const csv = 'STT;Nội dung;Năm 2024\n1;Thu nội địa;1.500\n;Tỷ lệ bội chi so GDP;5,3%\n';
    const wb = readPlanFile('t.csv', new TextEncoder().encode(csv)).workbook;
    const row = wb.sheets[0].rows.find((r) => String(r.cells.name).startsWith('Tỷ lệ'))!;
    const key = Object.keys(row.percent ?? {})[0];
    expect([row.cells[key], row.percent?.[key]]).toEqual([0.053, 1]);
  });

  it('a row of percentages alone is a ratio row whatever its label: never added up', () => {
    const csv =
      'STT;Nội dung;Năm 2024\nI;Chi đầu tư;3.000\n1;Dự án A;1.000\n2;Dự án B;2.000\n3;Vốn đối ứng;12,5%\n';
    const wb = readPlanFile('t.csv', new TextEncoder().encode(csv)).workbook;
    const row = wb.sheets[0].rows.find((r) => r.cells.name === 'Vốn đối ứng')!;
    expect(row.part).toBe('ratio');
    expect(Object.values(row.percent ?? {})).toEqual([1]);
  });
});
