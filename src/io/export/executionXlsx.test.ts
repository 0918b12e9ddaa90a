/** The execution report's .xlsx: every formula recalculates in LibreOffice to Planbook's figure. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../tests/support/libreoffice';
import { buildProgress } from '../../cli/progress';
import { readPlanFile } from '../readPlan';
import { exportExecutionXlsx } from './executionXlsx';

const F = 'fixtures/execution';
const PLAN = `${F}/ke-hoach-dau-tu-cong-2022-2025.xlsx`;

const colIndex = (ref: string) =>
  [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

const shown = (s: string): number | string =>
  s === ''
    ? ''
    : s.endsWith('%')
      ? Number(s.slice(0, -1).replace(/,/g, '')) / 100
      : Number(s.replace(/,/g, ''));

describe('the execution report export', () => {
  it('writes the form with formulas and their values; LibreOffice agrees, cached and recalculated', async () => {
    const bytes = readFileSync(PLAN);
    const p = buildProgress(PLAN, bytes, readPlanFile(PLAN, bytes), [
      `${F}/kbnn-giai-ngan-2024-01.xlsx`,
      `${F}/bao-cao-giai-ngan-thang-02-2024.xls`,
      `${F}/kbnn-giai-ngan-2024-03.xlsx`,
    ]);
    const out = await exportExecutionXlsx({ plan: p.plan });
    const files = unzipSync(out.bytes);
    expect(strFromU8(files['xl/workbook.xml'])).toContain('fullCalcOnLoad="1"');
    const sheet1 = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet1).toMatch(/<pane ySplit="7"/);
    expect(sheet1).toContain('<f>SUM(');
    expect(strFromU8(files['xl/styles.xml'])).toContain('Times New Roman');
    const file = join(mkdtempSync(join(tmpdir(), 'planbook-exec-')), 'giai-ngan.xlsx');
    writeFileSync(file, out.bytes);
    let count = 0;
    for (const recalc of [false, true]) {
      const sheets = toCsv(file, recalc);
      for (const [name, formulas] of out.formulas) {
        const rows = sheets.get(name)!;
        for (const [ref, value] of formulas) {
          const r = Number(/\d+$/.exec(ref)![0]) - 1;
          const got = shown(rows[r][colIndex(ref)]);
          if (typeof value === 'string') expect(got, `${name}!${ref}`).toBe(value);
          else
            expect(got, `${name}!${ref} (${recalc ? 'recalculated' : 'cached'})`).toBeCloseTo(
              value,
              6,
            );
          count++;
        }
      }
    }
    const total = [...out.formulas.values()].reduce((a, m) => a + m.size, 0);
    expect(count).toBe(2 * total);
    // 10 total, source and section rows × 13 formulas, 16 lines × 6, 8 units × 5, 3 periods × 3 − 1
    expect(out.formulas.get('Biểu giải ngân')!.size).toBe(10 * 13 + 16 * 6);
    expect(out.formulas.get('Theo chủ đầu tư')!.size).toBe(8 * 5);
    expect(out.formulas.get('Theo kỳ')!.size).toBe(3 * 3);
  }, 120_000);

  it('writes English headers on request and survives an empty tracking', async () => {
    const bytes = readFileSync(PLAN);
    const p = buildProgress(PLAN, bytes, readPlanFile(PLAN, bytes), [
      `${F}/kbnn-giai-ngan-2024-01.xlsx`,
    ]);
    const out = await exportExecutionXlsx({
      plan: { ...p.plan, periods: [], disbursed: {} },
      lang: 'en',
    });
    expect(out.names).toEqual(['Disbursement', 'By investor', 'By period']);
    expect(strFromU8(unzipSync(out.bytes)['xl/sharedStrings.xml'])).toContain('GRAND TOTAL');
  });
});
