/**
 * Pairing a report's lines with a tracking's projects away from the tracking (a worker does it
 * beside the reading): what pairing needs of the tracking, and the pairing of the best sheet with
 * the factor of the report's unit, as the recording would find them.
 */
import type { AnnualPlan } from './execution';
import { bestSheet, type MatchPlan, type ReportMatch, type ReportReading } from './executionReport';
import { unitScale } from './executionText';
import { unitCheck, type UnitNote } from './executionUnits';

/** What pairing reads of a tracking, small enough to send to a worker. */
export interface PairingInput extends MatchPlan {
  unit: string;
}

/** The pairing of a report: its best sheet (index in the reading), the pairs, the unit factor. */
export interface Prematch {
  sheet: number;
  match: ReportMatch;
  factor: number;
  /** The report's unit belied or missing, read from its figures (or doubted): see unitCheck. */
  unit?: UnitNote;
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

/**
 * The pairing `recordReport` would make of a reading; null without a disbursement table. The
 * factor is the stated unit's, unless the report's own plan figures show another unit (then the
 * pairing is made again with it, its figures compared in the right unit) — said in `unit`.
 */
export function prematch(plan: PairingInput, r: ReportReading): Prematch | null {
  const factor = reportFactor(plan.unit, r);
  const best = bestSheet(plan, r, factor);
  if (!best) return null;
  const unit = unitCheck(plan, r, best.match, factor, unitScale(plan.unit));
  const again = unit && unit.factor !== factor ? bestSheet(plan, r, unit.factor) : null;
  const chosen = again ?? best;
  return {
    sheet: r.sheets.indexOf(chosen.sheet),
    match: chosen.match,
    factor: unit ? unit.factor : factor,
    ...(unit ? { unit } : {}),
  };
}
