/** Which steps may move projects between units (the unit view then rewrites its helper column). */
import { leafOf } from '../domain/columns';
import type { Delta } from '../domain/delta';
import type { Id, Workbook } from '../domain/types';

/** Whether a step may have moved projects of a sheet between units (lead edits, row changes). */
export function touchesUnits(d: Delta, wb: Workbook, sheetId: Id): boolean {
  if (d.added.length || d.removed.length) return true;
  const sd = d.sheets.find((s) => s.sheetId === sheetId);
  if (!sd) return false;
  if (sd.order || sd.header) return true;
  const sheet = wb.sheets.find((s) => s.id === sheetId);
  const lead = sheet && leafOf(sheet, 'lead')?.id;
  return sd.rows.some(
    (r) =>
      !r.before ||
      !r.after ||
      r.before.kind !== r.after.kind ||
      r.before.level !== r.after.level ||
      (lead !== undefined && r.before.cells[lead] !== r.after.cells[lead]),
  );
}
