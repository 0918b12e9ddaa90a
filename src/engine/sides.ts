/** A workbook as one side of a comparison, its amounts computed by its own formula engine. */
import type { Side } from '../domain/compare';
import type { Workbook } from '../domain/types';
import { PlanEngine } from './engine';

/**
 * Evaluates a workbook for comparing.
 * @param label how the comparison names this version (a file or revision name)
 * @returns the side, whose `value` is the engine's computed number (null when blank or text)
 */
export function evaluatedSide(label: string, workbook: Workbook): Side {
  const engine = new PlanEngine();
  engine.loadWorkbook(workbook);
  return {
    label,
    workbook,
    value: (sheetId, row, colId) => {
      const v = engine.value(sheetId, row, colId);
      return typeof v === 'number' ? v : null;
    },
  };
}
