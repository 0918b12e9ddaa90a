/**
 * The forms find matches a cell against: a text folded (case and diacritics aside), a figure as
 * typed in each number style (`61600`, `61.600`, `61,600`) and, when the sheet shows its figures
 * otherwise (another display unit, chosen decimals), as the sheet shows them (`61,6` in tỷ đồng).
 * Kept per row object as two joined strings (see `RowForms`).
 */
import { leaves } from './columns';
import { figureDecimals, isMoneyLeaf, shownFigure } from './display';
import { formatAmount } from './numbers';
import { fold } from './sources';
import type { AppendixSheet, Id, Row } from './types';

/**
 * A figure as the user might type it: `61600`, `61.600` (Vietnamese), `61,600` (English); one with
 * more decimals than money shows (`figureDecimals`) also as shown in the plan's unit (`18.166,67`).
 */
export function figureForms(x: number): string[] {
  const out = [String(x), formatAmount(x, 'vi'), formatAmount(x, 'en')];
  if (Number.isInteger(x)) return out;
  const d = figureDecimals(x);
  const vi = formatAmount(x, 'vi', d);
  if (vi !== out[1]) out.push(vi, formatAmount(x, 'en', d));
  return out;
}

/**
 * How a sheet shows its figures when that differs from the typed forms: `key` names the settings
 * (rows' forms are built again when it changes), `forms` a figure of a column as shown in both
 * number styles. Null when the sheet shows figures in the plan's unit with no chosen decimals.
 */
export interface ShownForms {
  key: string;
  forms: (colId: Id, x: number) => string[];
}

/** The shown forms of a sheet's figures (plan's unit `planUnit`), or null (see `ShownForms`). */
export function shownFormsOf(
  sheet: AppendixSheet,
  planUnit: string | undefined,
): ShownForms | null {
  const d = sheet.display;
  if (planUnit === undefined || !d || (!d.unit && d.decimals === undefined)) return null;
  const money = new Set(
    leaves(sheet.columns)
      .filter(isMoneyLeaf)
      .map((l) => l.id),
  );
  return {
    key: [planUnit, d.unit ?? '', d.decimals ?? '', ...money].join('\u0002'),
    forms: (colId, x) => {
      const m = money.has(colId);
      return [shownFigure(x, m, planUnit, d, 'vi'), shownFigure(x, m, planUnit, d, 'en')];
    },
  };
}

/** A cell's searchable forms: a figure as typed (and shown) in each style, every form folded. */
export interface CellForms {
  exact: string[];
  folded: string[];
}

/**
 * A row's forms joined (folded ones apart by NUL, exact ones between SOH): one `includes` tells
 * whether any cell of the row can match, so only those rows are looked at cell by cell. Only
 * these two strings are kept per row (100,000 rows of per-cell maps kept the collector busy for
 * hundreds of milliseconds while the query was typed); the cells' forms are read back from them.
 * `formula`: a cell of the row holds a formula (its figure is only computed).
 */
export interface RowForms {
  folded: string;
  exact: string;
  formula: boolean;
  key: string;
}

/** Forms per row object (rows are immutable: an edited row is a new object). */
const formsCache = new WeakMap<Row, RowForms>();

/** The row's non-empty cells in the order of its keys. */
function filled(r: Row): [Id, string | number][] {
  const out: [Id, string | number][] = [];
  for (const [k, v] of Object.entries(r.cells))
    if (v !== null && v !== undefined && v !== '') out.push([k, v as string | number]);
  return out;
}

/** The forms of a figure (as typed, then as shown) or of a text. */
export function cellFormsOf(v: string | number, colId: Id, shown: ShownForms | null): CellForms {
  if (typeof v !== 'number') return { exact: [], folded: [fold(v)] };
  const exact = shown ? [...figureForms(v), ...shown.forms(colId, v)] : figureForms(v);
  return { exact, folded: exact.map(fold) };
}

/** The row's joined forms (kept while the row and the sheet's shown forms are the same). */
export function formsOf(r: Row, shown: ShownForms | null): RowForms {
  const key = shown?.key ?? '';
  let m = formsCache.get(r);
  if (m && m.key === key) return m;
  let folded = '';
  let exact = '\u0001';
  let first = true;
  let firstExact = true;
  let formula = false;
  for (const [k, v] of filled(r)) {
    if (typeof v === 'string' && v.startsWith('=')) formula = true;
    const f = cellFormsOf(v, k, shown);
    for (const x of f.folded) {
      folded += first ? x : `\0${x}`;
      first = false;
    }
    for (const x of f.exact) {
      exact += firstExact ? x : `\u0001${x}`;
      firstExact = false;
    }
  }
  m = { folded, exact: `${exact}\u0001`, formula, key };
  formsCache.set(r, m);
  return m;
}

/**
 * The forms of a row's cells by column, read back from its joined forms (split where no cell
 * text holds a separator, else built again).
 */
export function cellsOf(r: Row, forms: RowForms, shown: ShownForms | null): Map<Id, CellForms> {
  const cells = filled(r);
  const out = new Map<Id, CellForms>();
  const fparts = forms.folded.split('\0');
  const eparts = forms.exact.slice(1, -1).split('\u0001');
  const per = shown ? 5 : 3; // forms of a figure
  let nf = 0;
  let ne = 0;
  for (const [, v] of cells) {
    nf += typeof v === 'number' ? per : 1;
    ne += typeof v === 'number' ? per : 0;
  }
  if (fparts.length !== nf || (ne > 0 && eparts.length !== ne)) {
    for (const [k, v] of cells) out.set(k, cellFormsOf(v, k, shown));
    return out;
  }
  let fi = 0;
  let ei = 0;
  for (const [k, v] of cells) {
    const n = typeof v === 'number' ? per : 1;
    const exact = typeof v === 'number' ? eparts.slice(ei, (ei += per)) : [];
    out.set(k, { exact, folded: fparts.slice(fi, (fi += n)) });
  }
  return out;
}
