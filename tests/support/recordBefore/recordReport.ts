/** Frozen copy of src/app/executionImport.ts's recordReport before it ran in steps (the oracle). */
import { type AnnualPlan, lineKey } from '../../../src/domain/execution';
import { applyReport, type ReportDifference } from './executionApply';
import {
  bestSheet,
  type LineMatch,
  type ReportLine,
  type ReportReading,
} from '../../../src/domain/executionReport';
import { type Prematch, reportFactor } from '../../../src/domain/executionPrematch';
import type { LineInput } from '../../../src/engine/execution';

/** What an import did: its period, the lines matched, those left to pair, the differences. */
export interface ImportSummary {
  file: string;
  end: string;
  /** What the report covers (its in-period figures start at the month's or quarter's first day). */
  kind?: 'month' | 'quarter';
  matched: number;
  unmatched: ReportLine[];
  doubtful: { line: ReportLine; projectId: string }[];
  differences: ReportDifference[];
  factor: number;
  replaced: boolean;
  warnings: string[];
}

const FIELDS = ['plan', 'carry', 'priorAllocated', 'priorDisbursed'] as const;

/**
 * A report recorded as the figures of its period (`fallbackEnd` when it names no date): the new
 * tracking, the allocation inputs it filled, and what it did; null without a disbursement table.
 */
export function recordReport(
  plan: AnnualPlan,
  r: ReportReading,
  fallbackEnd: string,
  /** The pairing made of this tracking beside the reading (a worker): taken as it is. */
  pre?: Prematch | null,
): {
  plan: AnnualPlan;
  inputs: { key: string; field: LineInput; value: number }[];
  summary: ImportSummary;
} | null {
  const factor = pre ? pre.factor : reportFactor(plan.unit, r);
  const best =
    pre === undefined
      ? bestSheet(plan, r, factor)
      : pre && { sheet: r.sheets[pre.sheet], match: pre.match };
  if (!best) return null;
  const end = r.asOf ?? fallbackEnd;
  const res = applyReport(plan, best.match.matched, { end, kind: r.kind, file: r.file, factor });
  const inputs: { key: string; field: LineInput; value: number }[] = [];
  // lines split by the report's sources change the engine's layout: the session rebuilds it
  if (res.plan.lines.length === plan.lines.length)
    res.plan.lines.forEach((l, i) => {
      for (const f of FIELDS)
        if (l[f] !== plan.lines[i][f])
          inputs.push({ key: lineKey(l.projectId, l.source), field: f, value: l[f] });
    });
  return {
    plan: res.plan,
    inputs,
    summary: {
      file: r.file,
      end,
      kind: r.kind,
      matched: best.match.matched.length,
      unmatched: best.match.unmatched,
      doubtful: best.match.matched
        .filter((m: LineMatch) => m.doubtful || m.by === 'similar')
        .map((m) => ({ line: m.line, projectId: m.projectId })),
      differences: res.differences,
      factor,
      replaced: res.replaced,
      warnings: [...r.warnings, ...(r.asOf ? [] : [`no date: ${end}`])],
    },
  };
}
