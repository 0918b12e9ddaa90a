/**
 * A step taken while the engine is still being built (issue 20): the step is applied to the model
 * and to the figures computed without the engine (PlainValues), which the grid shows, and the
 * engine catches up once its build is done (EngineGate). Only a step those figures can follow
 * is taken so (in a workbook without formulas: the caller sees to that): rows' cells, rows added,
 * removed, moved or re-shaped in appendix sheets whose every figure PlainValues computes, and the
 * plan's own fields. Any other step (a formula typed, a sheet added, removed or given new columns, a plain
 * grid sheet's cells) needs the engine, which is then built at once.
 */
import type { Delta, SheetDelta } from '../domain/delta';
import { indexOfRows } from '../domain/rowIndex';
import type { AppendixSheet, Id, Row, Workbook } from '../domain/types';
import type { EngineEffects, EnginePatch } from '../engine/engine';
import { PlainValues } from '../engine/plainValues';

/** Whether a row changed in what the figures' shape depends on (not only in its cells). */
function reshaped(a: Row, b: Row): boolean {
  return (
    a.kind !== b.kind ||
    a.level !== b.level ||
    !!a.part !== !!b.part ||
    (a.totalSource ?? null) !== (b.totalSource ?? null)
  );
}

/** The sheet's figures after the step, and the rows they changed on (null: all, rows moved). */
function follow(
  plain: PlainValues | null | undefined,
  sheet: AppendixSheet,
  sd: SheetDelta,
): { values: PlainValues; rows: Set<number> | null } | null {
  const cellsOnly =
    !sd.order &&
    !sd.header &&
    sd.rows.every((r) => r.before && r.after && !reshaped(r.before, r.after));
  if (plain && cellsOnly) {
    const index = indexOfRows(sheet.rows);
    const rows = plain.edit(
      sheet.rows,
      sd.rows.map((r) => index.get(r.id)!),
    );
    return rows && { values: plain, rows };
  }
  // rows added, removed, moved or re-shaped, or the sheet's own fields: what changed is computed
  // again, the figures of rows kept as they were are kept
  const values = plain ? PlainValues.following(plain, sheet) : PlainValues.of(sheet);
  return values && { values, rows: null };
}

/**
 * Takes a step on the figures without the engine: `plain` (by sheet id, the figures the grid
 * shows) is brought to `after`, and the step's effects are returned as the engine would report
 * them; null when the step needs the engine (`plain` may then hold spent figures: the caller
 * builds the engine and forgets them).
 */
export function plainStep(
  plain: Map<Id, PlainValues | null>,
  after: Workbook,
  d: Delta,
): EngineEffects | null {
  if (d.added.length || d.removed.length || d.sheetList) return null;
  if (d.grids.length || d.gridsAdded.length || d.gridsRemoved.length || d.gridList) return null;
  const patches: EnginePatch[] = [];
  for (const sd of d.sheets) {
    const sheet = after.sheets.find((s) => s.id === sd.sheetId);
    if (!sheet) return null;
    const r = follow(plain.get(sd.sheetId), sheet, sd);
    if (!r) return null;
    plain.set(sd.sheetId, r.values);
    patches.push({
      sheetId: sd.sheetId,
      rows: r.rows ?? new Set(sheet.rows.keys()),
      totals: true,
      structure: !r.rows,
    });
  }
  return { patches, grids: [] };
}
