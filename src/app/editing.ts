/** Committing what a user typed into a cell (grid editor or formula bar) as one command. */
import { inputScale } from '../domain/display';
import { percentAt } from '../domain/percent';
import { cellPolicy, leafById, parseInput } from '../domain/policy';
import type { Refusal } from '../domain/refusals';
import { indexOfRows } from '../domain/rowIndex';
import type { WorkbookSession } from './session';

export type CommitResult = { ok: true; changed: boolean } | { ok: false; refusal: Refusal };

/**
 * Parses `text` for the cell (a figure in the sheet's display unit) and dispatches it in the
 * plan's unit; unchanged content is not a step.
 */
export function commitText(
  session: WorkbookSession,
  sheetId: string,
  rowId: string,
  colId: string,
  text: string,
): CommitResult {
  const sheet = session.workbook.sheets.find((s) => s.id === sheetId);
  const leaf = sheet && leafById(sheet, colId);
  const i = sheet && indexOfRows(sheet.rows).get(rowId);
  if (!sheet || !leaf || i === undefined) return { ok: true, changed: false };
  const row = sheet.rows[i];
  const rule = cellPolicy(sheet, row, leaf);
  const at = { rowId, colId: rule.target };
  if (rule.refusal) return { ok: false, refusal: { code: rule.refusal, ...at } };
  const parsed = parseInput(
    text,
    leaf,
    'auto',
    inputScale(session.workbook.meta.unit, sheet.display),
    percentAt(row, rule.target) !== undefined,
  );
  if (parsed !== null && typeof parsed === 'object')
    return { ok: false, refusal: { code: 'notNumber', ...at, detail: parsed.invalid } };
  const numeric =
    typeof parsed === 'number' || (typeof parsed === 'string' && parsed.startsWith('='));
  const old = numeric ? session.raw(sheetId, i, rule.target) : (row.cells[rule.target] ?? null);
  if (old === parsed) return { ok: true, changed: false };
  const r = session.dispatch(
    { type: 'setCells', sheetId, changes: [{ ...at, value: parsed }] },
    'edit',
  );
  return r.ok ? { ok: true, changed: true } : { ok: false, refusal: r.refusals[0] };
}

/**
 * The status line of a selection: every selected cell (`cells`, blanks included), the filled ones,
 * and the count, sum and average of the numbers among them (as Excel's count and numerical count).
 */
export function selectionStats(values: Iterable<unknown>): {
  cells: number;
  filled: number;
  numbers: number;
  sum: number;
  average: number | null;
} {
  let cells = 0;
  let filled = 0;
  let numbers = 0;
  let sum = 0;
  for (const v of values) {
    cells++;
    if (v === null || v === undefined || v === '') continue;
    filled++;
    if (typeof v === 'number' && Number.isFinite(v)) {
      numbers++;
      sum += v;
    }
  }
  return {
    cells,
    filled,
    numbers,
    sum: Number.parseFloat(sum.toPrecision(12)),
    average: numbers ? Number.parseFloat((sum / numbers).toPrecision(12)) : null,
  };
}
