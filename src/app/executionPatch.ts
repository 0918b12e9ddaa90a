/**
 * Patches of a tracking: the new values of line figures, period figures, targets, pairs and
 * periods; the patch that undoes one; applying one to the model (the session then updates the
 * engine); and the checks a user's patch must pass.
 */
import type { AnnualPlan, Disbursed } from '../domain/execution';
import type { ExecField, ExecPatch } from '../domain/executionDelta';
import type { LineInput } from '../engine/execution';

export type { ExecField, ExecPatch };

/** Why an edit was refused. */
export type ExecRefusal =
  | 'notNumber'
  | 'negative'
  | 'noPeriod'
  /** A period ending on the same day as another (quarter I and March are one checkpoint). */
  | 'periodSameEnd'
  | 'periodOutsideYear'
  | 'periodNotQuarterEnd'
  /** A report is being recorded in steps (the figures are not all in the engine yet). */
  | 'importing';

/** The patch that undoes `p` on `plan` (`index`: line key → position). */
export function inverseOf(
  plan: AnnualPlan,
  index: ReadonlyMap<string, number>,
  p: ExecPatch,
): ExecPatch {
  const out: ExecPatch = {};
  if (p.lines)
    out.lines = p.lines
      .map((c) => ({ ...c, value: plan.lines[index.get(c.key)!][c.field] }))
      .reverse();
  if (p.disbursed)
    out.disbursed = p.disbursed
      .map((c) => ({ ...c, value: plan.disbursed[c.periodId]?.[c.key] ?? null }))
      .reverse();
  if (p.targets) out.targets = plan.targets;
  if (p.pairs)
    out.pairs = p.pairs.map((c) => ({
      key: c.key,
      projectId: Object.hasOwn(plan.pairs, c.key) ? plan.pairs[c.key] : null,
    }));
  if (p.periods) out.periods = plan.periods;
  if (p.display !== undefined) out.display = plan.display ?? null;
  return out;
}

/** A period's figures that patches made (their plans are replaced by the next: changed in place). */
const OWNED = new WeakSet<object>();

/** Marks a period's figures as the session's own (a report just recorded: no one else holds them). */
export function adoptPeriod(figures: Record<string, Disbursed> | undefined): void {
  if (figures) OWNED.add(figures);
}

/**
 * The figures of a period in `disbursed` that a patch may change: a copy the first time (a
 * period's figures from a report or a stored tracking are never changed), then that copy itself,
 * so an edit among 100,000 lines costs one line, not a copy of the period.
 */
function ownPeriod(
  disbursed: AnnualPlan['disbursed'],
  periodId: string,
): Record<string, Disbursed> {
  const had = disbursed[periodId];
  if (had && OWNED.has(had)) return had;
  const period = { ...(had ?? {}) };
  OWNED.add(period);
  disbursed[periodId] = period;
  return period;
}

/**
 * The tracking after a patch, the engine inputs it sets, and the lines whose periods changed.
 * The plan before is the session's, replaced by the result: a period's figures an earlier patch
 * copied are changed in place (the plan before sees the change).
 */
export function patchPlan(
  before: AnnualPlan,
  index: ReadonlyMap<string, number>,
  p: ExecPatch,
): {
  plan: AnnualPlan;
  inputs: { key: string; field: LineInput; value: number }[];
  touched: Set<string>;
} {
  let plan = before;
  const inputs: { key: string; field: LineInput; value: number }[] = [];
  if (p.lines?.length) {
    const lines = plan.lines.slice();
    for (const c of p.lines) {
      const i = index.get(c.key)!;
      lines[i] = { ...lines[i], [c.field]: c.value };
      inputs.push({ key: c.key, field: c.field, value: c.value });
    }
    plan = { ...plan, lines };
  }
  if (p.periods) plan = { ...plan, periods: p.periods };
  const touched = new Set<string>();
  if (p.disbursed?.length) {
    const disbursed = { ...plan.disbursed };
    for (const c of p.disbursed) {
      const period = ownPeriod(disbursed, c.periodId);
      if (c.value) period[c.key] = c.value;
      else delete period[c.key];
      touched.add(c.key);
    }
    plan = { ...plan, disbursed };
  }
  if (p.targets) plan = { ...plan, targets: p.targets };
  if (p.pairs?.length) {
    const pairs = { ...plan.pairs };
    for (const c of p.pairs) {
      if (c.projectId === null) delete pairs[c.key];
      else pairs[c.key] = c.projectId;
    }
    plan = { ...plan, pairs };
  }
  if (p.display !== undefined) {
    const { display: _was, ...rest } = plan;
    plan = p.display ? { ...rest, display: p.display } : rest;
  }
  return { plan: { ...plan, updatedAt: Date.now() }, inputs, touched };
}

/** Why a patch is refused: a figure that is not a number, a negative allocation, no such period. */
export function refusalOf(plan: AnnualPlan, p: ExecPatch): ExecRefusal | null {
  if (p.periods && new Set(p.periods.map((x) => x.end)).size < p.periods.length)
    return 'periodSameEnd';
  for (const c of p.lines ?? []) {
    if (!Number.isFinite(c.value)) return 'notNumber';
    if (c.value < 0) return 'negative';
  }
  for (const c of p.disbursed ?? []) {
    if (!c.value) continue;
    for (const v of [c.value.plan, c.value.carry])
      if (v !== null && !Number.isFinite(v)) return 'notNumber';
    if (
      !plan.periods.some((x) => x.id === c.periodId) &&
      !p.periods?.some((x) => x.id === c.periodId)
    )
      return 'noPeriod';
  }
  return null;
}
