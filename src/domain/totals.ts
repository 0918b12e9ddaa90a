/**
 * One set of totals, the plan's own. Where a sheet has total rows (the plan's *Tổng cộng*, *Tổng
 * vốn ĐTPT*…), they are the totals: each of their cells adds up the rows of its block (a live
 * formula in the engine and in the export) and shows the figure the plan states. Planbook adds its
 * computed total rows only to a sheet that has none. Sections and total rows show what the plan
 * states; a stated figure that differs from what its rows add up to is listed here.
 */
import { sheetContext } from './checkContext';
import { grandTotalMeaningful } from './grandTotal';
import { totalSegments } from './totalSegments';
import { isNumericLeaf, leaves } from './columns';
import { amountsEqual } from './numbers';
import type { AppendixSheet, ColumnLeaf, ColumnNode, Id, Row } from './types';

/**
 * Whether a leaf column is part of the printed form (shown and exported). Planbook's own computed
 * row total (`rowTotal`) stays internal (the checks and the views use it) unless the user added it
 * to the form (`onForm`).
 */
export function isOnForm(l: ColumnLeaf): boolean {
  return l.role !== 'rowTotal' || l.onForm === true;
}

/** The column tree as printed: leaves that are not on the form left out, emptied groups too. */
export function formColumns(nodes: ColumnNode[]): ColumnNode[] {
  const out: ColumnNode[] = [];
  for (const n of nodes) {
    if (n.kind === 'leaf') {
      if (isOnForm(n)) out.push(n);
      continue;
    }
    const children = formColumns(n.children);
    if (children.length) out.push(children.length === n.children.length ? n : { ...n, children });
  }
  return out;
}

/** The leaves of the printed form, in order. */
export function formLeaves(nodes: ColumnNode[]): ColumnLeaf[] {
  return leaves(nodes).filter(isOnForm);
}

/**
 * The computed total rows Planbook adds below a sheet (a capital source code, null for the grand
 * total): one per source and the grand total when the plan has no total row of its own and its
 * top-level rows are parts of one whole; none when the plan has total rows (they are the totals)
 * or when its top-level rows are different quantities (revenue, expenditure, a balance:
 * grandTotal.ts), whose sum means nothing.
 */
export function computedTotalRows(
  sheet: AppendixSheet,
  sources: readonly string[],
): (string | null)[] {
  if (sheet.rows.some((r) => r.kind === 'total')) return [];
  return grandTotalMeaningful(sheet.rows) ? [...sources, null] : [];
}

/**
 * Whether a sheet has a grand total at all, stated or computed: false for a table of different
 * quantities without a total of its own (a balance table: *Tổng thu*, *Tổng chi*, *Bội chi*).
 */
export function hasGrandTotal(sheet: AppendixSheet): boolean {
  return sheet.rows.some((r) => r.kind === 'total') || grandTotalMeaningful(sheet.rows);
}

/** What a sheet's columns say about its total rows (derived once per column tree). */
export interface TotalShape {
  /** Additive numeric leaves (the row total column left out). */
  additive: ColumnLeaf[];
  /** Year groups: id and their additive amount leaves. */
  years: { id: Id; leaves: ColumnLeaf[] }[];
  /** Whether the stated column of a total row is the sum of the row's own amounts. */
  statedIsRowSum: boolean;
}

/** The total shape of a sheet's columns. */
export function totalShape(sheet: AppendixSheet): TotalShape {
  const ctx = sheetContext(sheet);
  const additive = ctx.additive.filter((l) => l.role !== 'rowTotal');
  return {
    additive,
    years: ctx.years.map(({ group, leaves: yl }) => ({
      id: group.id,
      leaves: yl.filter((l) => l.role === 'amount' && l.additive !== false),
    })),
    statedIsRowSum: ctx.rowTotalRule,
  };
}

/** What one cell of a total row adds up: the listed columns over the listed rows. */
export interface TotalTerms {
  rows: number[];
  cols: Id[];
}

/**
 * The cells of total row i as sums (keyed by leaf id, or a year group's id for a figure over the
 * year's sources): its source's amounts over its block (the top-level rows it closes, as the
 * checks read it); its stated column the row's own amounts (or the block's stated figures where the
 * stated column is not a row sum); other additive columns over its block when it totals every source.
 */
export function totalRowTerms(
  shape: TotalShape,
  rows: readonly Row[],
  i: number,
  segments: Map<number, number[]> = totalSegments(rows),
): Map<Id, TotalTerms> {
  const out = new Map<Id, TotalTerms>();
  const r = rows[i];
  if (r?.kind !== 'total') return out;
  const seg = segments.get(i) ?? [];
  const source = r.totalSource ?? null;
  const mine = (l: ColumnLeaf) => source === null || l.source === source;
  const own = shape.additive.filter((l) => l.role === 'amount' && mine(l)).map((l) => l.id);
  for (const l of shape.additive) {
    if (l.role === 'amount') {
      if (mine(l)) out.set(l.id, { rows: seg, cols: [l.id] });
    } else if (l.role === 'stated' && (source !== null || shape.statedIsRowSum)) {
      if (own.length) out.set(l.id, { rows: [i], cols: own });
    } else if (source === null) out.set(l.id, { rows: seg, cols: [l.id] });
  }
  for (const y of shape.years) {
    const cols = y.leaves.filter(mine).map((l) => l.id);
    if (cols.length) out.set(y.id, { rows: seg, cols });
  }
  return out;
}

/** A figure a section or total row states that differs from what its rows add up to. */
export interface StatedDifference {
  rowIndex: number;
  rowId: Id;
  /** The stated cell: a leaf id, or a year group's id (a total row's figure over the year). */
  key: Id;
  stated: number;
  computed: number;
}

/** Computed values of a sheet's visible cells (the engine's). */
export interface ComputedCells {
  value(i: number, colId: Id): unknown;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * What the plan states in cell (row i, key) and what its rows add up to (null where the row states
 * nothing there or nothing is computed). For a year group, the sum of the row's cells of that year.
 */
export function statedAndComputed(
  sheet: AppendixSheet,
  shape: TotalShape,
  v: ComputedCells,
  i: number,
  key: Id,
): { stated: number; computed: number } | null {
  const r = sheet.rows[i];
  if (!r || (r.kind !== 'section' && r.kind !== 'total')) return null;
  const stated = num(r.cells[key]);
  if (stated === null) return null;
  const year = shape.years.find((y) => y.id === key);
  if (year) {
    if (r.kind !== 'total') return null;
    let sum = 0;
    let n = 0;
    for (const l of year.leaves) {
      if (r.totalSource && l.source !== r.totalSource) continue;
      const x = num(v.value(i, l.id));
      if (x !== null) {
        sum += x;
        n++;
      }
    }
    return n ? { stated, computed: sum } : null;
  }
  const leaf = shape.additive.find((l) => l.id === key);
  if (!leaf || !isNumericLeaf(leaf)) return null;
  const computed = num(v.value(i, key));
  return computed === null ? null : { stated, computed };
}

/** Every stated figure of a sheet's sections and total rows that differs from its rows. */
export function statedDifferences(sheet: AppendixSheet, v: ComputedCells): StatedDifference[] {
  const shape = totalShape(sheet);
  const out: StatedDifference[] = [];
  sheet.rows.forEach((r, i) => {
    if (r.kind !== 'section' && r.kind !== 'total') return;
    for (const key of Object.keys(r.cells)) {
      const d = statedAndComputed(sheet, shape, v, i, key);
      if (d && !amountsEqual(d.stated, d.computed))
        out.push({ rowIndex: i, rowId: r.id, key, ...d });
    }
  });
  return out;
}
