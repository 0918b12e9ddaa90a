/** `planbook progress` on the fixtures: a plan and three monthly reports in two layouts. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../tests/support/libreoffice';
import { runCli } from './main';
import type { ProgressJson } from './progressJson';

const F = 'fixtures/execution';
const PLAN = `${F}/ke-hoach-dau-tu-cong-2022-2025.xlsx`;
const REPORTS = [
  `${F}/kbnn-giai-ngan-2024-03.xlsx`, // given out of order: sorted by their dates
  `${F}/kbnn-giai-ngan-2024-01.xlsx`,
  `${F}/bao-cao-giai-ngan-thang-02-2024.xls`,
];

async function progress(...extra: string[]): Promise<ProgressJson> {
  const r = await runCli(['progress', PLAN, ...REPORTS, '--json', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ProgressJson;
}

const project = (j: ProgressJson, name: string) => j.projects.find((p) => p.name === name)!;

describe('planbook progress', () => {
  it('follows 2024 from the plan: matched figures, rates, carry-over, groups, flags, unmatched lines', async () => {
    const j = await progress();
    expect([j.year, j.asOf, j.unit]).toEqual([2024, '2024-03-31', 'triệu đồng']);
    expect(j.reports.map((r) => [r.asOf, r.matched, r.unmatched])).toEqual([
      ['2024-01-31', 8, 0],
      ['2024-02-29', 11, 0],
      ['2024-03-31', 12, 1],
    ]);
    // the plan's 2024 columns; the March report's figures (cumulative from 01/01)
    expect(j.projects).toHaveLength(12);
    const road = project(j, 'Đường giao thông liên xã Hải Thượng - Hải Lâm');
    expect(road).toMatchObject({
      unit: 'Ban QLDA ĐTXD công trình giao thông',
      code: '7812301',
      section: 'A. GIAO THÔNG',
      planned: 15000,
      disbursed: 5200,
      carryOver: 2500,
      carryDisbursed: 2000,
      carryRate: 0.8,
      // 30.000 to the end of 2021 + 2022 + 2023 from the plan's year columns
      priorAllocated: 75000,
      priorDisbursed: 62000,
      cumulativeAllocated: 90000,
      cumulativeDisbursed: 62000 + 5200 + 2000,
      remaining: 9800,
      behind: false,
    });
    expect(road.rate).toBeCloseTo(5200 / 15000, 9);
    expect(road.ratePercent).toBe(34.67);
    expect(road.bySource.NSTW.planned).toBe(12000);
    expect(road.bySource.NSTW.disbursed).toBeCloseTo(4160, 9);
    // a project absent from the January report, in February's and March's
    expect(project(j, 'Nâng cấp đường tỉnh ĐT.585')).toMatchObject({
      planned: 10000,
      disbursed: 1000,
    });
    expect(j.total).toMatchObject({
      planned: 79500,
      disbursed: 23950,
      carryOver: 4500,
      carryDisbursed: 3800,
    });
    expect(j.total.rate).toBeCloseTo(23950 / 79500, 9);
    expect(j.bySource.map((s) => [s.source, s.planned, s.disbursed])).toEqual([
      ['NSTW', 51000, 15790],
      ['NST', 28500, 8160],
    ]);
    expect(j.byUnit.find((u) => u.unit === 'Sở Thông tin và Truyền thông')).toMatchObject({
      projects: 2,
      planned: 9000,
      disbursed: 3500,
    });
    expect(j.bySection.map((s) => [s.section, s.planned, s.disbursed])).toEqual([
      ['A. GIAO THÔNG', 50000, 14700],
      ['B. Y TẾ', 11500, 3500],
      ['C. CÔNG NGHỆ THÔNG TIN', 11500, 4000],
      ['D. GIÁO DỤC - ĐÀO TẠO', 6500, 1750],
    ]);
    // 60 % by 30/9: 19.8 % expected on 31/3; two projects at 10 % are behind
    expect(j.target.rate).toBeCloseTo((0.6 * 90) / 273, 9);
    expect(j.projects.filter((p) => p.behind).map((p) => p.name)).toEqual([
      'Nâng cấp đường tỉnh ĐT.585',
      'Ký túc xá Trường Cao đẳng Sư phạm Quảng Trị',
    ]);
    // the project that is not in the plan, and the renamed one paired by name and investor
    expect(j.unmatched).toEqual([
      {
        file: REPORTS[0],
        line: 22,
        name: 'Sửa chữa, nâng cấp trụ sở UBND xã Gio Mỹ',
        unit: 'UBND huyện Gio Linh',
        code: '7899001',
        disbursed: 350,
      },
    ]);
    expect(j.doubtful).toEqual([
      {
        file: REPORTS[2],
        line: 10,
        name: 'Đường GT liên xã Hải Thượng – Hải Lâm, huyện Hải Lăng',
        project: 'Đường giao thông liên xã Hải Thượng - Hải Lâm',
      },
    ]);
    expect(j.differences).toEqual([]);
  });

  it('reads a report in đồng with in-month figures as the same as the Treasury’s (February alone)', async () => {
    const r = await runCli(['progress', PLAN, REPORTS[2], '--json']);
    const j = JSON.parse(r.stdout) as ProgressJson;
    expect(j.asOf).toBe('2024-02-29');
    const road = project(j, 'Đường giao thông liên xã Hải Thượng - Hải Lâm');
    expect([road.disbursed, road.carryDisbursed]).toEqual([3000, 1200]);
    expect(j.total.disbursed).toBe(13850);
  });

  it('takes --year and --target, prints text without --json, and refuses bad input', async () => {
    const j = await progress('--year', '2024', '--target', '31/03=30,30/09=60');
    expect(j.target.curve).toEqual([
      { date: '2024-03-31', rate: 0.3 },
      { date: '2024-09-30', rate: 0.6 },
    ]);
    expect(j.target.rate).toBe(0.3);
    expect(j.projects.filter((p) => p.behind)).toHaveLength(5);
    const text = await runCli(['progress', PLAN, ...REPORTS]);
    expect(text.stdout).toMatch(/total: planned 79,500, disbursed 23,950 \(30\.1%\)/);
    expect(text.stdout).toMatch(
      /UNMATCHED .* Sửa chữa, nâng cấp trụ sở UBND xã Gio Mỹ \[7899001\]/,
    );
    expect((await runCli(['progress', PLAN])).stderr).toMatch(
      /needs a plan and at least one report/,
    );
    expect((await runCli(['progress', PLAN, `${F}/missing.xlsx`])).stderr).toMatch(
      /cannot read .*missing\.xlsx: ENOENT/,
    );
    expect((await runCli(['progress', PLAN, REPORTS[0], '--year', 'x'])).code).toBe(2);
    expect((await runCli(['progress', PLAN, 'package.json'])).stderr).toMatch(/package\.json: /);
  });

  it('writes the execution report: LibreOffice recalculates every formula to the same figure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planbook-progress-'));
    const out = join(dir, 'giai-ngan.xlsx');
    const j = await progress('-o', out);
    const csv = readFileSync(join(dir, 'giai-ngan.csv'), 'utf8');
    expect(csv.split('\r\n')[1]).toMatch(
      /^,TỔNG CỘNG,,,275500,247700,4500,79500,27750,3800,23950,/,
    );
    const sheets = toCsv(out, true);
    const form = sheets.get('Biểu giải ngân')!;
    const total = form.find((r) => r[1] === 'TỔNG CỘNG')!;
    const n = (s: string) => (s.endsWith('%') ? Number(s.slice(0, -1)) / 100 : Number(s));
    expect(n(total[7])).toBeCloseTo(j.total.planned, 6);
    expect(n(total[10])).toBeCloseTo(j.total.disbursed, 6);
    expect(n(total[12])).toBeCloseTo(j.total.rate!, 9);
    expect(n(total[9])).toBeCloseTo(j.total.carryDisbursed, 6);
    expect(n(total[11])).toBeCloseTo(j.total.carryRate!, 9);
    expect(n(total[13])).toBeCloseTo(j.total.cumulativeDisbursed, 6);
    expect(n(total[14])).toBeCloseTo(j.total.remaining, 6);
    const units = sheets.get('Theo chủ đầu tư')!;
    const it = units.find((r) => r[1] === 'Sở Thông tin và Truyền thông')!;
    expect([n(it[3]), n(it[4]), n(it[5])]).toEqual([9000, 3500, expect.closeTo(3500 / 9000, 9)]);
    const periods = sheets.get('Theo kỳ')!;
    expect(periods.slice(2).map((r) => [r[0], r[1], n(r[2]), n(r[3])])).toEqual([
      ['Tháng 1/2024', '31/01/2024', 5300, 5300],
      ['Tháng 2/2024', '29/02/2024', 13850, 8550],
      ['Tháng 3/2024', '31/03/2024', 23950, 10100],
    ]);
    // the line the CLI lists as unmatched, on its own sheet with its figures, not in the totals
    const outside = sheets.get('Ngoài kế hoạch')!;
    expect(outside[0][0]).toBe('Dòng báo cáo không có trong kế hoạch');
    expect(outside.slice(4).map((r) => [r[1], r[2], r[3], r[4], n(r[7]), r[9]])).toEqual([
      ...j.unmatched.map((u) => [
        'kbnn-giai-ngan-2024-03.xlsx',
        String(u.line),
        u.name,
        u.code,
        u.disbursed,
        'Chưa ghép với dự án',
      ]),
      ['Cộng', '', '', '', 350, ''],
    ]);
  }, 120_000);
});
