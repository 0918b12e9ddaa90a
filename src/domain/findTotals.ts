/**
 * Find over the computed total rows Planbook pins below a sheet without a total row of its own
 * (one per capital source and the grand total, `computedTotalRows`): their figures are found as
 * the grid shows them, as a plan's own Tổng cộng row is.
 */
import { isNumericLeaf } from './columns';
import { type CellForms, cellFormsOf, type ShownForms } from './findForms';
import { yearSpans } from './policy';
import { computedTotalRows } from './totals';
import type { AppendixSheet, ColumnLeaf, Id } from './types';

/** The figures of the computed total rows: their sources, and each cell's computed figure. */
export interface TotalsReader {
  /** The capital sources of a sheet (a computed total row each, then the grand total). */
  sources: (sheetId: Id) => readonly string[];
  /** A computed total row's figure (plan's unit) in a column; `source` null: the grand total. */
  value: (sheetId: Id, source: string | null, colId: Id) => unknown;
}

/** The row id of the computed total row of a source (null: the grand total): `pin:ĐTPT`, `pin:all`. */
export function totalRowId(source: string | null): `pin:${string}` {
  return `pin:${source ?? 'all'}`;
}

/**
 * Whether the computed total row of `source` (null: the grand total) shows a figure in this
 * column: the grand total in every numeric column; a source's total in the amounts of that source
 * and the other figures summed down, never a stated figure (Tổng mức đầu tư) nor a value column.
 */
export function computedTotalShows(l: ColumnLeaf, source: string | null): boolean {
  if (!isNumericLeaf(l)) return false;
  if (source === null) return true;
  if (l.role === 'amount') return l.source === source;
  return l.role !== 'stated' && l.role !== 'value';
}

/** A hit in a computed total row: its row index counts after the sheet's rows (k-th pinned row). */
export interface TotalHit {
  rowIndex: number;
  rowId: Id;
  colId: Id;
}

/**
 * The cells of a sheet's computed total rows whose figure, as shown, matches (`matches` over the
 * cell's forms); none when the plan has a total row of its own (it is searched as a row). A year
 * the grand total shows merged over its sources (`yearSpans`) is one cell: its first column's.
 */
export function findInTotals(
  s: AppendixSheet,
  cols: readonly ColumnLeaf[],
  shown: ShownForms | null,
  totals: TotalsReader,
  matches: (f: CellForms) => boolean,
): TotalHit[] {
  const out: TotalHit[] = [];
  // a plan with a total row of its own has none (its sources are not even asked for)
  if (s.rows.some((r) => r.kind === 'total')) return out;
  const spans = yearSpans(s.columns);
  computedTotalRows(s, totals.sources(s.id)).forEach((source, k) => {
    for (let c = 0; c < cols.length; c++) {
      const l = cols[c];
      if (!computedTotalShows(l, source)) continue;
      // the grand total shows a year's figure once, merged over its sources (its first column)
      const span = source === null ? spans.get(l.id) : undefined;
      if (span) c += span.size - 1;
      const v = totals.value(s.id, source, span ? span.groupId : l.id);
      if (typeof v === 'number' && matches(cellFormsOf(v, l.id, shown)))
        out.push({ rowIndex: s.rows.length + k, rowId: totalRowId(source), colId: l.id });
    }
  });
  return out;
}
