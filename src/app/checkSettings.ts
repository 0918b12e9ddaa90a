/**
 * The user's decisions about the checks of a sheet: a finding marked explained (with a note), the
 * rules of a column switched off, a column marked as not additive. Each is one undoable step that
 * replaces the sheet (its figures and rows unchanged), so storage, the engine and the history
 * follow as for any other step.
 */
import { findingKey, type Finding } from '../domain/checks';
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
