/**
 * The report lines not in the plan in the exported execution report: a sheet of their own that
 * openpyxl reads back with their figures, while the form's totals stay the plan's.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWithOpenpyxl } from '../../../tests/support/openpyxl';
import { buildProgress } from '../../cli/progress';
import { outsideLines } from '../../domain/executionOutside';
import { reportLineKey } from '../../domain/executionReport';
import { readPlanFile } from '../readPlan';
import { exportExecutionXlsx } from './executionXlsx';

const F = 'fixtures/execution';
const PLAN = `${F}/ke-hoach-dau-tu-cong-2022-2025.xlsx`;
const GIO_MY = 'Sửa chữa, nâng cấp trụ sở UBND xã Gio Mỹ';

describe('report lines not in the plan, exported', () => {
  it('lists them on their own sheet with their figures, apart from the totals of the plan', async () => {
    const bytes = readFileSync(PLAN);
    const p = buildProgress(PLAN, bytes, readPlanFile(PLAN, bytes), [
      `${F}/kbnn-giai-ngan-2024-01.xlsx`,
      `${F}/kbnn-giai-ngan-2024-03.xlsx`,
    ]);
    const left = outsideLines(p.reports, p.plan.pairs);
    expect(left.map((l) => [l.line, l.name, l.ytd, l.confirmed])).toEqual([
      [22, GIO_MY, 350, false],
    ]);
    const line = p.reports[1].unmatched[0];
    // marked as not in the plan by the user: still listed, as confirmed; paired: no longer listed
    const marked = outsideLines(p.reports, { [reportLineKey(line)]: '' });
    expect(marked.map((l) => l.confirmed)).toEqual([true]);
    expect(outsideLines(p.reports, { [reportLineKey(line)]: p.plan.projects[0].id })).toEqual([]);

    const dir = mkdtempSync(join(tmpdir(), 'planbook-exec-outside-'));
    const plain = await exportExecutionXlsx({ plan: p.plan });
    const out = await exportExecutionXlsx({ plan: p.plan, outside: marked });
    const en = await exportExecutionXlsx({ plan: p.plan, outside: left, lang: 'en' });
    expect(out.names).toEqual(['Biểu giải ngân', 'Theo chủ đầu tư', 'Theo kỳ', 'Ngoài kế hoạch']);
    expect(en.names.at(-1)).toBe('Not in the plan');
    expect(plain.names).toHaveLength(3);
    // the form, by investor and by period: the same formulas and figures with or without them
    for (const name of plain.names)
      expect(out.formulas.get(name)).toEqual(plain.formulas.get(name));
    const files = [join(dir, 'vi.xlsx'), join(dir, 'en.xlsx')];
    writeFileSync(files[0], out.bytes);
    writeFileSync(files[1], en.bytes);
    const [vi, english] = readWithOpenpyxl(files);
    if (!vi.ok || !english.ok) throw new Error('openpyxl could not read the export');
    const sheet = vi.sheets[3];
    expect(sheet.name).toBe('Ngoài kế hoạch');
    const at = (ref: string) => sheet.cells.find((c) => c.ref === ref)?.value ?? null;
    expect(at('A1')).toBe('Dòng báo cáo không có trong kế hoạch');
    expect(at('A2')).toMatch(/không cộng vào số liệu của kế hoạch/);
    expect(at('A3')).toBe('Đơn vị: triệu đồng');
    expect(['A4', 'D4', 'H4', 'J4'].map(at)).toEqual([
      'TT',
      'Tên dự án (báo cáo ghi)',
      'Giải ngân từ 01/01 đến hết kỳ',
      'Tình trạng',
    ]);
    expect(['A5', 'B5', 'C5', 'D5', 'E5', 'F5', 'H5', 'J5'].map(at)).toEqual([
      1,
      'kbnn-giai-ngan-2024-03.xlsx',
      22,
      GIO_MY,
      '7899001',
      'UBND huyện Gio Linh',
      350,
      'Đã xác nhận không có trong kế hoạch',
    ]);
    expect(['B6', 'G6', 'H6', 'I6'].map(at)).toEqual([
      'Cộng',
      '=SUM(G5:G5)',
      '=SUM(H5:H5)',
      '=SUM(I5:I5)',
    ]);
    expect(out.formulas.get('Ngoài kế hoạch')!.get('H6')).toBe(350);
    const enSheet = english.sheets[3];
    expect(enSheet.cells.find((c) => c.ref === 'A1')?.value).toBe('Report lines not in the plan');
    expect(enSheet.cells.find((c) => c.ref === 'J5')?.value).toBe('Not paired yet');
  }, 120_000);
});
