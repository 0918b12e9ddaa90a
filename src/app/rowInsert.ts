/** Inserting a row above or below the focused one (the row menu's "insert above/below"). */
import { makeRow } from '../domain/template';
import type { AppendixSheet, RowKind } from '../domain/types';
import { addRow, insertCommand, type RowActionResult } from './rowActions';

/**
 * A new empty row of `kind` next to row `at`: above it at its level, or below it as the toolbar's
 * add does (a project under a section becomes its first child; otherwise after the row's subtree).
 * A section takes the projects below it up to the next heading of its level (`insertCommand`).
 */
export function insertRow(
  sheet: AppendixSheet,
  at: number | null,
  kind: RowKind,
  where: 'above' | 'below',
): RowActionResult {
  const rows = sheet.rows;
  if (where === 'below' || at === null || !rows[at]) return addRow(sheet, at, kind);
  // above a total row: where the toolbar adds with no row chosen (before the totals, nested as
  // the last row is, so a project never lands at the top level)
  if (rows[at].kind === 'total') return addRow(sheet, null, kind);
  const level = rows[at].level;
  const row = makeRow(
    kind,
    level,
    kind === 'project' ? { tt: '-', name: '' } : { tt: '', name: '' },
  );
  return { command: insertCommand(sheet, at, row), focus: row.id };
}
