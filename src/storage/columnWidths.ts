/**
 * Column widths the user dragged, stored with the workbook record beside (not in) the workbook:
 * a width is a view preference, never an undo step, and writing it does not advance the
 * revision, so it never makes another tab's edits look like a conflict.
 */
import type { Id } from '../domain/types';
import type { PlanbookDb } from './db';

/** Widths kept: whole pixels within sane bounds (a bad value is dropped, never stored). */
export function cleanWidths(widths: Record<Id, number>): Record<Id, number> {
  const out: Record<Id, number> = {};
  for (const [k, v] of Object.entries(widths))
    if (Number.isFinite(v) && v >= 20 && v <= 2000) out[k] = Math.round(v);
  return out;
}

/** Stores one sheet's widths (merged over those stored); nothing when the workbook is gone. */
export async function saveColumnWidths(
  db: PlanbookDb,
  workbookId: Id,
  sheetId: Id,
  widths: Record<Id, number>,
): Promise<void> {
  await db.transaction('rw', db.workbooks, async () => {
    const w = await db.workbooks.get(workbookId);
    if (!w) return;
    const all = { ...(w.widths ?? {}) };
    all[sheetId] = { ...(all[sheetId] ?? {}), ...cleanWidths(widths) };
    await db.workbooks.update(workbookId, { widths: all });
  });
}
