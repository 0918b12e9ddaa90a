/**
 * A change that came from the shared document (another person's step, a settled conflict) as a
 * command the session applies like any other step, without making it an undo step of the local
 * user: cell edits as `setCells`, rows added, removed, moved or re-shaped as `deleteRows` /
 * `insertRows` and one `reshape` with the rows' final shapes, a sheet whose header changed
 * replaced whole, the meta with `setMeta`, plain grid sheets replaced whole. Rows are taken as
 * they come (`asIs`: already numbered where the step was made).
 */
import {
  type AppendixSheet,
  type GridSheet,
  type Id,
  isBlankInput,
  type Row,
  type Workbook,
} from '../domain/types';
import type { CellChange } from '../domain/ops';
import { indexOfRows } from '../domain/rowIndex';
import { longestIncreasing } from '../storage/sync/order';
import type { Command } from './commands';
import { appendAll } from '../domain/arrays';

function sameProps(a: Row, b: Row): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Row>;
  for (const k of keys) if (k !== 'cells' && a[k] !== b[k]) return false;
  return true;
}

/** Same value: the same object, or equal as JSON (a copy read from elsewhere). */
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function headerChanged(a: AppendixSheet, b: AppendixSheet): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof AppendixSheet>;
  for (const k of keys) if (k !== 'rows' && !same(a[k], b[k])) return true;
  return false;
}

function cellChanges(a: Row, b: Row): CellChange[] {
  if (a.cells === b.cells) return [];
  const out: CellChange[] = [];
  for (const colId of new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])) {
    const x = a.cells[colId];
    const y = b.cells[colId];
    if (x === y || (isBlankInput(x) && isBlankInput(y))) continue;
    out.push({ rowId: b.id, colId, value: isBlankInput(y) ? null : y });
  }
  return out;
}

/** Commands that turn sheet `a` into sheet `b` (same id and header). */
export function sheetCommands(a: AppendixSheet, b: AppendixSheet): Command[] {
  if (a.rows === b.rows) return [];
  const ia = indexOfRows(a.rows);
  // rows that stay where they are: present in both, same shape, in a longest run of kept order
  const common = b.rows.flatMap((r) => {
    const i = ia.get(r.id);
    return i !== undefined && sameProps(a.rows[i], r) ? [{ row: r, i }] : [];
  });
  const run = longestIncreasing(common.map((c) => c.i));
  const stay = new Set(run.map((k) => common[k].row.id));
  const cmds: Command[] = [];
  const gone = a.rows.filter((r) => !stay.has(r.id)).map((r) => r.id);
  if (gone.length) cmds.push({ type: 'deleteRows', sheetId: b.id, rowIds: gone, asIs: true });
  let structure = gone.length > 0;
  for (let i = 0; i < b.rows.length;) {
    if (stay.has(b.rows[i].id)) {
      i++;
      continue;
    }
    let j = i;
    while (j < b.rows.length && !stay.has(b.rows[j].id)) j++;
    cmds.push({ type: 'insertRows', sheetId: b.id, at: i, rows: b.rows.slice(i, j), asIs: true });
    structure = true;
    i = j;
  }
  const changes = b.rows.flatMap((r) => {
    if (!stay.has(r.id)) return [];
    const old = a.rows[ia.get(r.id)!];
    return old === r ? [] : cellChanges(old, r);
  });
  if (changes.length) cmds.push({ type: 'setCells', sheetId: b.id, changes, asIs: true });
  if (structure)
    cmds.push({
      type: 'reshape',
      sheetId: b.id,
      shapes: b.rows.map((r) => ({ rowId: r.id, level: r.level, kind: r.kind })),
      asIs: true,
    });
  return cmds;
}

function sameIds(a: readonly { id: Id }[], b: readonly { id: Id }[]): boolean {
  return a.length === b.length && a.every((x, i) => x.id === b[i].id);
}

function gridCommands(a: readonly GridSheet[], b: readonly GridSheet[]): Command[] {
  if (a === b) return [];
  const old = new Map(a.map((g) => [g.id, g]));
  const reorder = !sameIds(
    a.filter((g) => b.some((x) => x.id === g.id)),
    b.filter((g) => old.has(g.id)),
  );
  const cmds: Command[] = [];
  const redo = new Set(b.filter((g) => reorder || !same(old.get(g.id), g)).map((g) => g.id));
  for (const g of a)
    if (redo.has(g.id) || !b.some((x) => x.id === g.id))
      cmds.push({ type: 'removeGrid', gridId: g.id });
  b.forEach((g, at) => {
    if (redo.has(g.id)) cmds.push({ type: 'addGrid', grid: g, at });
  });
  return cmds;
}

/** The command that brings workbook `a` to `b` (null: nothing to do). */
export function remoteCommand(a: Workbook, b: Workbook): Command | null {
  const cmds: Command[] = [];
  if (!same(a.meta, b.meta)) cmds.push({ type: 'setMeta', meta: b.meta });
  if (a.sheets !== b.sheets) {
    const old = new Map(a.sheets.map((s) => [s.id, s]));
    const kept = b.sheets.filter((s) => old.has(s.id));
    const reorder = !sameIds(
      a.sheets.filter((s) => kept.some((k) => k.id === s.id)),
      kept,
    );
    const whole = new Set(
      b.sheets
        .filter((s) => !old.has(s.id) || reorder || headerChanged(old.get(s.id)!, s))
        .map((s) => s.id),
    );
    for (const s of a.sheets)
      if (whole.has(s.id) || !b.sheets.some((x) => x.id === s.id))
        cmds.push({ type: 'removeSheet', sheetId: s.id });
    b.sheets.forEach((s, at) => {
      if (whole.has(s.id)) cmds.push({ type: 'addSheet', sheet: s, at });
      else appendAll(cmds, sheetCommands(old.get(s.id)!, s));
    });
  }
  appendAll(cmds, gridCommands(a.grids ?? [], b.grids ?? []));
  if (!cmds.length) return null;
  return cmds.length === 1 ? cmds[0] : { type: 'batch', commands: cmds };
}
