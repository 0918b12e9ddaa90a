/**
 * `planbook progress <plan> <report>… [--year N] [--json] [-o report.xlsx]`: a year's tracking
 * started from the plan, each report's lines matched to the plan's projects (code, else name and
 * lead unit) and recorded as the figures of its period, then the figures to date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { annualPlanFrom, type AnnualPlan, planYears, type TargetPoint } from '../domain/execution';
import { type ApplyResult, applyReport, type ReportDifference } from '../domain/executionApply';
import { executionFigures } from '../domain/executionFigures';
import { outsideLines } from '../domain/executionOutside';
import { pairingInput, prematch } from '../domain/executionPrematch';
import { unitNoteText } from '../domain/executionUnits';
import { type LineMatch, type ReportLine, type ReportReading } from '../domain/executionReport';
import { type IsoDate, monthEnd, unitScale, viDate } from '../domain/executionText';
import { evaluatedSide } from '../engine/sides';
import { exportExecutionXlsx, executionCsv } from '../io/export/executionXlsx';
import type { PlanReading } from '../io/readPlan';
import { baseName, PlanReadError } from '../io/readPlan';
import { planCodes, hasCodeColumn } from '../io/report/planCodes';
import { gridsOf, readReportFile } from '../io/report/readReport';
import { loadSheetJs } from '../io/sheetJs';
import { type ProgressJson, progressJson } from './progressJson';
import { checkInYear, checkSameEnd, type DeclaredPeriod, periodsYear } from './progressPeriod';
import type { PlanReader } from './reader';

/** One report as recorded: its file, period, and the lines matched or not. */
export interface RecordedReport {
  file: string;
  reading: ReportReading;
  end: IsoDate;
  /** The period's kind: declared with `--period`, else read from the report's title. */
  kind: 'month' | 'quarter';
  sheet: string | null;
  matched: LineMatch[];
  unmatched: ReportLine[];
  differences: ReportDifference[];
  factor: number;
  warnings: string[];
}

export interface Progress {
  planFile: string;
  plan: AnnualPlan;
  reports: RecordedReport[];
  warnings: string[];
}

/**
 * The year to follow: given, else the reports' (most named), else the declared periods', else the
 * plan's last year.
 */
export function chooseYear(
  given: number | undefined,
  reports: ReportReading[],
  plan: PlanReading,
  declared: (DeclaredPeriod | null)[] = [],
): number | null {
  if (given) return given;
  const count = new Map<number, number>();
  for (const r of reports) if (r.year) count.set(r.year, (count.get(r.year) ?? 0) + 1);
  if (count.size) return [...count].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  const fromPeriods = periodsYear(declared);
  if (fromPeriods) return fromPeriods;
  const years = planYears(plan.workbook);
  return years.length ? years[years.length - 1] : null;
}

/** Reads the reports, starts the tracking from the plan and records every report in date order. */
export function buildProgress(
  planFile: string,
  planBytes: Uint8Array,
  plan: PlanReading,
  reportFiles: string[],
  o: {
    year?: number;
    targets?: (year: number) => TargetPoint[];
    /** Periods declared by hand, one per report in order (null: the report's own date). */
    periods?: (DeclaredPeriod | null)[];
  } = {},
): Progress {
  const declared = o.periods ?? [];
  const bytes = reportFiles.map((f) => readFileSync(f));
  const readOne = (i: number, year?: number) => {
    try {
      return readReportFile(reportFiles[i], bytes[i], year);
    } catch (e) {
      if (e instanceof PlanReadError)
        throw new PlanReadError(`${reportFiles[i]}: ${e.message}`, e.reason);
      throw e;
    }
  };
  let readings = reportFiles.map((_, i) => readOne(i, o.year));
  const year = chooseYear(o.year, readings, plan, declared);
  if (year === null)
    throw new PlanReadError(
      'no year found in the reports or the plan; give it with --year N',
      'unreadable',
    );
  readings = readings.map((r, i) => (r.year === year ? r : readOne(i, year)));
  declared.forEach((p, i) => p && checkInYear(p, reportFiles[i], year));
  const side = evaluatedSide(planFile, plan.workbook);
  const codeOf = hasCodeColumn(plan) ? planCodes(plan, gridsOf(planFile, planBytes)) : undefined;
  let annual = annualPlanFrom(plan.workbook, year, {
    value: side.value,
    codeOf,
    basedOn: { title: plan.workbook.meta.title || baseName(planFile) },
    now: 0,
    id: 'cli',
  });
  if (o.targets) annual = { ...annual, targets: o.targets(year) };
  const warnings: string[] = [];
  const planScale = unitScale(plan.workbook.meta.unit);
  // reports without a date follow the one before them, a month later
  const dated = readings.map((r, i) => ({
    r,
    i,
    end: declared[i]?.end ?? r.asOf,
    kind: declared[i]?.kind ?? r.kind,
  }));
  let last: IsoDate | null = null;
  for (const d of dated) {
    const given = declared[d.i];
    if (given && d.r.asOf && d.r.asOf !== given.end)
      warnings.push(
        `${d.r.file}: dated ${viDate(d.r.asOf)} in the file; recorded as ${given.text} (--period)`,
      );
    if (!d.end) {
      const [y, m]: number[] = last ? last.split('-').map(Number) : [year, 0];
      d.end = m >= 12 ? monthEnd(y + 1, 1) : monthEnd(y, m + 1);
      warnings.push(`${d.r.file}: no date found; taken as the report of ${d.end}`);
    }
    last = d.end;
  }
  checkSameEnd(
    dated.map((d) => ({ file: d.r.file, end: d.end!, kind: d.kind, declared: declared[d.i] })),
  );
  dated.sort((a, b) => (a.end! < b.end! ? -1 : a.end! > b.end! ? 1 : a.i - b.i));
  const reports: RecordedReport[] = [];
  for (const { r, end, kind } of dated) {
    // the stated unit's factor, or the one the report's own plan figures show (said in a warning)
    const pre = prematch(pairingInput(annual), r);
    const factor = pre ? pre.factor : r.scale && planScale ? r.scale / planScale : 1;
    const best = pre && { sheet: r.sheets[pre.sheet], match: pre.match };
    const own = [...r.warnings, ...(pre?.unit ? [unitNoteText(r.file, pre.unit)] : [])];
    if (r.year !== null && r.year !== year)
      own.push(`${r.file}: a report of ${r.year}, not ${year}`);
    if (!best) {
      own.push(`${r.file}: no table with disbursement figures`);
      reports.push({
        file: r.file,
        reading: r,
        end: end!,
        kind,
        sheet: null,
        matched: [],
        unmatched: [],
        differences: [],
        factor,
        warnings: own,
      });
      continue;
    }
    const applied: ApplyResult = applyReport(annual, best.match.matched, {
      end: end!,
      kind,
      file: r.file,
      factor,
    });
    if (applied.replaced) own.push(`${r.file}: replaces the figures of ${end} read before`);
    annual = applied.plan;
    reports.push({
      file: r.file,
      reading: r,
      end: end!,
      kind,
      sheet: best.sheet.name,
      matched: best.match.matched,
      unmatched: best.match.unmatched,
      differences: applied.differences,
      factor,
      warnings: own,
    });
  }
  return {
    planFile,
    plan: annual,
    reports,
    warnings: [...warnings, ...reports.flatMap((r) => r.warnings)],
  };
}

/** Runs the command on read inputs; the JSON, the text, and the output files written. */
export async function runProgress(
  planFile: string,
  plan: PlanReading,
  reportFiles: string[],
  o: {
    year?: number;
    out?: string;
    targets?: (year: number) => TargetPoint[];
    periods?: (DeclaredPeriod | null)[];
    /** Reads each report first where a damaged file is stopped (the CLI's worker thread). */
    guard?: PlanReader;
  },
): Promise<{ json: ProgressJson; progress: Progress }> {
  if (o.guard)
    for (const f of reportFiles) {
      try {
        await o.guard(f, readFileSync(f));
      } catch (e) {
        if (e instanceof PlanReadError) throw new PlanReadError(`${f}: ${e.message}`, e.reason);
        throw e;
      }
    }
  await loadSheetJs(); // the reports are read synchronously below, and are often .xls
  const progress = buildProgress(planFile, readFileSync(planFile), plan, reportFiles, o);
  const json = progressJson(progress, executionFigures(progress.plan));
  if (o.out) {
    const outside = outsideLines(progress.reports, progress.plan.pairs);
    const x = await exportExecutionXlsx({ plan: progress.plan, outside });
    writeFileSync(o.out, x.bytes);
    writeFileSync(o.out.replace(/\.xlsx$/i, '') + '.csv', executionCsv(progress.plan));
  }
  return { json, progress };
}
