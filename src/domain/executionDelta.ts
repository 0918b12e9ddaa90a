/**
 * A change to a tracking as the app makes it (an edit, its undo or redo) and as storage keeps it
 * after the stored tracking: new values of line figures, period figures, targets, pairs, periods,
 * display. `applyDelta` folds stored changes onto a stored tracking (a load, an archive).
 */
import type { SheetDisplay } from './display';
import {
  type AnnualPlan,
  type Disbursed,
  type ExecPeriod,
  lineKey,
  type TargetPoint,
} from './execution';

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

/**
 * A stored change: the patch applied (an edit), or what a report recorded changed (`set`: fields
 * replaced whole, `figures`: periods' figures replaced whole, null removed), the tracking's time
 * after it, its last import if changed.
 */
export interface ExecDelta {
  patch: ExecPatch;
  set?: Partial<Omit<AnnualPlan, 'disbursed'>>;
  figures?: Record<string, Record<string, Disbursed> | null>;
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
  /** Lines copied here (changed in place), with their index. */
  let own: Map<string, number> | null = null;
  const copied = new Set<string>();
  for (const { patch: p, updatedAt, set, figures } of deltas) {
    if (set) {
      Object.assign(out, set);
      if (set.lines) own = null;
    }
    for (const [id, f] of Object.entries(figures ?? {})) {
      if (f) out.disbursed[id] = f;
      else delete out.disbursed[id];
      copied.delete(id);
    }
    if (p.lines?.length) {
      if (!own) {
        out.lines = out.lines.slice();
        own = new Map(out.lines.map((l, i) => [lineKey(l.projectId, l.source), i]));
      }
      for (const c of p.lines) {
        const i = own.get(c.key);
        if (i !== undefined) out.lines[i] = { ...out.lines[i], [c.field]: c.value };
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
  return out;
}

const LINE_FIELDS = ['plan', 'carry', 'priorAllocated', 'priorDisbursed'] as const;

/**
 * The stored change of a report recorded (`before` → `after`): the fields it replaced, the lines
 * whose figures changed (every line when it split some), the periods whose figures it replaced.
 */
export function recordedDelta(before: AnnualPlan, after: AnnualPlan): ExecDelta {
  const set: Partial<Omit<AnnualPlan, 'disbursed'>> = {};
  const lines: NonNullable<ExecPatch['lines']> = [];
  for (const k of Object.keys(after) as (keyof AnnualPlan)[]) {
    if (k === 'disbursed' || k === 'lines' || k === 'updatedAt' || after[k] === before[k]) continue;
    Object.assign(set, { [k]: after[k] });
  }
  if (after.lines.length !== before.lines.length) set.lines = after.lines;
  else
    after.lines.forEach((l, i) => {
      const b = before.lines[i];
      if (l.projectId !== b.projectId || l.source !== b.source) set.lines = after.lines;
      else if (!set.lines)
        for (const f of LINE_FIELDS)
          if (l[f] !== b[f])
            lines.push({ key: lineKey(l.projectId, l.source), field: f, value: l[f] });
    });
  const figures: NonNullable<ExecDelta['figures']> = {};
  for (const id of Object.keys(after.disbursed))
    if (after.disbursed[id] !== before.disbursed[id]) figures[id] = after.disbursed[id];
  for (const id of Object.keys(before.disbursed)) if (!(id in after.disbursed)) figures[id] = null;
  return {
    patch: set.lines ? {} : { lines },
    set,
    figures,
    updatedAt: after.updatedAt,
  };
}
