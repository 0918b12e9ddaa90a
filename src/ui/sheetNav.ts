/** Which sheet of a workbook a tab id names. */
import type { Workbook } from '../domain/types';

/** Whether the id names an appendix or a plain grid sheet of the workbook. */
export function hasSheet(wb: Workbook, id: string): boolean {
  return wb.sheets.some((s) => s.id === id) || !!wb.grids?.some((g) => g.id === id);
}

/** The first sheet to show: the first appendix, else the first plain grid sheet. */
export function firstSheet(wb: Workbook): string {
  return wb.sheets[0]?.id ?? wb.grids?.[0]?.id ?? '';
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
