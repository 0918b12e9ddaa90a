/**
 * The execution engine's figures as it shows them: a line's or project's from its six inputs and
 * formulas, a group's from its row of sums and rates (rates 0..1, null without a plan).
 */

/** A cell's number (0 for an error or a blank). */
export const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** A rate cell's value (null for #DIV/0!: nothing planned). */
export const rateOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Figures of a line, project or group as the engine computes them (rates 0..1, null: no plan). */
export interface LiveFigures {
  planned: number;
  carry: number;
  priorAllocated: number;
  priorDisbursed: number;
  disbursed: number;
  carryDisbursed: number;
  rate: number | null;
  carryRate: number | null;
  remaining: number;
  cumulativeDisbursed: number;
  /** Behind the target (a group: how many projects). */
  behind: number;
}

/** Figures from six inputs (plan, carry, prior allocated, prior disbursed, to date, carry to date). */
export function figures(v: number[], rate: number | null, behind: number): LiveFigures {
  const [plan, carry, pa, pd, dp, dc] = v;
  return {
    planned: plan,
    carry,
    priorAllocated: pa,
    priorDisbursed: pd,
    disbursed: dp,
    carryDisbursed: dc,
    rate,
    carryRate: carry ? dc / carry : null,
    remaining: plan - dp,
    cumulativeDisbursed: pd + dp + dc,
    behind,
  };
}

/** A group's figures from its row of the Groups or Sections sheet (11 cells). */
export function groupFigures(v: readonly unknown[]): LiveFigures {
  return {
    planned: num(v[0]),
    carry: num(v[1]),
    priorAllocated: num(v[2]),
    priorDisbursed: num(v[3]),
    disbursed: num(v[4]),
    carryDisbursed: num(v[5]),
    behind: num(v[6]),
    rate: rateOrNull(v[7]),
    carryRate: rateOrNull(v[8]),
    remaining: num(v[9]),
    cumulativeDisbursed: num(v[10]),
  };
}
