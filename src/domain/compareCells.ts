/**
 * The change of one cell of a matched pair of projects (amounts computed, formulas compared as if
 * both stood on one row, texts with their spacing evened out), and of the plans' metadata.
 */
import type { ComparedColumn } from './compareColumns';
import { moveFormulaRows } from './formulaShift';
import type { Match } from './match';
import { amountsEqual } from './numbers';
import type { CellInput, Workbook } from './types';

export interface CellDiff {
  match: Match;
  column: ComparedColumn;
  before: number | string | null;
  after: number | string | null;
  kind: 'value' | 'formula';
  /**
   * The side whose file has no such column (its figure is then null, not 0: the column is
   * absent there, not cut to zero).
   */
  absent?: 'a' | 'b';
}

export interface MetaDiff {
  field: string;
  before: string;
  after: string;
}

/** No column on this side: every project's cell absent. */
export const NONE: readonly undefined[] = [];

/** The row both formulas of a pair are moved to before comparing them. */
const SAME_ROW = 500_000;

/** Whether a raw cell is a formula. */
export const isFormula = (v: CellInput | undefined): v is string =>
  typeof v === 'string' && v.startsWith('=');

const text = (v: CellInput | undefined): string | number | null =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '')
    ? null
    : typeof v === 'string'
      ? v.replace(/\s+/g, ' ').trim()
      : v;

function same(x: string | number | null, y: string | number | null): boolean {
  if (typeof x === 'number' && typeof y === 'number') return amountsEqual(x, y);
  return x === y;
}

/** A figure of a column not among the amounts that is money all the same (stated, free figures not ratios). */
const isMoney = (c: ComparedColumn) =>
  (c.b?.role === 'stated' || c.b?.role === 'value') && c.b.additive !== false;

/**
 * The change of one cell of a matched pair (va, vb: computed amounts, b's in a's unit), or null;
 * a stated figure (`Tổng mức đầu tư`, a free figure not a ratio) of b is multiplied by `scaleB` to be in a's money unit.
 */
export function cellDiff(
  match: Match,
  column: ComparedColumn,
  va: number,
  vb: number,
  scaleB = 1,
): CellDiff | null {
  const ra = column.a ? match.a.row.cells[column.a.id] : undefined;
  const rb = column.b ? match.b.row.cells[column.b.id] : undefined;
  // the common case: the same raw content (for a typed amount, the same value)
  if (ra === rb && !isFormula(ra))
    return column.amount && !amountsEqual(va, vb)
      ? { match, column, before: va, after: vb, kind: 'value' }
      : null;
  if (isFormula(ra) || isFormula(rb)) {
    // formulas are compared as if both stood on one row (a moved row's references move with it)
    const na = isFormula(ra) ? moveFormulaRows(ra, SAME_ROW - match.a.index) : text(ra);
    const nb = isFormula(rb) ? moveFormulaRows(rb, SAME_ROW - match.b.index) : text(rb);
    if (na !== nb) return { match, column, before: text(ra), after: text(rb), kind: 'formula' };
    if (!column.amount) return null;
  }
  if (column.amount)
    return amountsEqual(va, vb) ? null : { match, column, before: va, after: vb, kind: 'value' };
  const ta = text(ra);
  const t = text(rb);
  const tb =
    typeof t === 'number' && scaleB !== 1 && isMoney(column)
      ? Number((t * scaleB).toPrecision(15))
      : t;
  return same(ta, tb) ? null : { match, column, before: ta, after: tb, kind: 'value' };
}

/** Marks the changes of a column one side lacks: that side's figure null, `absent` the side. */
export function markAbsent(changes: readonly CellDiff[]): void {
  for (const d of changes) {
    if (!d.column.a) {
      d.before = null;
      d.absent = 'a';
    } else if (!d.column.b) {
      d.after = null;
      d.absent = 'b';
    }
  }
}

/** The metadata fields that differ between two plans. */
export function metaDiffs(a: Workbook, b: Workbook): MetaDiff[] {
  const fields: [string, (w: Workbook) => string][] = [
    ['title', (w) => w.meta.title],
    ['issuingBody', (w) => w.meta.issuingBody],
    ['docNumber', (w) => w.meta.docNumber],
    ['docDate', (w) => w.meta.docDate],
    ['unit', (w) => w.meta.unit],
    ['years', (w) => w.meta.years.join(', ')],
    ['sources', (w) => w.meta.sources.map((s) => s.code).join(', ')],
  ];
  return fields
    .map(([field, f]) => ({ field, before: f(a).trim(), after: f(b).trim() }))
    .filter((d) => d.before !== d.after);
}
