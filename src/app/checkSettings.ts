/**
 * The user's decisions about the checks of a sheet: a finding marked explained (with a note), the
 * rules of a column switched off, a column marked as not additive, a section's or total row's
 * stated figure let go (the row follows its rows from then on), one or all of a sheet's. Each is one undoable step that replaces the sheet
 * (its project figures and rows unchanged), so storage, the engine and the history follow as for
 * any other step.
 */
import { findingKey, type Finding } from '../domain/checks';
import { statedCells, withoutStated } from '../domain/liveTotals';
import { indexOfRows } from '../domain/rowIndex';
import type { AppendixSheet, ColumnNode, Id, Workbook } from '../domain/types';
import type { Command } from './commands';

/** The sheet with a finding explained (an empty note takes the explanation back). */
export function explainFinding(sheet: AppendixSheet, f: Finding, note: string): AppendixSheet {
  const explained = { ...(sheet.checks?.explained ?? {}) };
  if (note.trim()) explained[findingKey(f)] = note.trim();
  else delete explained[findingKey(f)];
  return { ...sheet, checks: { ...sheet.checks, explained } };
}

/** The sheet with the rules that check a column switched off (or on again). */
export function switchRules(sheet: AppendixSheet, colId: Id, off: boolean): AppendixSheet {
  const now = new Set(sheet.checks?.off ?? []);
  if (off) now.add(colId);
  else now.delete(colId);
  return { ...sheet, checks: { ...sheet.checks, off: [...now] } };
}

/** The sheet with a column's figures marked as never added up (ratios, indices) or additive again. */
export function setAdditive(sheet: AppendixSheet, colId: Id, additive: boolean): AppendixSheet {
  const map = (ns: ColumnNode[]): ColumnNode[] =>
    ns.map((n) => {
      if (n.kind === 'group') return { ...n, children: map(n.children) };
      if (n.id !== colId) return n;
      const { additive: _was, ...rest } = n;
      void _was;
      return additive ? rest : { ...rest, additive: false as const };
    });
  return { ...sheet, columns: map(sheet.columns) };
}

/** Rules whose finding compares a figure a section or total row states with what its rows add up to. */
const STATED_RULES = new Set<Finding['rule']>(['section-total', 'grand-total']);

/**
 * Whether a finding's stated figure can be replaced by the computed one: a section's or total
 * row's figure that the table states (a number in its cell), checked by the table's structure.
 */
export function canAcceptComputed(sheet: AppendixSheet, f: Finding): boolean {
  if (!STATED_RULES.has(f.rule) || f.rowId === null || f.colId === null) return false;
  // the rows' shared index: the panel asks for each finding it shows, at every render
  const i = indexOfRows(sheet.rows).get(f.rowId);
  const row = i === undefined ? undefined : sheet.rows[i];
  return (
    !!row &&
    (row.kind === 'section' || row.kind === 'total') &&
    typeof row.cells[f.colId] === 'number' &&
    Number.isFinite(f.actual)
  );
}

/**
 * The sheet with a finding's stated figure cleared: the section or total row shows what its rows
 * add up to and follows them at every later edit (a live total, as an agreeing figure becomes at
 * import), or null when the finding states no such figure (see `canAcceptComputed`).
 */
export function acceptComputed(sheet: AppendixSheet, f: Finding): AppendixSheet | null {
  if (!canAcceptComputed(sheet, f)) return null;
  return withoutStated(sheet, [{ rowId: f.rowId!, key: f.colId! }]);
}

/** How many figures the sheet's sections and total rows state (those `acceptAllComputed` clears). */
export function statedCount(sheet: AppendixSheet): number {
  return statedCells(sheet).length;
}

/**
 * The sheet with every figure its sections and total rows state cleared (`liveTotals.statedCells`):
 * all of them follow their rows from then on; null when none states a figure.
 */
export function acceptAllComputed(sheet: AppendixSheet): AppendixSheet | null {
  const cells = statedCells(sheet);
  return cells.length ? withoutStated(sheet, cells) : null;
}

/** The step that puts `sheet` in place of the workbook's sheet of the same id. */
export function replaceSheet(wb: Workbook, sheet: AppendixSheet): Command {
  const at = wb.sheets.findIndex((s) => s.id === sheet.id);
  return {
    type: 'batch',
    commands: [
      { type: 'removeSheet', sheetId: sheet.id },
      { type: 'addSheet', sheet, at },
    ],
  };
}
