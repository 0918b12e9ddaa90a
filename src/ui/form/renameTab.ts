/** Renaming an appendix's tab from the tab itself (double-click): asks the new name, one step. */
import type { WorkbookSession } from '../../app/session';
import { sheetNameTaken } from '../../domain/formEdit';
import type { Id } from '../../domain/types';
import type { T } from '../i18n';

/** Asks a new name for the sheet and renames it; a bad name is said through `say`, never saved. */
export function renameTab(
  session: WorkbookSession,
  sheetId: Id,
  t: T,
  say: (text: string) => void,
  ask: (question: string, value: string) => string | null = (q, v) => window.prompt(q, v),
): void {
  const sheet = session.workbook.sheets.find((s) => s.id === sheetId);
  if (!sheet) return;
  const name = ask(t('form_sheetName'), sheet.name);
  if (name === null || name.trim() === sheet.name) return;
  if (!name.trim()) return say(t('form_nameEmpty'));
  if (sheetNameTaken(session.workbook, sheetId, name))
    return say(t('form_nameTaken', { name: name.trim() }));
  const r = session.dispatch(
    { type: 'editPlan', edit: { op: 'renameSheet', sheetId, name } },
    'renameSheet',
  );
  if (!r.ok) say(r.refusals.map((x) => t(`r_${x.code}`, { detail: x.detail ?? '' })).join(' '));
}
