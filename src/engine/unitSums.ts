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
  return amountIds.map((id) => {
    let a = 0;
    for (const r of rows) {
      const row = sheet.rows[r];
      const x = row.kind === 'project' ? row.cells[id] : '=';
      let v: unknown;
      if (typeof x === 'number') v = Number.isFinite(x) ? engineRounding(x) : null;
      else if (x === undefined || x === null || x === '') v = null;
      else v = value(r, id);
      a += typeof v === 'number' ? v : 0;
    }
    return a;
  });
}
