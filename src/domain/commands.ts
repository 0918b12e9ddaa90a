/**
 * Commands: every change to a workbook is one of these, applied by one pure function. What a
 * step changed is then read by comparing the workbook before and after (`delta.ts`), never kept
 * by hand per command.
 */
import { applyPlanEdit, applySheetEdit, type PlanEdit, type SheetEdit } from './formEdit';
import { type GridChange, setGridCells } from './grid';
import * as ops from './ops';
import { type CellChange } from './ops';
import { keyPolicy, isAmountInput } from './policy';
import { CommandRefused, type Refusal } from './refusals';
import { indexOfRows } from './rowIndex';
import { normaliseLevels } from './rows';
import { remapFormulaRows } from './formulaRefs';
import type { SheetDisplay } from './display';
import { followNumbering, markTypedNumbers, renumberAll } from './sheetNumbering';
import type {
  AppendixSheet,
  CellInput,
  GridSheet,
  Id,
  PlanMeta,
  Row,
  RowKind,
  Workbook,
} from './types';

export interface Shape {
  rowId: Id;
  level: number;
  kind: RowKind;
}

/**
 * Structural commands renumber the rows and typed numbers are marked as typed, in the same step;
 * `asIs` takes the rows as they come (a replay of steps made elsewhere, already numbered).
 */
export type Command =
  | { type: 'setCells'; sheetId: Id; changes: CellChange[]; asIs?: true }
  | { type: 'insertRows'; sheetId: Id; at: number; rows: Row[]; asIs?: true }
  | { type: 'deleteRows'; sheetId: Id; rowIds: Id[]; asIs?: true }
  | { type: 'moveRows'; sheetId: Id; from: number; count: number; to: number; asIs?: true }
  | { type: 'reshape'; sheetId: Id; shapes: Shape[]; asIs?: true }
  | { type: 'setMeta'; meta: PlanMeta }
  | { type: 'addSheet'; sheet: AppendixSheet; at: number }
  | { type: 'removeSheet'; sheetId: Id }
  | { type: 'setGridCells'; gridId: Id; changes: GridChange[] }
  | { type: 'addGrid'; grid: GridSheet; at: number }
  | { type: 'removeGrid'; gridId: Id }
  | { type: 'renumber'; sheetId: Id }
  | { type: 'setDisplay'; sheetId: Id; display: SheetDisplay }
  | { type: 'editSheet'; sheetId: Id; edit: SheetEdit }
  | { type: 'editPlan'; edit: PlanEdit }
  | { type: 'batch'; commands: Command[] };

/** Checks cell changes against the cell policy before anything is applied. */
export function validateCells(sheet: AppendixSheet, changes: readonly CellChange[]): Refusal[] {
  const index = indexOfRows(sheet.rows);
  const out: Refusal[] = [];
  for (const ch of changes) {
    const i = index.get(ch.rowId);
    if (i === undefined) continue;
    const p = keyPolicy(sheet, sheet.rows[i], ch.colId);
    const at = { rowId: ch.rowId, colId: ch.colId };
    if (p.refusal) out.push({ code: p.refusal, ...at });
    else if (p.numeric && !isAmountInput(ch.value ?? null))
      out.push({ code: 'notNumber', ...at, detail: String(ch.value) });
  }
  return out;
}

function sheetAt(wb: Workbook, id: Id): number {
  const i = wb.sheets.findIndex((s) => s.id === id);
  if (i < 0) throw new Error(`sheet ${id} not found`);
  return i;
}

function withSheet(wb: Workbook, id: Id, f: (s: AppendixSheet) => AppendixSheet): Workbook {
  const i = sheetAt(wb, id);
  const sheets = wb.sheets.slice();
  sheets[i] = f(sheets[i]);
  return { ...wb, sheets };
}

function gridAt(wb: Workbook, id: Id): number {
  const i = (wb.grids ?? []).findIndex((g) => g.id === id);
  if (i < 0) throw new Error(`grid sheet ${id} not found`);
  return i;
}

/** The sheet after a structural command, renumbered unless the command takes rows as they are. */
function numbered(cmd: { asIs?: true }, before: AppendixSheet, after: AppendixSheet) {
  return cmd.asIs ? after : followNumbering(before, after);
}

/**
 * The workbook after a command; the input is never changed and unchanged rows stay the same
 * objects. Throws `CommandRefused` (a cell the policy refuses) or an Error (an unknown id).
 */
export function applyCommand(wb: Workbook, cmd: Command): Workbook {
  switch (cmd.type) {
    case 'batch':
      return cmd.commands.reduce(applyCommand, wb);
    case 'setMeta':
      return { ...wb, meta: cmd.meta };
    case 'editSheet':
      return applySheetEdit(wb, cmd.sheetId, cmd.edit);
    case 'editPlan':
      return applyPlanEdit(wb, cmd.edit);
    case 'addSheet': {
      if (wb.sheets.some((s) => s.id === cmd.sheet.id))
        throw new Error(`sheet ${cmd.sheet.id} exists`);
      const sheets = wb.sheets.slice();
      const name = uniqueName(cmd.sheet.name, sheetNames(wb));
      const sheet = name === cmd.sheet.name ? cmd.sheet : { ...cmd.sheet, name };
      sheets.splice(Math.min(cmd.at, sheets.length), 0, sheet);
      return { ...wb, sheets };
    }
    case 'removeSheet':
      sheetAt(wb, cmd.sheetId);
      return { ...wb, sheets: wb.sheets.filter((s) => s.id !== cmd.sheetId) };
    case 'setCells':
      return withSheet(wb, cmd.sheetId, (s) => {
        const refused = validateCells(s, cmd.changes);
        if (refused.length) throw new CommandRefused(refused);
        const next = ops.setCells(s, cmd.changes);
        return cmd.asIs ? next : markTypedNumbers(next, cmd.changes);
      });
    case 'renumber':
      return withSheet(wb, cmd.sheetId, renumberAll);
    case 'setDisplay':
      return withSheet(wb, cmd.sheetId, (s) => ({ ...s, display: cmd.display }));
    case 'insertRows':
      return followAcross(
        withSheet(wb, cmd.sheetId, (s) => numbered(cmd, s, ops.insertRows(s, cmd.at, cmd.rows))),
        wb,
        cmd.sheetId,
      );
    case 'deleteRows':
      return followAcross(
        withSheet(wb, cmd.sheetId, (s) => numbered(cmd, s, ops.deleteRows(s, cmd.rowIds))),
        wb,
        cmd.sheetId,
      );
    case 'moveRows':
      return followAcross(
        withSheet(wb, cmd.sheetId, (s) =>
          numbered(cmd, s, ops.moveRows(s, cmd.from, cmd.count, cmd.to)),
        ),
        wb,
        cmd.sheetId,
      );
    case 'reshape':
      return withSheet(wb, cmd.sheetId, (s) => {
        const next = ops.setRowShapes(s, cmd.shapes);
        return numbered(cmd, s, { ...next, rows: normaliseLevels(next.rows) });
      });
    case 'setGridCells': {
      const grids = (wb.grids ?? []).slice();
      const i = gridAt(wb, cmd.gridId);
      grids[i] = setGridCells(grids[i], cmd.changes);
      return { ...wb, grids };
    }
    case 'addGrid': {
      const grids = (wb.grids ?? []).slice();
      if (grids.some((g) => g.id === cmd.grid.id)) throw new Error(`grid ${cmd.grid.id} exists`);
      const name = uniqueName(cmd.grid.name, sheetNames(wb));
      grids.splice(
        Math.min(cmd.at, grids.length),
        0,
        name === cmd.grid.name ? cmd.grid : { ...cmd.grid, name },
      );
      return { ...wb, grids };
    }
    case 'removeGrid': {
      gridAt(wb, cmd.gridId);
      return { ...wb, grids: (wb.grids ?? []).filter((g) => g.id !== cmd.gridId) };
    }
  }
}

/**
 * A sheet name not yet taken (compared without case, as spreadsheets do): the name itself, or
 * the name followed by ` (2)`, ` (3)`… Formulas name sheets, so two sheets never share a name.
 */
export function uniqueName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.trim().toLowerCase()));
  const base = name.trim() || 'Sheet';
  let out = base;
  for (let k = 2; used.has(out.toLowerCase()); k++) out = `${base} (${k})`;
  return out;
}

/**
 * After rows of a sheet were inserted, deleted or moved: the formulas of the other sheets and of
 * the grid sheets that name it keep pointing at the same rows.
 */
function followAcross(after: Workbook, before: Workbook, sheetId: Id): Workbook {
  const a = before.sheets[sheetAt(before, sheetId)];
  const b = after.sheets[sheetAt(after, sheetId)];
  const name = b.name.trim().toLowerCase();
  if (!name) return after;
  const which = ops.namesSheet(b.name);
  const map = ops.rowMap(a.rows, b.rows);
  const mentions = (v: CellInput) =>
    typeof v === 'string' && v.startsWith('=') && v.toLowerCase().includes(name);
  let sheets = after.sheets;
  after.sheets.forEach((s, k) => {
    if (s.id === sheetId || !s.rows.some((r) => Object.values(r.cells).some(mentions))) return;
    const rows = ops.remapRows(s.rows, map, which);
    if (rows !== s.rows)
      (sheets = sheets === after.sheets ? sheets.slice() : sheets)[k] = { ...s, rows };
  });
  let grids = after.grids;
  after.grids?.forEach((g, k) => {
    let cells: CellInput[][] | undefined;
    g.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (!mentions(v)) return;
        const f = remapFormulaRows(v as string, map, which);
        if (f === v) return;
        cells ??= g.cells.slice();
        if (cells[r] === g.cells[r]) cells[r] = g.cells[r].slice();
        cells[r][c] = f;
      }),
    );
    if (cells) (grids = grids === after.grids ? grids!.slice() : grids)![k] = { ...g, cells };
  });
  return sheets === after.sheets && grids === after.grids ? after : { ...after, sheets, grids };
}

/** The names of every sheet of a workbook, appendices and grid sheets (formulas name them). */
function sheetNames(wb: Workbook): string[] {
  return [...wb.sheets.map((s) => s.name), ...(wb.grids ?? []).map((g) => g.name)];
}
