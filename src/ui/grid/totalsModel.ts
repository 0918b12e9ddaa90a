/**
 * What the grid shows of a sheet's totals: the plan's own total rows (the totals, once), Planbook's
 * computed rows pinned below only when the plan has none, and on sections and total rows the
 * figure the plan states, marked with the computed figure when they differ.
 */
import { amountsEqual } from '../../domain/numbers';
import {
  computedTotalRows,
  statedAndComputed,
  type ComputedCells,
  totalShape,
} from '../../domain/totals';
import type { AppendixSheet, ColumnLeaf, Row } from '../../domain/types';
import { pinnedId, type PinnedRow } from './gridContext';

/** The pinned total rows of a sheet: one per source and the grand total, unless the plan has its own. */
export function pinnedTotals(
  sheet: AppendixSheet,
  sources: readonly string[],
  label: (source: string | null) => string,
): PinnedRow[] {
  return computedTotalRows(sheet, sources).map((s) => ({
    id: pinnedId(s),
    pinned: true as const,
    source: s,
    label: label(s),
  }));
}

/** The `row.cells` key a section or total row's cell shows: a year group's merged figure, or the leaf. */
export function figureKey(row: Row, leaf: ColumnLeaf, spanGroup: string | undefined): string {
  return row.kind === 'total' && spanGroup && row.cells[spanGroup] !== undefined
    ? spanGroup
    : leaf.id;
}

/**
 * The figure a section or total row shows in a numeric cell: the one the plan states there, else
 * (nothing stated) undefined, and the caller shows the computed one.
 */
export function statedFigure(row: Row, key: string): number | undefined {
  const x = row.cells[key];
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

/** A stated figure that differs from what its rows add up to (null when none, or they agree). */
export function figureDiff(
  sheet: AppendixSheet,
  v: ComputedCells,
  i: number,
  key: string,
): { stated: number; computed: number } | null {
  const d = statedAndComputed(sheet, totalShape(sheet), v, i, key);
  return d && !amountsEqual(d.stated, d.computed) ? d : null;
}
