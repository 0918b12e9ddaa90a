/** The execution report's .xlsx: every formula recalculates in LibreOffice to Planbook's figure. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../tests/support/libreoffice';
import { readWithOpenpyxl } from '../../../tests/support/openpyxl';
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

describe('the by-period sheet', () => {
  it('names every period as the app does (Tháng, Quý); openpyxl reads it, LibreOffice recalculates it to the same figures', async () => {
    const bytes = readFileSync(PLAN);
    const p = buildProgress(
      PLAN,
      bytes,
      readPlanFile(PLAN, bytes),
      [`${F}/kbnn-giai-ngan-2024-01.xlsx`, `${F}/kbnn-giai-ngan-2024-03.xlsx`],
      { periods: [null, { end: '2024-06-30', kind: 'quarter', text: '2024-Q2' }] },
    );
    const dir = mkdtempSync(join(tmpdir(), 'planbook-exec-periods-'));
    const files: string[] = [];
    const outs: Awaited<ReturnType<typeof exportExecutionXlsx>>[] = [];
    for (const lang of ['vi', 'en'] as const) {
      const out = await exportExecutionXlsx({ plan: p.plan, lang });
      files.push(join(dir, `${lang}.xlsx`));
      writeFileSync(files.at(-1)!, out.bytes);
      outs.push(out);
    }
    const books = readWithOpenpyxl(files);
    const expected = {
      vi: [
        ['Kỳ báo cáo', 'Đến ngày'],
        ['Tháng 1/2024', '31/01/2024'],
        ['Quý II/2024', '30/06/2024'],
      ],
      en: [
        ['Period', 'To'],
        ['01/2024', '31/01/2024'],
        ['Q2 2024', '30/06/2024'],
      ],
    };
    books.forEach((book, i) => {
      if (!book.ok) throw new Error(book.error);
      const lang = i === 0 ? 'vi' : 'en';
      const sheet = book.sheets[2];
      expect(sheet.name).toBe(outs[i].names[2]);
      const at = (ref: string) => sheet.cells.find((c) => c.ref === ref)?.value;
      const plan = `'${outs[i].names[0]}'!$H$8`;
      const rate = (r: number) => `=IF(${plan}=0,"",C${r}/${plan})`;
      expect([2, 3, 4].map((r) => [at(`A${r}`), at(`B${r}`)])).toEqual(expected[lang]);
      expect(sheet.cells.filter((c) => c.type === 'f').map((c) => [c.ref, c.value])).toEqual([
        ['D3', '=C3'],
        ['E3', rate(3)],
        ['G3', '=E3-F3'],
        ['D4', '=C4-C3'],
        ['E4', rate(4)],
        ['G4', '=E4-F4'],
      ]);
    });
    // the March figures recorded as quarter II: 23.950 to 30/06, 18.650 in the quarter
    const rows = toCsv(files[0], true).get('Theo kỳ')!;
    expect(rows.slice(2).map((r) => [r[0], shown(r[2]), shown(r[3])])).toEqual([
      ['Tháng 1/2024', 5300, 5300],
      ['Quý II/2024', 23950, 18650],
    ]);
    for (const [ref, value] of outs[0].formulas.get('Theo kỳ')!) {
      const got = shown(rows[Number(/\d+$/.exec(ref)![0]) - 1][colIndex(ref)]);
      if (typeof value === 'string') expect(got, ref).toBe(value);
      else expect(got, ref).toBeCloseTo(value, 6);
    }
  }, 120_000);
});
