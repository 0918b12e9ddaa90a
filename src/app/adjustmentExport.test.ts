/** The adjustment table's .xlsx recalculates in LibreOffice to the figures Planbook computed. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../tests/support/libreoffice';
import type { Workbook } from '../domain/types';
import { exportAdjustmentXlsx } from '../io/export/adjustmentXlsx';
import { parsePlanbook } from '../io/planbookFile';
import { compareWorkbooks, sideOf } from './comparison';

const load = (f: string): Workbook => {
  const r = parsePlanbook(readFileSync(`fixtures/compare/${f}`, 'utf8'));
  if (!r.ok) throw new Error(f);
  return r.workbook;
};

/** 0-based column index of an A1 address's letters. */
const colIndex = (ref: string) =>
  [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

describe('the adjustment table export', () => {
  it('writes formulas with their values; LibreOffice recalculates every one to the same figure', async () => {
    const { comparison, table } = compareWorkbooks(
      sideOf('Kế hoạch đã giao', load('quang-tri-a.planbook')),
      sideOf('Điều chỉnh 2013', load('quang-tri-b.planbook')),
    );
    const out = await exportAdjustmentXlsx({
      table,
      title: 'Kế hoạch ứng dụng CNTT tỉnh Quảng Trị 2011–2015',
      before: comparison.a,
      after: comparison.b,
      unit: 'triệu đồng',
    });
    const xml = strFromU8(unzipSync(out.bytes)['xl/worksheets/sheet1.xml']);
    expect(xml).toMatch(/<pane ySplit="7"/);
    // 18 project rows × (11 "after" rules + 3 row sums) + 4 section and total rows × 44 sums
    expect(out.formulas.size).toBe(18 * 14 + 4 * 44);
    const file = join(mkdtempSync(join(tmpdir(), 'planbook-adj-')), 'bieu-dieu-chinh.xlsx');
    writeFileSync(file, out.bytes);
    for (const recalc of [false, true]) {
      const rows = toCsv(file, recalc).get('Biểu điều chỉnh')!;
      let checked = 0;
      for (const [ref, value] of out.formulas) {
        const r = Number(/\d+$/.exec(ref)![0]) - 1;
        const shown = Number(rows[r][colIndex(ref)].replace(/,/g, ''));
        expect(shown, `${ref} (${recalc ? 'recalculated' : 'cached'})`).toBeCloseTo(value, 6);
        checked++;
      }
      expect(checked).toBe(out.formulas.size);
    }
    // the grand total row: assigned, increase, decrease, after over everything
    const last = table.columns.length;
    expect(table.total[last]).toEqual([
      comparison.totals.before,
      1750,
      500,
      comparison.totals.after,
    ]);
  });
});
