/** A workbook as one side of a comparison, its amounts computed by the formula engine when needed. */
import type { Side } from '../domain/compare';
import type { Row, Workbook } from '../domain/types';
import { PlanEngine } from './engine';

/**
 * Whether a sheet's projects hold a formula, by rows array: a sheet's rows are never changed in
 * place (an edit makes a new array), so a revision compared again is not scanned again.
 */
const FORMULAS = new WeakMap<Row[], boolean>();

function sheetHasFormulas(rows: Row[]): boolean {
  let has = FORMULAS.get(rows);
  if (has !== undefined) return has;
  has = false;
  for (const r of rows) {
    if (r.kind !== 'project') continue;
    const cells = r.cells;
    for (const k in cells) {
      const v = cells[k];
      if (typeof v === 'string' && v.startsWith('=')) has = true;
    }
    if (has) break;
  }
  FORMULAS.set(rows, has);
  return has;
}

function hasFormulas(wb: Workbook): boolean {
  return wb.sheets.some((s) => sheetHasFormulas(s.rows));
}

/**
 * Evaluates a workbook for comparing. A plan without formulas in its projects is read as typed (a
 * 10,000-project revision needs no engine build); otherwise its own engine computes every value.
 * @param label how the comparison names this version (a file or revision name)
 * @param identity whose row ids its rows carry (default: the lineage a file named; none for a
 *   table read from a file)
 * @returns the side, whose `value` is the computed number (null when blank or text)
 */
export function evaluatedSide(
  label: string,
  workbook: Workbook,
  identity: string | undefined = workbook.lineage,
): Side {
  const who = identity ? { identity } : {};
  if (!hasFormulas(workbook)) {
    const byId = new Map(workbook.sheets.map((s) => [s.id, s]));
    return {
      label,
      workbook,
      ...who,
      typed: true,
      value: (sheetId, row, colId) => {
        const v = byId.get(sheetId)?.rows[row]?.cells[colId];
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
      },
    };
  }
  const engine = new PlanEngine();
  engine.loadWorkbook(workbook);
  return {
    label,
    workbook,
    ...who,
    value: (sheetId, row, colId) => {
      const v = engine.value(sheetId, row, colId);
      return typeof v === 'number' ? v : null;
    },
  };
}
