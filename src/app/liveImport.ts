/**
 * A workbook read from a file, as it is stored at import: each sheet's section and total figures
 * that agree with their rows become live totals (`domain/liveTotals`); those that disagree stay
 * stated. Values come without the engine where the sheet allows it (an imported sheet holds
 * figures, not formulas), else from one engine build for the workbook.
 */
import { liveTotals } from '../domain/liveTotals';
import type { AppendixSheet, Workbook } from '../domain/types';
import { PlanEngine } from '../engine/engine';
import { PlainValues } from '../engine/plainValues';

/** The workbook with its agreeing stated figures live (the same object when none is). */
export function withLiveTotals(wb: Workbook): Workbook {
  const valuesOf = (s: AppendixSheet) => {
    const plain = PlainValues.of(s);
    if (plain) return plain.values();
    // a sheet that needs the engine (a formula typed in a cell), built with the workbook's others
    const engine = new PlanEngine();
    engine.loadWorkbook({ ...wb, sheets: wb.sheets.map((x) => (x.id === s.id ? s : x)) });
    return engine.values(s.id);
  };
  const sheets = wb.sheets.map((s) => liveTotals(s, valuesOf));
  return sheets.every((s, i) => s === wb.sheets[i]) ? wb : { ...wb, sheets };
}
