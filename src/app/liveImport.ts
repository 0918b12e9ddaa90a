/**
 * A workbook read from a file, as it is stored at import: each sheet's section and total figures
 * that agree with their rows become live totals (`domain/liveTotals`); those that disagree stay
 * stated. Values come without the engine where the sheet allows it (an imported sheet holds
 * figures, not formulas), else from one engine build for the workbook.
 */
import { liveTotals } from '../domain/liveTotals';
import type { Workbook } from '../domain/types';
import { PlanEngine } from '../engine/engine';
import { PlainValues } from '../engine/plainValues';

/** The workbook with its agreeing stated figures live (the same object when none is). */
export function withLiveTotals(wb: Workbook): Workbook {
  let engine: PlanEngine | undefined;
  const valuesOf = (i: number) => {
    const plain = PlainValues.of(wb.sheets[i]);
    if (plain) return plain.values();
    if (!engine) {
      engine = new PlanEngine();
      engine.loadWorkbook(wb);
    }
    return engine.values(wb.sheets[i].id);
  };
  const sheets = wb.sheets.map((s, i) => liveTotals(s, valuesOf(i)));
  return sheets.every((s, i) => s === wb.sheets[i]) ? wb : { ...wb, sheets };
}
