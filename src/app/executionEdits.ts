/**
 * The patches of a tracking's larger user steps, built from the plan before the step: a pasted
 * block of figures, a period added by hand or removed; and the period a report without a date
 * stands for. Pure functions; the session validates, applies and records each as one undo step.
 */
import type { AnnualPlan, Disbursed, ExecPeriod } from '../domain/execution';
import { periodClash } from '../domain/executionPeriods';
import { monthEnd } from '../domain/executionText';
import type { ExecField, ExecPatch, ExecRefusal } from './executionPatch';

/**
 * The patch of a pasted block (rows of the grid by line key, columns by field): allocations, and
 * the period's disbursement of the year's plan or of the carry-over; `has` says a key is a line.
 */
export function pastePatch(
  plan: AnnualPlan,
  has: (key: string) => boolean,
  periodId: string | null,
  cells: { key: string; col: ExecField | 'ytdPlan' | 'ytdCarry'; value: number | null }[],
): { ok: true; patch: ExecPatch } | { ok: false; why: 'noPeriod' } {
  const lines: NonNullable<ExecPatch['lines']> = [];
  const figures = new Map<string, Disbursed>();
  for (const c of cells) {
    if (!has(c.key)) continue;
    if (c.col === 'ytdPlan' || c.col === 'ytdCarry') {
      if (!periodId) return { ok: false as const, why: 'noPeriod' as const };
      const had = figures.get(c.key) ??
        plan.disbursed[periodId]?.[c.key] ?? { plan: null, carry: null };
      figures.set(c.key, { ...had, [c.col === 'ytdPlan' ? 'plan' : 'carry']: c.value });
    } else lines.push({ key: c.key, field: c.col, value: c.value ?? 0 });
  }
  const disbursed = [...figures].map(([key, v]) => ({
    periodId: periodId!,
    key,
    value: v.plan === null && v.carry === null ? null : v,
  }));
  return {
    ok: true,
    patch: { ...(lines.length ? { lines } : {}), ...(disbursed.length ? { disbursed } : {}) },
  };
}

/**
 * The patch adding an empty period by hand (see `ExecutionSession.addPeriod`): null when the same
 * period is there already (nothing to do), a refusal when it clashes with one or is out of place.
 */
export function addPeriodPatch(
  plan: AnnualPlan,
  end: string,
  kind: ExecPeriod['kind'],
): { ok: true; patch: ExecPatch | null } | { ok: false; why: ExecRefusal } {
  const clash = periodClash(plan.periods, plan.year, { end, kind });
  if (clash === 'existing') return { ok: true, patch: null };
  if (clash)
    return {
      ok: false,
      why:
        clash.why === 'sameEnd'
          ? 'periodSameEnd'
          : clash.why === 'outsideYear'
            ? 'periodOutsideYear'
            : 'periodNotQuarterEnd',
    };
  const periods = [...plan.periods, { id: end, end, kind }].sort((a, b) =>
    a.end < b.end ? -1 : 1,
  );
  return { ok: true, patch: { periods } };
}

/** The patch removing a period and its figures; null when there is no such period. */
export function removePeriodPatch(plan: AnnualPlan, id: string): ExecPatch | null {
  if (!plan.periods.some((p) => p.id === id)) return null;
  const keys = Object.keys(plan.disbursed[id] ?? {});
  return {
    periods: plan.periods.filter((p) => p.id !== id),
    disbursed: keys.map((key) => ({ periodId: id, key, value: null })),
  };
}

/** The end of the next month after the last period (a report without a date). */
export function nextEnd(plan: AnnualPlan): string {
  const last = plan.periods.at(-1)?.end;
  if (!last) return monthEnd(plan.year, 1);
  const [y, m] = last.split('-').map(Number);
  return m === 12 ? monthEnd(y + 1, 1) : monthEnd(y, m + 1);
}
