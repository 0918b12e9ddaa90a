/** How the collaboration panel names cells and values. */
import { columnLetter, leaves } from '../domain/columns';
import { formatAmount } from '../domain/numbers';
import type { Workbook } from '../domain/types';

/** `Sheet · row name · column` for a cell of a workbook (ids where a part is gone). */
export function cellLabel(
  wb: Workbook,
  sheetId: string | null,
  rowId: string | null,
  colId: string | null,
): string {
  const sheet = wb.sheets.find((s) => s.id === sheetId);
  const grid = sheet ? undefined : wb.grids?.find((g) => g.id === sheetId);
  // a plain sheet's cell: its 0-based row and column ids, shown as the address (B3)
  if (grid && rowId !== null && colId !== null)
    return `${grid.name} · ${columnLetter(Number(colId))}${Number(rowId) + 1}`;
  if (!sheet) return [sheetId, rowId, colId].filter(Boolean).join(' · ');
  const row = sheet.rows.find((r) => r.id === rowId);
  const leaf = leaves(sheet.columns).find((l) => l.id === colId);
  const name = row ? String(row.cells.name ?? row.cells.tt ?? row.id) : rowId;
  const col = leaf ? `${leaf.label}${leaf.year ? ` ${leaf.year}` : ''}` : colId;
  return [sheet.name, name, col].filter(Boolean).join(' · ');
}

/** A cell value as the panel shows it (numbers in the language's style). */
export function valueText(v: unknown, lang: 'vi' | 'en', blank: string): string {
  if (v === null || v === undefined || v === '') return blank;
  if (typeof v === 'number') return formatAmount(v, lang);
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** A value stored as JSON in the audit trail, as the panel shows it. */
export function auditValue(json: string | null, lang: 'vi' | 'en', blank: string): string {
  if (json === null) return '';
  try {
    return valueText(JSON.parse(json) as unknown, lang, blank);
  } catch {
    return json;
  }
}
