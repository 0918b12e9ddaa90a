/**
 * One step, whatever it is (a command, an undo, a redo): the workbook before and after, and the
 * delta read between them, brought to the engine in one pass. A refusal on any sheet puts the
 * sheets already brought back, so a refused step leaves nothing behind.
 */
import { type Delta, reverseDelta, type SheetDelta } from '../domain/delta';
import { engineRefusalCode, type Refusal } from '../domain/refusals';
import type { AppendixSheet, Id, Workbook } from '../domain/types';
import type { CellRefusal, EngineEffects, PlanEngine } from '../engine/engine';

export type { EngineEffects };
export type { GridPatch } from '../engine/engine';

export type EngineStep = { ok: true; effects: EngineEffects } | { ok: false; refusals: Refusal[] };

const sheetIn = (wb: Workbook, id: Id): AppendixSheet => wb.sheets.find((s) => s.id === id)!;

function refusalOf(r: CellRefusal): Refusal {
  return { code: r.code, rowId: r.rowId, colId: r.colId, detail: r.message };
}

/** Adds `more` to `fx`, one patch per sheet (rows joined). */
function merge(fx: EngineEffects, more: EngineEffects): void {
  for (const p of more.patches) {
    const had = fx.patches.find((x) => x.sheetId === p.sheetId);
    if (!had) fx.patches.push(p);
    else {
      // (a sheet reached twice in one step, rare: its rows are redrawn whole)
      had.cells = undefined;
      for (const r of p.rows) had.rows.add(r);
      // (the totals that changed are known only when one patch says them all)
      if (p.totals)
        had.totalCols =
          had.totals && had.totalCols && p.totalCols
            ? new Set([...had.totalCols, ...p.totalCols])
            : had.totals
              ? undefined
              : p.totalCols;
      had.totals ||= p.totals;
      had.structure ||= p.structure;
      if (p.pinned) had.pinned = true;
    }
  }
  for (const g of more.grids) {
    const had = fx.grids.find((x) => x.gridId === g.gridId);
    if (!had) fx.grids.push(g);
    else {
      for (const r of g.rows) had.rows.add(r);
      had.structure ||= g.structure;
    }
  }
}

/**
 * Brings the engine from `before` to `after` (`d` is the delta between them). With `check`,
 * cell writes that would be errors refuse the whole step and the engine is left as it was.
 */
export function applyToEngines(
  engine: PlanEngine,
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
    // rows moved and put back: formulas elsewhere that name those sheets are the model's again
    const names = d.sheets.filter((x) => x.order).map((x) => sheetIn(before, x.sheetId).name);
    if (names.length) engine.restoreFormulas(before, names);
  };
  // the writes that may be refused go first; sheets removed and added (never refused) after; a
  // sheet renamed before the others, whose formulas name it by its new name
  const renamed = (x: SheetDelta) => !!x.header && x.header.before.name !== x.header.after.name;
  for (const sd of [...d.sheets.filter(renamed), ...d.sheets.filter((x) => !renamed(x))]) {
    const r = engine.applySheet(sd, sheetIn(after, sd.sheetId), check);
    if (Array.isArray(r)) {
      undoSheets();
      return { ok: false, refusals: r.map(refusalOf) };
    }
    done.push(sd);
    merge(fx, r);
  }
  const gridsDone: { id: Id; cells: { r: number; c: number; value: null }[] }[] = [];
  for (const gd of d.grids) {
    const changes = gd.cells.map((c) => ({ r: c.r, c: c.c, value: c.after, before: c.before }));
    const r = engine.setGridCells(gd.gridId, changes, check);
    if (Array.isArray(r)) {
      for (const g of gridsDone.reverse()) engine.setGridCells(g.id, g.cells, false);
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
      cells: gd.cells.map((c) => ({ r: c.r, c: c.c, value: c.before as null })),
    });
    merge(fx, r);
  }
  // formulas that name a sheet about to go read `#REF!` first: the engine never holds a
  // reference to a missing sheet (it mis-evaluates those once rows move)
  const gone = [...d.removed.map((s) => s.name), ...d.gridsRemoved.map((g) => g.name)];
  if (gone.length) engine.restoreFormulas(after, gone, 'gone');
  for (const s of d.removed) merge(fx, engine.removeSheet(s.id));
  for (const g of d.gridsRemoved) {
    merge(fx, engine.removeGrid(g.id));
    fx.grids.push({ gridId: g.id, rows: new Set(), structure: true });
  }
  const addedNames = [...d.added.map((s) => s.name), ...d.gridsAdded.map((g) => g.name)];
  for (const s of d.added) merge(fx, engine.addSheet(s));
  for (const g of d.gridsAdded) {
    merge(fx, engine.addGrid(g));
    fx.grids.push({ gridId: g.id, rows: new Set(), structure: true });
  }
  // formulas elsewhere that name a sheet whose rows moved, or a sheet just added, hold what the
  // model says
  const names = d.sheets.filter((x) => x.order).map((x) => sheetIn(after, x.sheetId).name);
  // (with one sheet only, nothing else can name it: its own references followed its rows)
  const others = after.sheets.length + (after.grids?.length ?? 0) > 1;
  if (others && (names.length || addedNames.length))
    engine.restoreFormulas(after, [...names, ...addedNames]);
  return { ok: true, effects: fx };
}

/** A delta that changes nothing. */
export function emptyDelta(): Delta {
  return { added: [], removed: [], sheets: [], gridsAdded: [], gridsRemoved: [], grids: [] };
}
