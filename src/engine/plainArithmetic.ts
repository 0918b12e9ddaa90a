/**
 * HyperFormula's arithmetic as PlainValues computes it: SUM folds left to right with its 1e-13
 * cancellation rule, subtraction likewise, values rounded to 10 significant digits when read.
 */

/** HyperFormula's `precisionEpsilon` (its default, which ENGINE_CONFIG keeps). */
const EPS = 1e-13;
/** HyperFormula's `precisionRounding` in ENGINE_CONFIG. */
const DIGITS = 10;

/** `left + right` as the engine adds (a sum that cancels to noise is 0). */
export function add(left: number, right: number): number {
  const r = left + right;
  return Math.abs(r) < EPS * Math.abs(left) ? 0 : r;
}

/** `left - right` as the engine subtracts. */
export function subtract(left: number, right: number): number {
  const r = left - right;
  return Math.abs(r) < EPS * Math.abs(left) ? 0 : r;
}

/** A number as the engine gives it out (rounded to DIGITS significant digits past the first). */
export function engineRounding(value: number): number {
  if (value === 0) return 0;
  const exp = Math.floor(Math.log10(Math.abs(value)));
  const places = Math.pow(10, DIGITS - exp);
  return value < 0 ? -Math.round(-value * places) / places : Math.round(value * places) / places;
}
