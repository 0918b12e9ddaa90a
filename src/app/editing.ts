/** Committing what a user typed into a cell (grid editor or formula bar) as one command. */
import { inputScale } from '../domain/display';
import { percentInput } from '../domain/percent';
import { cellPolicy, leafById, readInput } from '../domain/policy';
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
  const read = readInput(
    text,
    leaf,
    'auto',
    inputScale(session.workbook.meta.unit, sheet.display),
    percentInput(row, rule.target),
  );
  if ('invalid' in read)
    return { ok: false, refusal: { code: 'notNumber', ...at, detail: read.invalid } };
  const parsed = read.value;
  const numeric =
    typeof parsed === 'number' || (typeof parsed === 'string' && parsed.startsWith('='));
  const old = numeric ? session.raw(sheetId, i, rule.target) : (row.cells[rule.target] ?? null);
  // a typed `5%` marks a plain cell a percent cell, even over the same fraction
  if (old === parsed && read.percent === undefined) return { ok: true, changed: false };
  const r = session.dispatch(
    { type: 'setCells', sheetId, changes: [{ ...at, value: parsed, ...marked(read.percent) }] },
    'edit',
  );
  return r.ok ? { ok: true, changed: true } : { ok: false, refusal: r.refusals[0] };
}

/** A change's percent mark, when the input sets one. */
const marked = (percent: number | undefined) => (percent === undefined ? {} : { percent });

/** A percent cell's figure in a selection (its fraction): counted apart, never added to amounts. */
export interface PercentFigure {
  percent: number;
}

const isPercentFigure = (v: unknown): v is PercentFigure =>
  typeof v === 'object' && v !== null && typeof (v as PercentFigure).percent === 'number';

/**
 * The status line of a selection: every selected cell (`cells`, blanks included), the filled ones,
 * and the count, sum and average of the numbers among them (as Excel's count and numerical count).
 * Percent cells (`PercentFigure`) are counted apart (`percents`): a share is never added to money.
 */
export function selectionStats(values: Iterable<unknown>): {
  cells: number;
  filled: number;
  numbers: number;
  percents: number;
  sum: number;
  average: number | null;
} {
  let cells = 0;
  let filled = 0;
  let numbers = 0;
  let percents = 0;
  let sum = 0;
  for (const v of values) {
    cells++;
    if (v === null || v === undefined || v === '') continue;
    filled++;
    if (isPercentFigure(v)) percents++;
    else if (typeof v === 'number' && Number.isFinite(v)) {
      numbers++;
      sum += v;
    }
  }
  return {
    cells,
    filled,
    numbers,
    percents,
    sum: Number.parseFloat(sum.toPrecision(12)),
    average: numbers ? Number.parseFloat((sum / numbers).toPrecision(12)) : null,
  };
}
