/** Which sheet or view of a workbook a tab shows. */
import type { Id, Workbook } from '../domain/types';

/** A tab: a sheet (an appendix or a plain grid sheet) by id, or a view of the appendices. */
export type Tab = { sheet: Id } | { view: 'units' | 'years' };

/** Whether the tab shows the workbook's sheet `id`. */
export const isSheetTab = (t: Tab, id?: Id): t is { sheet: Id } =>
  'sheet' in t && (id === undefined || t.sheet === id);

/** Whether the id names an appendix or a plain grid sheet of the workbook. */
export function hasSheet(wb: Workbook, id: string): boolean {
  return wb.sheets.some((s) => s.id === id) || !!wb.grids?.some((g) => g.id === id);
}

/** The first sheet to show: the first appendix, else the first plain grid sheet. */
export function firstSheet(wb: Workbook): Tab {
  return { sheet: wb.sheets[0]?.id ?? wb.grids?.[0]?.id ?? '' };
}

/**
 * The tab to show after a step: the sheet an undo or redo changed (`moved`), else the current
 * tab while what it shows still exists, else the first sheet.
 */
export function tabAfter(wb: Workbook, cur: Tab, moved: Id | null): Tab {
  if ('view' in cur) return wb.sheets.length ? cur : firstSheet(wb);
  if (moved && moved !== cur.sheet && hasSheet(wb, moved)) return { sheet: moved };
  return hasSheet(wb, cur.sheet) ? cur : firstSheet(wb);
}

/** Error and warning findings over every appendix of an open workbook (for the header's badge). */
export function checkCounts(session: {
  workbook: Workbook;
  checks: { list: (wb: Workbook, sheetId: string) => { severity: string }[] };
}): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const s of session.workbook.sheets)
    for (const f of session.checks.list(session.workbook, s.id))
      if (f.severity === 'error') errors++;
      else warnings++;
  return { errors, warnings };
}
