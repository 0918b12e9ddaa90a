/**
 * FROZEN (2026-12-01, before the cells were walked with for…in): `remapRows` of domain/ops.ts, the
 * oracle of src/app/remapRows.test.ts.
 */
import { remapFormulaRows } from '../../../src/domain/formulaRefs';
import type { CellInput, Id, Row } from '../../../src/domain/types';

export function remapRowsBefore(
  rows: readonly Row[],
  map: (row: number) => number | null,
  which: (sheet: string | undefined) => boolean,
  skip?: ReadonlyMap<Id, number>,
): Row[] {
  let out: Row[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (skip && !skip.has(r.id)) continue;
    let cells: Record<Id, CellInput> | undefined;
    for (const [k, v] of Object.entries(r.cells)) {
      if (typeof v !== 'string' || !v.startsWith('=')) continue;
      const f = remapFormulaRows(v, map, which);
      if (f !== v) (cells ??= { ...r.cells })[k] = f;
    }
    if (cells) (out ??= rows.slice())[i] = { ...r, cells };
  }
  return out ?? (rows as Row[]);
}
