/**
 * A section with nothing to add in a column: none of the rows under it holds a figure there (typed,
 * a formula, or stated by a subsection). Its sum is blank, as its projects are, in the grid, the
 * printed form and the export (where its formula stays, shown blank while it is 0).
 */
import { subtreeEnd } from './rows';
import type { Row } from './types';

/** True when section `i` has no figure under it in column `colId` (its computed 0 shows blank). */
export function nothingToAdd(rows: readonly Row[], i: number, colId: string): boolean {
  const r = rows[i];
  if (!r || r.kind !== 'section') return false;
  const end = subtreeEnd(rows, i);
  for (let j = i + 1; j < end; j++) {
    const v = rows[j].cells[colId];
    if (v !== undefined && v !== null && v !== '') return false;
  }
  return true;
}
