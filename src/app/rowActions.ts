/** Builds the commands behind the row toolbar: add, delete, move, indent/outdent, section ↔ project. */
import { makeRow } from '../domain/template';
import { headedEnd, parentIndex, subtreeEnd } from '../domain/rows';
import type { AppendixSheet, Row, RowKind } from '../domain/types';
import type { Command, Shape } from './commands';

export type RowActionResult = { command: Command; focus?: string } | { refused: RowActionRefusal };
export type RowActionRefusal =
  | 'noRow'
  | 'cannotIndent'
  | 'cannotOutdent'
  | 'cannotMoveUp'
  | 'cannotMoveDown'
  | 'hasChildren'
  | 'totalRow'
  | 'projectOutside';

function firstTotal(rows: readonly Row[]): number {
  const i = rows.findIndex((r) => r.kind === 'total');
  return i < 0 ? rows.length : i;
}

/** A new row after the focused one: a section's first child, or the next sibling. */
export function addRow(sheet: AppendixSheet, at: number | null, kind: RowKind): RowActionResult {
  const rows = sheet.rows;
  let index = firstTotal(rows);
  let level = 0;
  if (at !== null && rows[at] && rows[at].kind !== 'total') {
    const r = rows[at];
    if (r.kind === 'section' && kind === 'project') {
      index = at + 1;
      level = r.level + 1;
    } else {
      index = subtreeEnd(rows, at);
      level = r.level;
    }
  } else if (index > 0) {
    const prev = rows[index - 1];
    level = prev.kind === 'section' ? prev.level + 1 : prev.level;
  }
  const row = makeRow(
    kind,
    level,
    kind === 'project' ? { tt: '-', name: '' } : { tt: '', name: '' },
  );
  return { command: insertCommand(sheet, index, row), focus: row.id };
}

/**
 * The command inserting `row` at `index`: a section takes the rows below it that its heading
 * heads on the printed form (`headedEnd`: the projects up to the next heading of its level), one
 * level deeper, so that it adds them up and numbering follows; one undo step.
 */
export function insertCommand(sheet: AppendixSheet, index: number, row: Row): Command {
  const insert: Command = { type: 'insertRows', sheetId: sheet.id, at: index, rows: [row] };
  if (row.kind !== 'section') return insert;
  const end = headedEnd(sheet.rows, index, row.level);
  if (end === index) return insert;
  return {
    type: 'batch',
    commands: [
      insert,
      { type: 'reshape', sheetId: sheet.id, shapes: shift(sheet.rows, index, end, 1) },
    ],
  };
}

/** The rows a delete of row `at` removes: the row with its subtree. */
export function deletionBlock(sheet: AppendixSheet, at: number): Row[] {
  return sheet.rows.slice(at, subtreeEnd(sheet.rows, at));
}

/** Whether any of the rows holds an amount (asks for confirmation before deleting). */
export function holdsAmounts(rows: readonly Row[], numericIds: ReadonlySet<string>): boolean {
  return rows.some((r) =>
    Object.entries(r.cells).some(([k, v]) => numericIds.has(k) && v !== null && v !== ''),
  );
}

/** Deletes the row and its subtree. */
export function deleteRow(sheet: AppendixSheet, at: number | null): RowActionResult {
  if (at === null || !sheet.rows[at]) return { refused: 'noRow' };
  const block = deletionBlock(sheet, at);
  const next = sheet.rows[at + block.length] ?? sheet.rows[at - 1];
  return {
    command: { type: 'deleteRows', sheetId: sheet.id, rowIds: block.map((r) => r.id) },
    focus: next?.id,
  };
}

function previousSibling(rows: readonly Row[], i: number): number {
  for (let j = i - 1; j >= 0; j--) {
    if (rows[j].kind === 'total' || rows[j].level < rows[i].level) return -1;
    if (rows[j].level === rows[i].level) return j;
  }
  return -1;
}

/**
 * Moves the row (with its subtree) before its previous sibling, or after its next sibling. The
 * first row of a section moves up to the end of the section before it, the last one down to the
 * start of the section after it (sections of one level: the row keeps its level), as an officer
 * moves a project from one section to the next.
 */
export function moveRow(sheet: AppendixSheet, at: number | null, dir: -1 | 1): RowActionResult {
  if (at === null || !sheet.rows[at]) return { refused: 'noRow' };
  const rows = sheet.rows;
  if (rows[at].kind === 'total') return { refused: 'totalRow' };
  const end = subtreeEnd(rows, at);
  const count = end - at;
  const move = (to: number): RowActionResult => ({
    command: { type: 'moveRows', sheetId: sheet.id, from: at, count, to },
    focus: rows[at].id,
  });
  if (dir < 0) {
    const j = previousSibling(rows, at);
    if (j >= 0) return move(j);
    // the first row of its section: to the end of the section before (its parent's sibling)
    const p = parentIndex(rows, at);
    if (p >= 0 && p === at - 1 && rows[at].level === rows[p].level + 1) {
      const q = previousSibling(rows, p);
      if (q >= 0 && rows[q].kind === 'section') return move(p);
    }
    return { refused: 'cannotMoveUp' };
  }
  const next = rows[end];
  // the last row of its section: to the start of the section after, a heading of its parent's level
  if (next?.kind === 'section' && next.level === rows[at].level - 1 && parentIndex(rows, at) >= 0)
    return move(end - count + 1);
  if (!next || next.kind === 'total' || next.level !== rows[at].level)
    return { refused: 'cannotMoveDown' };
  return move(subtreeEnd(rows, end) - count);
}

function shift(rows: readonly Row[], from: number, to: number, by: number): Shape[] {
  return rows.slice(from, to).map((r) => ({ rowId: r.id, level: r.level + by, kind: r.kind }));
}

/** One level deeper: the row must follow a section or a sibling inside one. */
export function indentRow(sheet: AppendixSheet, at: number | null): RowActionResult {
  if (at === null || !sheet.rows[at]) return { refused: 'noRow' };
  const rows = sheet.rows;
  const prev = rows[at - 1];
  if (!prev || rows[at].kind === 'total' || prev.kind === 'total')
    return { refused: 'cannotIndent' };
  const allowed = prev.kind === 'section' ? prev.level + 1 : prev.level;
  if (rows[at].level + 1 > allowed) return { refused: 'cannotIndent' };
  const end = subtreeEnd(rows, at);
  return {
    command: { type: 'reshape', sheetId: sheet.id, shapes: shift(rows, at, end, 1) },
    focus: rows[at].id,
  };
}

/**
 * One level up. Siblings after the row stay in their section: the row (with its subtree) moves
 * after them, to the end of its parent. A project stays inside a section: it is never outdented
 * to the top level.
 */
export function outdentRow(sheet: AppendixSheet, at: number | null): RowActionResult {
  if (at === null || !sheet.rows[at]) return { refused: 'noRow' };
  const rows = sheet.rows;
  if (rows[at].kind === 'total' || rows[at].level === 0) return { refused: 'cannotOutdent' };
  if (rows[at].kind === 'project' && rows[at].level === 1) return { refused: 'projectOutside' };
  const end = subtreeEnd(rows, at);
  const count = end - at;
  const p = parentIndex(rows, at);
  const parentEnd = p < 0 ? end : subtreeEnd(rows, p);
  const shapes = shift(rows, at, end, -1);
  if (parentEnd === end)
    return { command: { type: 'reshape', sheetId: sheet.id, shapes }, focus: rows[at].id };
  return {
    command: {
      type: 'batch',
      commands: [
        { type: 'moveRows', sheetId: sheet.id, from: at, count, to: parentEnd - count },
        { type: 'reshape', sheetId: sheet.id, shapes },
      ],
    },
    focus: rows[at].id,
  };
}

/** Renumbers every row by the sheet's scheme, numbers typed by hand included (*Đánh số lại*). */
export function renumberRows(sheet: AppendixSheet): RowActionResult {
  return { command: { type: 'renumber', sheetId: sheet.id } };
}

/** Project ↔ section. A section becomes a project only when it has no rows under it. */
export function toggleKind(sheet: AppendixSheet, at: number | null): RowActionResult {
  if (at === null || !sheet.rows[at]) return { refused: 'noRow' };
  const r = sheet.rows[at];
  if (r.kind === 'total') return { refused: 'totalRow' };
  if (r.kind === 'section' && subtreeEnd(sheet.rows, at) > at + 1)
    return { refused: 'hasChildren' };
  const kind: RowKind = r.kind === 'section' ? 'project' : 'section';
  return {
    command: {
      type: 'reshape',
      sheetId: sheet.id,
      shapes: [{ rowId: r.id, level: r.level, kind }],
    },
    focus: r.id,
  };
}
