/**
 * Project codes of a plan read from a spreadsheet: the plan reader keeps text columns out of the
 * rows, so a `Mã dự án` column is read back from the file's cells (by the row's input line and the
 * column's source position the reader reports).
 */
import { leaves } from '../../domain/columns';
import { classifyColumn } from '../../domain/executionColumns';
import type { Id } from '../../domain/types';
import { cellText, type RawGrid } from '../appendix/grid';
import type { PlanReading } from '../readPlan';

/** Whether a read plan has a code column whose cells the reader did not keep. */
export function hasCodeColumn(reading: PlanReading): boolean {
  return reading.workbook.sheets.some((s) =>
    leaves(s.columns).some(
      (l) =>
        classifyColumn([l.label], null).measure === 'code' && !s.rows.some((r) => r.cells[l.id]),
    ),
  );
}

/** Code of each project row, from the file's own cells (sheet id, row id → code, '' if none). */
export function planCodes(
  reading: PlanReading,
  grids: RawGrid[],
): (sheetId: Id, rowId: Id) => string {
  const codes = new Map<string, string>();
  for (const s of reading.workbook.sheets) {
    const g = grids.find((x) => x.name === s.name);
    const lines = reading.linesBySheet?.get(s.id) ?? reading.lineOf;
    const cols = reading.colOf?.get(s.id);
    const leaf = leaves(s.columns).find((l) => classifyColumn([l.label], null).measure === 'code');
    const col = leaf ? cols?.get(leaf.id) : undefined;
    if (!g || !leaf || col === undefined) continue;
    for (const r of s.rows) {
      const line = lines.get(r.id);
      if (line === undefined) continue;
      const t = cellText(g, line - 1, col).replace(/\s+/g, '');
      if (t) codes.set(`${s.id}\u0000${r.id}`, t);
    }
  }
  return (sheetId, rowId) => codes.get(`${sheetId}\u0000${rowId}`) ?? '';
}
