/**
 * A balance table (revenue, expenditure, deficit: MoF's M01 and M02) has no grand total: the
 * export writes no *Tổng cộng* row and no views adding the plan up; the parts of one whole (a
 * capital plan's projects, the ministries of a spending table) keep theirs. Read back from the file.
 */
import * as XLSX from '@e965/xlsx';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatedExport } from '../../../tests/support/evaluatedExport';
import { makePlan } from '../../domain/template';
import { computedTotalRows, hasGrandTotal } from '../../domain/totals';
import type { Workbook } from '../../domain/types';
import { readPlanFile } from '../readPlan';
import '../sheetJsEager';

const read = (f: string): Workbook => readPlanFile(f, new Uint8Array(readFileSync(f))).workbook;

/** The rows of an exported sheet whose name cell (column B) is `Tổng cộng`, with their C cell. */
async function grandRows(wb: Workbook): Promise<Map<string, { row: number; f?: string }[]>> {
  const { out } = await evaluatedExport(wb, { streamRowsOver: Infinity });
  const book = XLSX.read(out.bytes, { type: 'array', cellFormula: true });
  const found = new Map<string, { row: number; f?: string }[]>();
  for (const name of book.SheetNames) {
    const ws = book.Sheets[name];
    const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
    const rows: { row: number; f?: string }[] = [];
    for (let r = range.s.r; r <= range.e.r; r++)
      for (let c = 0; c <= Math.min(range.e.c, 3); c++)
        if (ws[XLSX.utils.encode_cell({ r, c })]?.v === 'Tổng cộng')
          rows.push({ row: r + 1, f: ws[XLSX.utils.encode_cell({ r, c: c + 1 })]?.f });
    found.set(name, rows);
  }
  return found;
}

describe('the grand total of a balance table', () => {
  it('is left out of the export of Plan_2014: none on M01 and M02, no views; N07 keeps its own', async () => {
    const wb = read('fixtures/mof/Plan_2014.xls');
    const got = await grandRows(wb);
    // before: M01 row 24 `Tổng cộng =SUM(C10,C15,C21)` (revenue + expenditure + deficit), M02 too
    expect(got.get('M01')).toEqual([]);
    expect(got.get('M02')).toEqual([]);
    // before: 'Theo đơn vị' and 'Theo năm' added the balance up by unit and year
    expect([...got.keys()]).toEqual([...wb.sheets.map((s) => s.name), 'Kiểm tra', '_planbook']);
    // the ministries (no stated total) keep Planbook's total over their top-level sections
    expect(got.get('N07')).toHaveLength(1);
    expect(got.get('N07')![0].f).toMatch(/^SUM\(/);
  });

  it('is left out of the export of a small hand-built balance table', async () => {
    const wb = makePlan({
      years: [2024],
      sources: ['ĐTPT'],
      rows: [
        ['project', 0, 'Tổng thu ngân sách', { '2024:ĐTPT': 100 }],
        ['project', 0, 'Tổng chi ngân sách', { '2024:ĐTPT': 130 }],
        ['project', 0, 'Bội chi ngân sách', { '2024:ĐTPT': 30 }],
      ],
    });
    const got = await grandRows(wb);
    expect(got.get(wb.sheets[0].name)).toEqual([]);
  });

  it('is missing only on the balance sheets of the MoF corpus (M01, M02), by their labels', () => {
    const none: string[] = [];
    for (const f of readdirSync('fixtures/mof').sort())
      for (const s of read(join('fixtures/mof', f)).sheets)
        if (!hasGrandTotal(s)) none.push(`${f.replace('.xls', '')} ${s.name}`);
    const years = ['Final_2007', 'Final_2009', 'Final_2010', 'Final_2011', 'Final_2013'];
    expect(none).toEqual([
      ...years.flatMap((y) => [`${y} M01+`, `${y} M02+`]),
      ...['Plan_2012', 'Plan_2014', 'Plan_2015', 'Plan_2017'].flatMap((y) => [
        `${y} M01`,
        `${y} M02`,
      ]),
    ]);
  }, 120_000);
});

describe('the grand total of a capital plan', () => {
  it('is kept where the plan states none (the departments’ submissions) and where it states its own', async () => {
    for (const f of ['so-gd-dt.ods', 'so-tai-chinh.xlsx', 'ubnd-gio-linh.xls']) {
      const wb = read(join('fixtures/consolidate', f));
      const sheet = wb.sheets[0];
      expect({ f, rows: computedTotalRows(sheet, []) }).toEqual({ f, rows: [null] });
      const got = await grandRows(wb);
      expect({ f, n: got.get(sheet.name)?.length }).toEqual({ f, n: 1 });
    }
    // the sample appendix states its total rows: they are its totals, exported as written
    const sample = read('fixtures/quang-tri-2011-2015-appendix.xls');
    expect(hasGrandTotal(sample.sheets[0])).toBe(true);
    expect((await grandRows(sample)).get(sample.sheets[0].name)).toHaveLength(1);
  }, 120_000);
});
