/** Which written cells an engine batch turned into errors (the edit is then refused). */
import {
  DetailedCellError,
  type ExportedChange,
  ExportedCellChange,
  type HyperFormula,
} from 'hyperformula';
import type { CellChange } from '../domain/ops';
import type { CellRefusal } from './engine';

/**
 * The refusals of a batch: each written cell whose value is an error, or (when the error is in a
 * cell that depends on them) the first written cell, as `DEPENDENT`.
 */
export function refusalsOf(
  hf: HyperFormula,
  sheet: number,
  out: ExportedChange[],
  written: { row: number; col: number; ch: CellChange }[],
): CellRefusal[] {
  const bad = out.some(
    (c) => c instanceof ExportedCellChange && c.newValue instanceof DetailedCellError,
  );
  if (!bad) return [];
  const refusals: CellRefusal[] = [];
  for (const w of written) {
    const v = hf.getCellValue({ sheet, row: w.row, col: w.col });
    if (v instanceof DetailedCellError)
      refusals.push({ rowId: w.ch.rowId, colId: w.ch.colId, error: v.type, message: v.message });
  }
  if (!refusals.length) {
    const w = written[0];
    refusals.push({ rowId: w.ch.rowId, colId: w.ch.colId, error: 'DEPENDENT', message: '' });
  }
  return refusals;
}
