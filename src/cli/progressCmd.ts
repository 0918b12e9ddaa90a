/** Arguments of `planbook progress` and its exit codes (0: read and matched, 2: an input unreadable). */
import { readFileSync } from 'node:fs';
import type { TargetPoint } from '../domain/execution';
import { isoDate } from '../domain/executionText';
import { PlanReadError } from '../io/readPlan';
import type { CliResult } from './main';
import { runProgress } from './progress';
import { formatProgress } from './progressJson';
import { declaredPeriods, type DeclaredPeriod, PeriodArgError } from './progressPeriod';
import { printable, printableDeep } from './printable';
import type { PlanReader } from './reader';

export const PROGRESS_USAGE = `  planbook progress <plan> <report>… [--year N] [--period P,…] [--target DD/MM[/YYYY]=P,…] [--json] [-o <report.xlsx>]
      follows the year's execution: the plan's allocation for year N against the disbursement
      reports (.xlsx, .xls, .ods, .csv), their lines matched by project code, else by name and lead
      unit; prints projects, byUnit, bySource, total and the unmatched lines; -o writes the
      execution report (.xlsx with formulas, and .csv beside it). --period declares each report's
      period, in the reports' order: a month (2024-05) or a quarter (2024-Q2), 'auto' for the
      date the report states; figures are the total from 01/01 to the period's end`;

/** A refusal on stderr: texts from the input escaped; the usage (ours) follows as it is. */
const fail = (stderr: string, tail = ''): CliResult => ({
  code: 2,
  stdout: '',
  stderr: printable(stderr) + tail,
});

/** `30/09=60,31/01/2025=95` → target points of year N (a date without a year: N, or N+1 in January). */
export function parseTargets(text: string, year: number): TargetPoint[] | null {
  const out: TargetPoint[] = [];
  for (const part of text.split(',').filter(Boolean)) {
    const m = /^\s*(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\s*=\s*([\d.]+)\s*%?\s*$/.exec(part);
    if (!m) return null;
    const month = Number(m[2]);
    const y = m[3] ? Number(m[3]) : month === 1 ? year + 1 : year;
    const date = isoDate(y, month, Number(m[1]));
    if (!date) return null;
    out.push({ date, rate: Number(m[4]) / 100 });
  }
  return out;
}

/** Runs `planbook progress` with its arguments (after the command name). */
export async function progressCommand(
  args: string[],
  read: PlanReader,
  usage: string,
): Promise<CliResult> {
  const valued = new Set(['-o', '--output', '--year', '--target', '--period']);
  const files = args.filter((a, i) => !a.startsWith('-') && !valued.has(args[i - 1]));
  if (files.length < 2)
    return fail('planbook: progress needs a plan and at least one report', `\n${usage}`);
  const at = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const yearText = at('--year');
  const year = yearText === undefined ? undefined : Number(yearText);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2200))
    return fail(`planbook: --year needs a year such as 2024 (got '${yearText}')`);
  const targetText = at('--target');
  const out = at('-o') ?? at('--output');
  const [planFile, ...reports] = files;
  let periods: (DeclaredPeriod | null)[];
  try {
    periods = declaredPeriods(args, reports.length);
  } catch (e) {
    if (e instanceof PeriodArgError) return fail(`planbook: ${e.message}`);
    throw e;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(planFile);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return fail(`planbook: cannot read ${err.path ?? planFile}: ${err.code ?? err.message}`);
  }
  let plan;
  try {
    plan = await read(planFile, bytes);
  } catch (e) {
    return fail(
      `planbook: ${planFile}: ${e instanceof PlanReadError ? e.message : `unexpected error: ${(e as Error).message}`}`,
    );
  }
  if (!plan.workbook.sheets.length)
    return fail(
      `planbook: ${planFile}: no sheet reads as a plan appendix (no header band with a name column and amount columns)`,
    );
  if (targetText !== undefined && !parseTargets(targetText, 2000))
    return fail(`planbook: --target needs points such as 30/09=60,31/01=95 (got '${targetText}')`);
  const targets =
    targetText === undefined ? undefined : (y: number) => parseTargets(targetText, y)!;
  try {
    const { json } = await runProgress(planFile, plan, reports, {
      year,
      out,
      targets,
      periods,
      guard: read,
    });
    return {
      code: 0,
      stdout: args.includes('--json') ? JSON.stringify(json) : formatProgress(printableDeep(json)),
      stderr: '',
    };
  } catch (e) {
    if (e instanceof PlanReadError || e instanceof PeriodArgError)
      return fail(`planbook: ${e.message}`);
    const err = e as NodeJS.ErrnoException;
    if (err.code && err.path)
      return fail(
        `planbook: cannot ${err.path === out ? 'write' : 'read'} ${err.path}: ${err.code}`,
      );
    return fail(`planbook: unexpected error: ${(e as Error).message}`);
  }
}
