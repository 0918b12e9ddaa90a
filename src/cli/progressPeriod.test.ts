/** `planbook progress --period`: a report's period declared by hand, as the app adds one. */
import { describe, expect, it } from 'vitest';
import { runCli } from './main';
import type { ProgressJson } from './progressJson';
import { parsePeriod } from './progressPeriod';

const F = 'fixtures/execution';
const PLAN = `${F}/ke-hoach-dau-tu-cong-2022-2025.xlsx`;
const JAN = `${F}/kbnn-giai-ngan-2024-01.xlsx`;
const FEB = `${F}/bao-cao-giai-ngan-thang-02-2024.xls`;
const MAR = `${F}/kbnn-giai-ngan-2024-03.xlsx`;

async function json(...args: string[]): Promise<ProgressJson> {
  const r = await runCli(['progress', PLAN, ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ProgressJson;
}

async function refused(...args: string[]): Promise<string> {
  const r = await runCli(['progress', PLAN, ...args, '--json']);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  return r.stderr;
}

describe('planbook progress --period', () => {
  it('reads a month or a quarter in the usual spellings', () => {
    expect(parsePeriod('2024-05')).toEqual({ end: '2024-05-31', kind: 'month' });
    expect(parsePeriod('02/2024')).toEqual({ end: '2024-02-29', kind: 'month' });
    expect(parsePeriod('2024-Q2')).toEqual({ end: '2024-06-30', kind: 'quarter' });
    expect(parsePeriod('q4/2024')).toEqual({ end: '2024-12-31', kind: 'quarter' });
    for (const bad of ['2024-13', '2024-Q5', 'May', '2024', '31/05/2024', ''])
      expect(parsePeriod(bad), bad).toBeNull();
  });

  it('records a report as the quarter declared, with the same figures, and says so in the text', async () => {
    const j = await json(JAN, FEB, MAR, '--period', '2024-01,auto,2024-Q1');
    expect(j.reports.map((r) => [r.asOf, r.period])).toEqual([
      ['2024-01-31', 'month'],
      ['2024-02-29', 'month'],
      ['2024-03-31', 'quarter'],
    ]);
    expect(j.total).toMatchObject({ planned: 79500, disbursed: 23950, carryDisbursed: 3800 });
    expect(j.warnings.join('\n')).not.toMatch(/--period/);
    const text = await runCli(['progress', PLAN, MAR, '--period', 'Q1/2024']);
    expect(text.stdout).toMatch(/2024-03-31 \(quarter\) .*kbnn-giai-ngan-2024-03\.xlsx/);
  });

  it('moves a report to the month declared (repeated option), with a warning naming its own date', async () => {
    const j = await json(JAN, MAR, '--period', 'auto', '--period', '2024-05');
    expect(j.asOf).toBe('2024-05-31');
    expect(j.reports.map((r) => r.asOf)).toEqual(['2024-01-31', '2024-05-31']);
    expect(j.warnings).toContain(
      `${MAR}: dated 31/03/2024 in the file; recorded as 2024-05 (--period)`,
    );
    // January of N+1 closes year N
    expect((await json(MAR, '--period', '2025-01', '--year', '2024')).asOf).toBe('2025-01-31');
  });

  it('refuses a quarter and a month ending the same day, declared or read from the file', async () => {
    expect(await refused(JAN, FEB, MAR, '--period', '2024-01,2024-Q1,2024-03')).toBe(
      `planbook: --period 2024-Q1 (for ${FEB}) and --period 2024-03 (for ${MAR}) both end on 31/03/2024: every period holds the total from 01/01 to its end, so a quarter and a month ending the same day are one checkpoint; declare only one of them`,
    );
    expect(await refused(JAN, MAR, '--period', '2024-Q1,auto')).toMatch(
      /--period 2024-Q1 \(for .*2024-01\.xlsx\) and .*2024-03\.xlsx \(a month report dated 31\/03\/2024 in the file\) both end on 31\/03\/2024/,
    );
  });

  it('refuses a period it cannot read, outside the year, or not one per report, in plain English', async () => {
    expect(await refused(MAR, '--period', '2024-13')).toBe(
      "planbook: --period needs a month such as 2024-05 or a quarter such as 2024-Q2 (got '2024-13')",
    );
    expect(await refused(MAR, '--period', '2023-05')).toMatch(
      /--period 2023-05 \(for .*\) is outside the tracking of 2024: a month of 2024 or January 2025, or a quarter of 2024/,
    );
    expect(await refused(MAR, '--period', '2025-Q1', '--year', '2024')).toMatch(
      /outside the tracking of 2024/,
    );
    expect(await refused(JAN, FEB, MAR, '--period', '2024-01')).toMatch(
      /--period gives 1 period\(s\) for 3 report\(s\): give one per report, in the reports' order/,
    );
  });
});
