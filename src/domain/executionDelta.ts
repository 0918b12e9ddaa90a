/**
 * A change to a tracking as the app makes it (an edit, its undo or redo) and as storage keeps it
 * after the stored tracking: new values of line figures, period figures, targets, pairs, periods,
 * display. `applyDelta` folds stored changes onto a stored tracking (a load, an archive).
 */
import type { SheetDisplay } from './display';
import type { AnnualPlan, Disbursed, ExecPeriod, TargetPoint } from './execution';
import { lineKey } from './execution';

export type ExecField = 'plan' | 'carry' | 'priorAllocated' | 'priorDisbursed';

/** A change to a tracking: new values of line figures, period figures, targets, pairs, periods. */
export interface ExecPatch {
  lines?: { key: string; field: ExecField; value: number }[];
  disbursed?: { periodId: string; key: string; value: Disbursed | null }[];
  targets?: TargetPoint[];
  pairs?: { key: string; projectId: string | null }[];
  periods?: ExecPeriod[];
  /** How the views show amounts (null: the plan's unit, every decimal). */
  display?: SheetDisplay | null;
}

/** A stored change: the patch applied, the tracking's time after it, its last import if changed. */
export interface ExecDelta {
  patch: ExecPatch;
  updatedAt: number;
  /** The last import after the change (absent: unchanged). */
  lastImport?: unknown;
}

/**
 * The tracking after stored changes, oldest first (a new object; `plan` is not changed): what the
 * session's patches made of it, field by field.
 */
export function applyDeltas(plan: AnnualPlan, deltas: readonly ExecDelta[]): AnnualPlan {
  if (!deltas.length) return plan;
  const out: AnnualPlan = { ...plan, disbursed: { ...plan.disbursed }, pairs: { ...plan.pairs } };
  let lines: AnnualPlan['lines'] | null = null;
  let index: Map<string, number> | null = null;
  const copied = new Set<string>();
  for (const { patch: p, updatedAt } of deltas) {
    if (p.lines?.length) {
      lines ??= out.lines.slice();
      index ??= new Map(lines.map((l, i) => [lineKey(l.projectId, l.source), i]));
      for (const c of p.lines) {
        const i = index.get(c.key);
        if (i !== undefined) lines[i] = { ...lines[i], [c.field]: c.value };
      }
    }
    if (p.periods) out.periods = p.periods;
    for (const c of p.disbursed ?? []) {
      if (!copied.has(c.periodId)) {
        out.disbursed[c.periodId] = { ...(out.disbursed[c.periodId] ?? {}) };
        copied.add(c.periodId);
      }
      if (c.value) out.disbursed[c.periodId][c.key] = c.value;
      else delete out.disbursed[c.periodId][c.key];
    }
    if (p.targets) out.targets = p.targets;
    for (const c of p.pairs ?? []) {
      if (c.projectId === null) delete out.pairs[c.key];
      else out.pairs[c.key] = c.projectId;
    }
    if (p.display !== undefined) {
      if (p.display) out.display = p.display;
      else delete out.display;
    }
    out.updatedAt = updatedAt;
  }
  if (lines) out.lines = lines;
  return out;
}
