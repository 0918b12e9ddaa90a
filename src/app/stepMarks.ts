/**
 * What a step changed that the formula engine does not see, added to its effects so that every
 * listener (the grid above all) follows it at once: rows whose percent marks alone changed (the
 * grid shows their cells as percentages), and sheets whose computed total rows come or go with a
 * label (a top-level row renamed `Bội chi` makes the table a balance table: grandTotal.ts).
 */
import type { Delta } from '../domain/delta';
import { grandTotalChanged } from '../domain/grandTotal';
import { indexOfRows } from '../domain/rowIndex';
import type { Id, Workbook } from '../domain/types';
import type { EngineEffects, EnginePatch } from '../engine/engine';

/** Adds to `fx` the rows and pinned totals the step `d` (from `before` to `after`) changed. */
export function addStepMarks(before: Workbook, after: Workbook, d: Delta, fx: EngineEffects): void {
  for (const sd of d.sheets) {
    const a = before.sheets.find((s) => s.id === sd.sheetId);
    const b = after.sheets.find((s) => s.id === sd.sheetId);
    if (!a || !b) continue;
    let patch: EnginePatch | undefined;
    const own = () => (patch ??= patchOf(fx, sd.sheetId));
    // (a step that moves rows or changes the columns redraws the sheet and its pinned rows)
    if (!sd.order && !sd.header && grandTotalChanged(a.rows, b.rows, sd.rows)) {
      own().pinned = true;
      own().totals = true;
      own().totalCols = undefined;
    }
    let index: Map<Id, number> | undefined;
    for (const ch of sd.rows) {
      if (!ch.before || !ch.after || ch.before.percent === ch.after.percent) continue;
      const i = (index ??= indexOfRows(b.rows)).get(ch.id);
      if (i !== undefined) own().rows.add(i);
    }
  }
}

/** The sheet's patch in `fx`, added (empty) when the engine had none. */
function patchOf(fx: EngineEffects, sheetId: Id): EnginePatch {
  let p = fx.patches.find((x) => x.sheetId === sheetId);
  if (!p) fx.patches.push((p = { sheetId, rows: new Set(), totals: false, structure: false }));
  return p;
}
