/** `planbook progress --json` on a plan nested three deep: `bySection` at every level, with paths. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { NESTED_JUNE, nestedPlan } from '../domain/executionSamples';
import { serializePlanbook } from '../io/planbookFile';
import { runCli } from './main';
import type { ProgressJson } from './progressJson';

/** A Treasury-style report of June 2024: a project and its disbursement from 01/01 per source. */
function juneReport(title = 'BÁO CÁO GIẢI NGÂN VỐN ĐẦU TƯ CÔNG 6 THÁNG ĐẦU NĂM 2024'): Uint8Array {
  const rows: (string | number)[][] = [
    [title],
    ['Đơn vị: triệu đồng'],
    ['STT', 'Tên dự án', 'Giải ngân từ 01/01/2024 đến 30/06/2024'],
  ];
  Object.entries(NESTED_JUNE).forEach(([name, by], i) =>
    rows.push([i + 1, name, Object.values(by).reduce((a, b) => a + b, 0)]),
  );
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'T6');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('planbook progress on a nested plan', () => {
  it('gives planned, disbursed and rate for every section level, with its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planbook-progress-nested-'));
    writeFileSync(join(dir, 'plan.planbook'), serializePlanbook(nestedPlan()));
    writeFileSync(join(dir, 'giai-ngan-6.xlsx'), juneReport());
    const r = await runCli([
      'progress',
      join(dir, 'plan.planbook'),
      join(dir, 'giai-ngan-6.xlsx'),
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as ProgressJson;
    expect(j.asOf).toBe('2024-06-30');
    expect(j.reports.map((x) => [x.asOf, x.period])).toEqual([['2024-06-30', 'month']]);
    expect(
      j.bySection.map((s) => [s.path.join(' / '), s.level, s.planned, s.disbursed, s.ratePercent]),
    ).toEqual([
      ['', 0, 50, 10, 20],
      ['2. Giao thông', 0, 2400, 830, 34.58],
      ['2. Giao thông / 3. Đường tỉnh', 1, 2000, 660, 33],
      ['2. Giao thông / 3. Đường tỉnh / 4. Chuyển tiếp', 2, 1400, 600, 42.86],
      ['2. Giao thông / 3. Đường tỉnh / 7. Khởi công mới', 2, 600, 60, 10],
      ['2. Giao thông / 9. Cầu', 1, 400, 170, 42.5],
      ['11. Y tế', 0, 2000, 1200, 60],
    ]);
    expect(j.bySection[3].section).toBe('4. Chuyển tiếp');
    const p = j.projects.find((x) => x.name === 'ĐT.587')!;
    expect(p.path).toEqual(['2. Giao thông', '3. Đường tỉnh', '7. Khởi công mới']);
    expect(p.section).toBe('2. Giao thông');
    // the text output lists the sections, nested
    const text = await runCli([
      'progress',
      join(dir, 'plan.planbook'),
      join(dir, 'giai-ngan-6.xlsx'),
    ]);
    expect(text.stdout).toContain('      section 4. Chuyển tiếp: 1,400 → 600 (42.9%), 1 behind');
  });

  it('reads a quarter’s report as the checkpoint at the quarter’s end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planbook-progress-quarter-'));
    writeFileSync(join(dir, 'plan.planbook'), serializePlanbook(nestedPlan()));
    writeFileSync(
      join(dir, 'quy-2.xlsx'),
      juneReport('BÁO CÁO GIẢI NGÂN VỐN ĐẦU TƯ CÔNG QUÝ II NĂM 2024'),
    );
    const r = await runCli([
      'progress',
      join(dir, 'plan.planbook'),
      join(dir, 'quy-2.xlsx'),
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as ProgressJson;
    expect(j.reports.map((x) => [x.asOf, x.period])).toEqual([['2024-06-30', 'quarter']]);
    expect(j.total.disbursed).toBe(2040);
  });
});
