/**
 * Numbering as part of the commands: a structural edit (insert, delete, move, indent, outdent,
 * section ↔ project) renumbers the sheet's rows in the same step, so undo brings the old numbers
 * back; a number typed by hand is marked and kept; *Đánh số lại* renumbers every row.
 */
import { countsThrough, detectScheme, type NumberingScheme, renumber } from './numbering';
import type { CellChange } from './ops';
import { keepNumbering, renumberAfter } from './renumberStretch';
import { indexOfRows } from './rowIndex';
import type { AppendixSheet, Row } from './types';

/** The column holding each row's number (TT). */
export const NUMBER_COLUMN = 'tt';

function withRows(sheet: AppendixSheet, rows: Row[]): AppendixSheet {
  return rows.every((r, i) => r === sheet.rows[i]) ? sheet : { ...sheet, rows };
}

/**
 * The scheme a sheet is numbered by: the one it holds, or the one its rows show; a scheme kept
 * from before projects could be counted straight through learns that from the rows too.
 */
function schemeOf(sheet: AppendixSheet, rows: readonly Row[]): NumberingScheme {
  const held = sheet.numbering;
  if (!held) return detectScheme(rows);
  return held.through === undefined ? { ...held, through: countsThrough(rows) } : held;
}

/**
 * The sheet after a structural edit, renumbered by its scheme; a sheet that holds none takes the
 * one its rows showed before the edit (`before`) and keeps it from then on.
 */
export function followNumbering(before: AppendixSheet, after: AppendixSheet): AppendixSheet {
  const numbering = schemeOf(after.numbering ? after : before, before.rows);
  const sheet = after.numbering === numbering ? after : { ...after, numbering };
  // (walked over the stretch the edit changed, where the rows before were so numbered)
  const rows = renumberAfter(before.rows, sheet.rows, numbering);
  const out = withRows(sheet, rows);
  keepNumbering(rows, out.rows);
  return out;
}

/** Every row renumbered, numbers typed by hand included (the *Đánh số lại* action). */
export function renumberAll(sheet: AppendixSheet): AppendixSheet {
  const numbering = schemeOf(sheet, sheet.rows);
  const next = sheet.numbering === numbering ? sheet : { ...sheet, numbering };
  return withRows(next, renumber(next.rows, numbering, true));
}

/**
 * Rows whose number the changes typed are marked as numbered by hand (a cleared number goes back
 * to the automatic one at the next structural edit).
 */
export function markTypedNumbers(
  sheet: AppendixSheet,
  changes: readonly CellChange[],
): AppendixSheet {
  const typed = changes.filter((c) => c.colId === NUMBER_COLUMN);
  if (!typed.length) return sheet;
  const index = indexOfRows(sheet.rows);
  let rows: Row[] | undefined;
  for (const c of typed) {
    const i = index.get(c.rowId);
    if (i === undefined) continue;
    const r = (rows ?? sheet.rows)[i];
    const manual = c.value !== null && c.value !== '';
    if (!!r.manualNumber === manual) continue;
    rows ??= sheet.rows.slice();
    if (manual) rows[i] = { ...r, manualNumber: true };
    else {
      const { manualNumber: _m, ...rest } = r;
      void _m;
      rows[i] = rest;
    }
  }
  return rows ? { ...sheet, rows } : sheet;
}
