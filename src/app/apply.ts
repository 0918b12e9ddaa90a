/** Applies a command to the model and the engine together, and returns its inverse. */
import * as ops from '../domain/ops';
import { indexOfRows } from '../domain/rowIndex';
import { normaliseLevels } from '../domain/rows';
import type { AppendixSheet, Id, Row, Workbook } from '../domain/types';
import type { EnginePatch, PlanEngine } from '../engine/engine';
import type { GridEngine } from '../engine/gridEngine';
import { applyGridCommand, type GridPatch } from './applyGrid';
import { orderKeys } from '../storage/repo';
import { type Command, CommandRefused, type Shape, validateCells } from './commands';

/** What a command touched, for persistence and the grid refresh. */
export interface Effects {
  patches: EnginePatch[];
  putRows: Map<Id, Set<Id>>;
  deleted: { sheetId: Id; rowId: Id }[];
  meta: boolean;
  /** The list of sheets changed (added, removed). */
  sheets: boolean;
  /** Plain grid sheets changed: their rows whose values changed (a structural change: all). */
  grids: GridPatch[];
}

export function emptyEffects(): Effects {
  return { patches: [], putRows: new Map(), deleted: [], meta: false, sheets: false, grids: [] };
}

export interface ModelState {
  wb: Workbook;
  engine: PlanEngine;
  gridEngine: GridEngine;
  order: Map<Id, string>;
}

function sheetOf(st: ModelState, id: Id): AppendixSheet {
  const s = st.wb.sheets.find((x) => x.id === id);
  if (!s) throw new Error(`sheet ${id} not found`);
  return s;
}

function replaceSheet(st: ModelState, sheet: AppendixSheet): void {
  st.wb = { ...st.wb, sheets: st.wb.sheets.map((s) => (s.id === sheet.id ? sheet : s)) };
}

function touch(fx: Effects, sheetId: Id, ids: Iterable<Id>): void {
  let set = fx.putRows.get(sheetId);
  if (!set) fx.putRows.set(sheetId, (set = new Set()));
  for (const id of ids) set.add(id);
}

/** Old shapes of rows (other than `skip`) whose level or kind differs between two row lists. */
function sideEffects(before: readonly Row[], after: readonly Row[], skip: Set<Id>): Shape[] {
  const now = new Map(after.map((r) => [r.id, r]));
  const out: Shape[] = [];
  for (const r of before) {
    const a = now.get(r.id);
    if (a && !skip.has(r.id) && (a.level !== r.level || a.kind !== r.kind)) {
      out.push({ rowId: r.id, level: r.level, kind: r.kind });
    }
  }
  return out;
}

function withSideEffects(inverse: Command, sheetId: Id, shapes: Shape[]): Command {
  return shapes.length
    ? { type: 'batch', commands: [inverse, { type: 'reshape', sheetId, shapes }] }
    : inverse;
}

function assignOrder(st: ModelState, rows: readonly Row[], at: number, count: number): void {
  if (count === 0) return;
  const before = at > 0 ? (st.order.get(rows[at - 1].id) ?? null) : null;
  const after = at + count < rows.length ? (st.order.get(rows[at + count].id) ?? null) : null;
  const keys = orderKeys(before, after && before && after <= before ? null : after, count);
  for (let i = 0; i < count; i++) st.order.set(rows[at + i].id, keys[i]);
}

/** Applies one command; throws CommandRefused (with nothing changed) when it cannot be applied. */
export function applyCommand(st: ModelState, cmd: Command, fx: Effects): Command {
  switch (cmd.type) {
    case 'batch': {
      const inverses: Command[] = [];
      try {
        for (const c of cmd.commands) inverses.unshift(applyCommand(st, c, fx));
      } catch (e) {
        for (const inv of inverses) applyCommand(st, inv, emptyEffects());
        throw e;
      }
      return { type: 'batch', commands: inverses };
    }
    case 'addSheet': {
      const sheets = st.wb.sheets.slice();
      sheets.splice(cmd.at, 0, cmd.sheet);
      st.engine.addSheet(cmd.sheet);
      st.wb = { ...st.wb, sheets };
      assignOrder(st, cmd.sheet.rows, 0, cmd.sheet.rows.length);
      touch(
        fx,
        cmd.sheet.id,
        cmd.sheet.rows.map((r) => r.id),
      );
      fx.sheets = true;
      fx.patches.push({ sheetId: cmd.sheet.id, rows: new Set(), totals: true, structure: true });
      return { type: 'removeSheet', sheetId: cmd.sheet.id };
    }
    case 'removeSheet': {
      const at = st.wb.sheets.findIndex((x) => x.id === cmd.sheetId);
      const sheet = sheetOf(st, cmd.sheetId);
      st.engine.removeSheet(sheet.id);
      st.wb = { ...st.wb, sheets: st.wb.sheets.filter((x) => x.id !== sheet.id) };
      for (const r of sheet.rows) fx.deleted.push({ sheetId: sheet.id, rowId: r.id });
      fx.sheets = true;
      fx.patches.push({ sheetId: sheet.id, rows: new Set(), totals: true, structure: true });
      return { type: 'addSheet', sheet, at };
    }
    case 'setGridCells':
    case 'addGrid':
    case 'removeGrid':
      return applyGridCommand(st, cmd, fx);
    case 'setMeta': {
      const old = st.wb.meta;
      st.wb = { ...st.wb, meta: cmd.meta };
      fx.meta = true;
      return { type: 'setMeta', meta: old };
    }
    case 'setCells': {
      const sheet = sheetOf(st, cmd.sheetId);
      const refused = validateCells(sheet, cmd.changes);
      if (refused.length) throw new CommandRefused(refused);
      const index = indexOfRows(sheet.rows);
      const old = cmd.changes.map((c) => ({
        ...c,
        value: sheet.rows[index.get(c.rowId) ?? -1]?.cells[c.colId] ?? null,
      }));
      const next = ops.setCells(sheet, cmd.changes);
      const out = st.engine.setCells(next, cmd.changes);
      if (Array.isArray(out)) {
        throw new CommandRefused(
          out.map((r) => ({
            code: r.error as 'CYCLE',
            rowId: r.rowId,
            colId: r.colId,
            detail: r.message,
          })),
        );
      }
      replaceSheet(st, next);
      fx.patches.push(out);
      touch(
        fx,
        sheet.id,
        cmd.changes.map((c) => c.rowId),
      );
      return { type: 'setCells', sheetId: sheet.id, changes: old.reverse() };
    }
    case 'insertRows': {
      const sheet = sheetOf(st, cmd.sheetId);
      const next = ops.insertRows(sheet, cmd.at, cmd.rows);
      fx.patches.push(st.engine.insertRows(next, cmd.at, cmd.rows.length));
      replaceSheet(st, next);
      assignOrder(st, next.rows, cmd.at, cmd.rows.length);
      const ids = cmd.rows.map((r) => r.id);
      const side = sideEffects(sheet.rows, next.rows, new Set(ids));
      touch(fx, sheet.id, [...ids, ...side.map((s) => s.rowId)]);
      return withSideEffects(
        { type: 'deleteRows', sheetId: sheet.id, rowIds: ids },
        sheet.id,
        side,
      );
    }
    case 'deleteRows': {
      const sheet = sheetOf(st, cmd.sheetId);
      const drop = new Set(cmd.rowIds);
      const indexes = sheet.rows.flatMap((r, i) => (drop.has(r.id) ? [i] : []));
      const next = ops.deleteRows(sheet, cmd.rowIds);
      fx.patches.push(st.engine.deleteRows(next, indexes));
      replaceSheet(st, next);
      for (const i of indexes) fx.deleted.push({ sheetId: sheet.id, rowId: sheet.rows[i].id });
      const side = sideEffects(sheet.rows, next.rows, drop);
      touch(
        fx,
        sheet.id,
        side.map((s) => s.rowId),
      );
      const runs: Command[] = [];
      for (let k = 0; k < indexes.length;) {
        let j = k;
        while (j + 1 < indexes.length && indexes[j + 1] === indexes[j] + 1) j++;
        const rows = indexes.slice(k, j + 1).map((i) => sheet.rows[i]);
        runs.push({ type: 'insertRows', sheetId: sheet.id, at: indexes[k], rows });
        k = j + 1;
      }
      return withSideEffects({ type: 'batch', commands: runs }, sheet.id, side);
    }
    case 'moveRows': {
      const sheet = sheetOf(st, cmd.sheetId);
      const next = ops.moveRows(sheet, cmd.from, cmd.count, cmd.to);
      fx.patches.push(st.engine.moveRows(next, cmd.from, cmd.count, cmd.to));
      replaceSheet(st, next);
      assignOrder(st, next.rows, cmd.to, cmd.count);
      const moved = next.rows.slice(cmd.to, cmd.to + cmd.count).map((r) => r.id);
      const side = sideEffects(sheet.rows, next.rows, new Set());
      touch(fx, sheet.id, [...moved, ...side.map((s) => s.rowId)]);
      const inverse: Command = {
        type: 'moveRows',
        sheetId: sheet.id,
        from: cmd.to,
        count: cmd.count,
        to: cmd.from,
      };
      return withSideEffects(inverse, sheet.id, side);
    }
    case 'reshape': {
      const sheet = sheetOf(st, cmd.sheetId);
      const next = { ...ops.setRowShapes(sheet, cmd.shapes) };
      next.rows = normaliseLevels(next.rows);
      const changed = sideEffects(sheet.rows, next.rows, new Set());
      const idx = new Map(next.rows.map((r, i) => [r.id, i]));
      fx.patches.push(
        st.engine.reshape(
          next,
          changed.map((s) => idx.get(s.rowId)!),
        ),
      );
      replaceSheet(st, next);
      touch(
        fx,
        sheet.id,
        changed.map((s) => s.rowId),
      );
      return { type: 'reshape', sheetId: sheet.id, shapes: changed };
    }
  }
}
