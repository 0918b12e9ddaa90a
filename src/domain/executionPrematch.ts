/**
 * Pairing a report's lines with a tracking's projects away from the tracking (a worker does it
 * beside the reading): what pairing needs of the tracking, and the pairing of the best sheet with
 * the factor of the report's unit, as the recording would find them.
 */
import type { AnnualPlan } from './execution';
import { bestSheet, type MatchPlan, type ReportMatch, type ReportReading } from './executionReport';
import { unitScale } from './executionText';

/** What pairing reads of a tracking, small enough to send to a worker. */
export interface PairingInput extends MatchPlan {
  unit: string;
}

/** The pairing of a report: its best sheet (index in the reading), the pairs, the unit factor. */
export interface Prematch {
  sheet: number;
  match: ReportMatch;
  factor: number;
}

/** What pairing needs of a tracking (the lines cut to their project and year plan). */
export function pairingInput(plan: AnnualPlan): PairingInput {
  return {
    unit: plan.unit,
    projects: plan.projects,
    pairs: plan.pairs,
    lines: plan.lines.map((l) => ({ projectId: l.projectId, plan: l.plan })),
  };
}

/** The factor from the report's unit to the tracking's (1 when either is unknown). */
export function reportFactor(planUnit: string, r: ReportReading): number {
  const planScale = unitScale(planUnit);
  return r.scale && planScale ? r.scale / planScale : 1;
}

/** The pairing `recordReport` would make of a reading; null without a disbursement table. */
export function prematch(plan: PairingInput, r: ReportReading): Prematch | null {
  const factor = reportFactor(plan.unit, r);
  const best = bestSheet(plan, r, factor);
  return best ? { sheet: r.sheets.indexOf(best.sheet), match: best.match, factor } : null;
}
