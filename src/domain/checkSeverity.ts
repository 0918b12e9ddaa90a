/** How far a stated figure may be from the computed one: floating noise, rounding, or an error. */
import type { Finding } from './checks';

/** Decimals of a figure as written (0 for 61600, 2 for 334327.57), at most 6. */
export function decimalsOf(x: number): number {
  for (let d = 0; d <= 6; d++) if (Math.abs(x * 10 ** d - Math.round(x * 10 ** d)) < 1e-7) return d;
  return 6;
}

/**
 * Severity of a stated/computed difference: none for floating noise, a warning when `terms`
 * rounded figures explain it (|diff| ≤ terms × half a unit of the printed figure), else an error.
 * `decimals` is how the source printed the figures (default: as the stated figure is written).
 * Figures stored with more decimals than printed (`#,##0` over 1234.4999, shares computed by
 * formulas) are read both ways: the printed table adds up within its rounding while the stored
 * terms may each be half a unit off what they print, so a difference is an error only beyond both
 * (twice the rounding).
 */
export function classify(
  expected: number,
  actual: number,
  terms: number,
  decimals?: number,
): 'ok' | 'warning' | 'error' {
  const diff = Math.abs(expected - actual);
  if (diff <= 1e-9 * Math.max(1, Math.abs(expected), Math.abs(actual))) return 'ok';
  const printed = Math.min(decimals ?? 6, decimalsOf(expected));
  const unit = 10 ** -printed;
  const hidden =
    decimals !== undefined && Math.max(decimalsOf(expected), decimalsOf(actual)) > printed;
  return diff <= Math.max(1, terms) * unit * (hidden ? 1 : 0.5) + 1e-9 ? 'warning' : 'error';
}

/** A finding's stable key (for the user's explanations). */
export function findingKey(f: Pick<Finding, 'rule' | 'rowId' | 'colId'>): string {
  return `${f.rule}:${f.rowId ?? ''}:${f.colId ?? ''}`;
}
