/**
 * The amounts of one unit (its projects' amount cells added up) as the export writes them, without
 * asking the engine for each cell: a project row's amount cell holds in the engine exactly what
 * the model holds (layout.ts: an input column, nothing derived there), so a plain number is read
 * from the model and rounded as the engine gives numbers out, an empty cell adds nothing, and any
 * other content (a formula, a text) is read from the engine.
 */
import type { AppendixSheet, Id } from '../domain/types';
import { engineRounding } from './plainValues';

/**
 * For each amount column, the sum over `rows` (project rows of `sheet`) of the cells' computed
 * values (non-numbers add nothing), added in row order: what reading every cell from `value` gives.
 */
export function unitAmountSums(
  sheet: AppendixSheet,
  rows: readonly number[],
  amountIds: readonly Id[],
  value: (row: number, colId: Id) => unknown,
): number[] {
  // row by row (each row's cells visited once, in one pass over them), each column's sum still
  // added in row order
  const sums = amountIds.map(() => 0);
  const at = new Map(amountIds.map((id, k) => [id, k]));
  const vals: unknown[] = new Array<unknown>(amountIds.length);
  for (const r of rows) {
    const row = sheet.rows[r];
    if (row.kind === 'project') {
      vals.fill(undefined);
      for (const key in row.cells) {
        const k = at.get(key);
        if (k !== undefined) vals[k] = row.cells[key];
      }
    } else vals.fill('=');
    for (let k = 0; k < amountIds.length; k++) {
      const x = vals[k];
      let v: unknown;
      if (typeof x === 'number') v = Number.isFinite(x) ? engineNumber(x) : null;
      else if (x === undefined || x === null || x === '') v = null;
      else v = value(r, amountIds[k]);
      sums[k] += typeof v === 'number' ? v : 0;
    }
  }
  return sums;
}

/**
 * A number as the engine gives it out: an integer below 1e11 unchanged (rounding to 11
 * significant digits keeps it, exactly: its scaled value is an exact integer), else rounded.
 */
function engineNumber(x: number): number {
  return Number.isInteger(x) && Math.abs(x) < 1e11 ? x : engineRounding(x);
}
