/** The execution report of a plan nested three deep: a sum row with its rate for every section level. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../tests/support/libreoffice';
import { nestedTracking } from '../../domain/executionSamples';
import { executionCsv, exportExecutionXlsx } from './executionXlsx';

describe('the execution report of a nested plan', () => {
  it('has a row per section at every level, whose sums and rates LibreOffice recalculates', async () => {
    const out = await exportExecutionXlsx({ plan: nestedTracking() });
    const file = join(mkdtempSync(join(tmpdir(), 'planbook-exec-nested-')), 'giai-ngan.xlsx');
    writeFileSync(file, out.bytes);
    const rows = toCsv(file, true).get('Biểu giải ngân')!;
    const row = (name: string) => rows.find((r) => r[1] === name)!;
    // name → [plan of the year (H), disbursed of the plan (K), rate of the plan (M)]
    const figures = (name: string) => {
      const r = row(name);
      const n = (s: string) => Number(s.replace(/[,%]/g, ''));
      return [n(r[7]), n(r[10]), Math.round(n(r[12]) * 100) / 100];
    };
    expect(figures('Vốn ĐTPT')).toEqual([4350, 2020, 46.44]);
    expect(figures('2. Giao thông')).toEqual([2300, 810, 35.22]);
    expect(figures('3. Đường tỉnh')).toEqual([2000, 660, 33]);
    expect(figures('4. Chuyển tiếp')).toEqual([1400, 600, 42.86]);
    expect(figures('7. Khởi công mới')).toEqual([600, 60, 10]);
    expect(figures('9. Cầu')).toEqual([300, 150, 50]);
    expect(figures('Vốn SN')).toEqual([100, 20, 20]);
    // the tree order: each section right above its children
    const names = rows.map((r) => r[1]);
    const at = (n: string) => names.indexOf(n);
    expect(at('2. Giao thông')).toBeLessThan(at('3. Đường tỉnh'));
    expect(at('3. Đường tỉnh') + 1).toBe(at('4. Chuyển tiếp'));
    expect(at('4. Chuyển tiếp') + 3).toBe(at('7. Khởi công mới'));
    expect(at('ĐT.587') + 1).toBe(at('9. Cầu'));
    // the CSV carries the same rows
    const csv = executionCsv(nestedTracking());
    expect(csv).toContain(',3. Đường tỉnh,');
    expect(csv.split('\r\n').filter((l) => l.includes('Cầu Hiền Lương'))).toHaveLength(2);
  }, 120_000);
});
