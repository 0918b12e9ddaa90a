/**
 * One step, whatever it is (a command, an undo, a redo): the workbook before and after, and the
 * delta read between them, brought to the engines in one pass. A refusal on any sheet puts the
 * sheets already brought back, so a refused step leaves nothing behind.
 */
import { type Delta, reverseDelta, type SheetDelta } from '../domain/delta';
import { engineRefusalCode, type Refusal } from '../domain/refusals';
import type { AppendixSheet, GridSheet, Id, Workbook } from '../domain/types';
import type { CellRefusal, EnginePatch, PlanEngine } from '../engine/engine';
import type { GridEngine } from '../engine/gridEngine';

/** Rows of a grid sheet whose values changed; `structure` when the sheet was added or removed. */
export interface GridPatch {
  gridId: Id;
  rows: Set<number>;
  structure: boolean;
}

/** What the engines report of a step: the rows whose values changed. */
export interface EngineEffects {
  patches: EnginePatch[];
  grids: GridPatch[];
}

export type EngineStep = { ok: true; effects: EngineEffects } | { ok: false; refusals: Refusal[] };

const sheetIn = (wb: Workbook, id: Id): AppendixSheet => wb.sheets.find((s) => s.id === id)!;
const gridIn = (wb: Workbook, id: Id): GridSheet => wb.grids!.find((g) => g.id === id)!;

function refusalOf(r: CellRefusal): Refusal {
  return { code: r.code, rowId: r.rowId, colId: r.colId, detail: r.message };
}

/**
 * Brings the engines from `before` to `after` (`d` is the delta between them). With `check`,
 * cell writes that would be errors refuse the whole step and the engines are left as they were.
 */
export function applyToEngines(
  engine: PlanEngine,
  grids: GridEngine,
  before: Workbook,
  after: Workbook,
  d: Delta,
  check: boolean,
): EngineStep {
  const fx: EngineEffects = { patches: [], grids: [] };
  const done: SheetDelta[] = [];
  const undoSheets = () => {
    const back = reverseDelta({ ...emptyDelta(), sheets: done });
    for (const sd of back.sheets) engine.applySheet(sd, sheetIn(before, sd.sheetId), false);
  };
  for (const sd of d.sheets) {
    const r = engine.applySheet(sd, sheetIn(after, sd.sheetId), check);
    if (Array.isArray(r)) {
      undoSheets();
      return { ok: false, refusals: r.map(refusalOf) };
    }
    done.push(sd);
    fx.patches.push(r);
  }
  const gridsDone: { id: Id; cells: { r: number; c: number; value: unknown }[] }[] = [];
  for (const gd of d.grids) {
    if (gd.header && gd.header.before.name !== gd.header.after.name) {
      grids.remove(gd.gridId);
      grids.add(gridIn(after, gd.gridId));
      fx.grids.push({ gridId: gd.gridId, rows: new Set(), structure: true });
      continue;
    }
    const changes = gd.cells.map((c) => ({ r: c.r, c: c.c, value: c.after }));
    const r = grids.setCells(gd.gridId, changes, check);
    if (Array.isArray(r)) {
      for (const g of gridsDone.reverse())
        grids.setCells(g.id, g.cells as { r: number; c: number; value: null }[], false);
      undoSheets();
      return {
        ok: false,
        refusals: r.map((x) => ({
          code: engineRefusalCode(x.error),
          at: { r: x.r, c: x.c },
          detail: x.message,
        })),
      };
    }
    gridsDone.push({
      id: gd.gridId,
      cells: gd.cells.map((c) => ({ r: c.r, c: c.c, value: c.before })),
    });
    fx.grids.push({ gridId: gd.gridId, rows: r, structure: false });
  }
  for (const s of d.removed) {
    engine.removeSheet(s.id);
    fx.patches.push({ sheetId: s.id, rows: new Set(), totals: true, structure: true });
  }
  for (const s of d.added) {
    engine.addSheet(s);
    fx.patches.push({ sheetId: s.id, rows: new Set(), totals: true, structure: true });
  }
  for (const g of d.gridsRemoved) {
    grids.remove(g.id);
    fx.grids.push({ gridId: g.id, rows: new Set(), structure: true });
  }
  for (const g of d.gridsAdded) {
    grids.add(g);
    fx.grids.push({ gridId: g.id, rows: new Set(), structure: true });
  }
  return { ok: true, effects: fx };
}

/** A delta that changes nothing. */
export function emptyDelta(): Delta {
  return { added: [], removed: [], sheets: [], gridsAdded: [], gridsRemoved: [], grids: [] };
}
