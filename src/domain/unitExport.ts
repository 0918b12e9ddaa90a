/**
 * A plan restated in another money unit, for an export "in the display unit": every amount of
 * money (typed figures, stated figures, ceilings) converted, the plan's unit line naming the new
 * unit. The formulas the export derives from the tree (section sums, totals, views) stay live on
 * their own; a typed formula stays live when it is linear in money cells of its own sheet (sums
 * and differences of them, times or over a number), since those cells are converted too. Any other
 * typed formula in a money cell is written as its converted value (`frozen` counts them).
 */
import { columnLetter, leaves } from './columns';
import { displayFactor, type DisplayUnit, isMoneyLeaf, scaleAmount } from './display';
import type { AppendixSheet, CellInput, Row, Workbook } from './types';

/** The computed value of a cell of a sheet (by row index and column id), in the plan's unit. */
export type ValueOf = (sheetId: string, rowIndex: number, colId: string) => unknown;

const REF = /\$?([A-Z]{1,3})\$?\d+/g;

/**
 * Whether a typed formula is linear in the money columns named by `money` (letters): only
 * references to them, `SUM`, `+`, `-`, parentheses, ranges, and products or quotients of a
 * reference or bracket by a plain number. No other sheet, function or constant term.
 */
export function isLinearFormula(formula: string, money: ReadonlySet<string>): boolean {
  const body = formula.slice(1).toUpperCase().replace(/\s+/g, '');
  if (/["'!]/.test(body)) return false;
  for (const m of body.matchAll(REF)) if (!money.has(m[1])) return false;
  // references become `R`, SUM( a bracket; then only R, numbers after * or /, + - ( ) : , remain
  const shape = body.replace(REF, 'R').replace(/SUM\(/g, '(');
  if (/[A-QS-Z_]/.test(shape)) return false;
  const factor = /[R)][*/]\d+(?:\.\d+)?/g;
  const rest = shape.replace(factor, (m) => m[0]);
  return /^[R()+\-:,]*$/.test(rest) && rest.includes('R');
}

function convertRow(
  row: Row,
  ids: readonly string[],
  factor: number,
  linear: (f: string) => boolean,
  value: (colId: string) => unknown,
  frozen: { n: number },
): Row {
  let cells: Record<string, CellInput> | undefined;
  for (const id of ids) {
    const v = row.cells[id];
    let next: CellInput | undefined;
    if (typeof v === 'number') next = scaleAmount(v, factor);
    else if (typeof v === 'string' && v.startsWith('=') && !linear(v)) {
      const computed = value(id);
      next = typeof computed === 'number' ? scaleAmount(computed, factor) : null;
      frozen.n++;
    }
    if (next === undefined || next === v) continue;
    cells ??= { ...row.cells };
    cells[id] = next;
  }
  return cells ? { ...row, cells } : row;
}

function convertSheet(
  sheet: AppendixSheet,
  factor: number,
  value: ValueOf,
  frozen: { n: number },
): AppendixSheet {
  const ls = leaves(sheet.columns);
  const ids = ls.filter(isMoneyLeaf).map((l) => l.id);
  const money = new Set(ls.flatMap((l, i) => (isMoneyLeaf(l) ? [columnLetter(i)] : [])));
  const linear = (f: string) => isLinearFormula(f, money);
  const rows = sheet.rows.map((r, i) =>
    convertRow(r, ids, factor, linear, (colId) => value(sheet.id, i, colId), frozen),
  );
  // the display setting has done its part: the file's figures are already in that unit
  const { display: _d, ...rest } = sheet;
  void _d;
  return { ...rest, rows };
}

/**
 * The plan restated in `unit` (the same plan when its own unit is unknown or already that one):
 * money figures converted without floating noise, `meta.unit` naming the new unit.
 */
export function planInUnit(
  wb: Workbook,
  unit: DisplayUnit,
  value: ValueOf,
): { workbook: Workbook; frozen: number } {
  const factor = displayFactor(wb.meta.unit, { unit });
  if (factor === 1) return { workbook: wb, frozen: 0 };
  const frozen = { n: 0 };
  const sheets = wb.sheets.map((s) => convertSheet(s, factor, value, frozen));
  const ceilings = wb.meta.ceilings
    ? Object.fromEntries(
        Object.entries(wb.meta.ceilings).map(([k, v]) => [k, scaleAmount(v, factor)]),
      )
    : undefined;
  const meta = { ...wb.meta, unit, ...(ceilings ? { ceilings } : {}) };
  return { workbook: { ...wb, meta, sheets }, frozen: frozen.n };
}
