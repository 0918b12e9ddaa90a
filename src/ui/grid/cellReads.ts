/**
 * What a cell of an appendix grid shows and what marks it, read from the session: its value
 * (computed or stated), a section's or total row's stated figure differing from its rows' sum,
 * the finding on it, and in compare mode the value it had before.
 */
import { isNumericLeaf } from '../../domain/columns';
import type { Finding } from '../../domain/checks';
import { nothingToAdd } from '../../domain/emptySums';
import { computedTotalShows } from '../../domain/findTotals';
import type { ColumnLeaf } from '../../domain/types';
import { type GridCtx, type GridItem, isPinned } from './gridContext';
import { figureDiff, figureKey, statedFigure } from './totalsModel';

function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

/** The computed or stated value a cell shows. */
export function cellValue(
  ctx: GridCtx,
  leaf: ColumnLeaf,
  span: { groupId: string } | undefined,
  item: GridItem | undefined,
): unknown {
  if (!item) return null;
  const { session, sheetId } = ctx;
  if (isPinned(item)) {
    if (leaf.role === 'name') return item.label;
    // the columns a computed total shows are find's too (findTotals.ts)
    if (!computedTotalShows(leaf, item.source)) return null;
    if (item.source === null && span) return session.total(sheetId, null, span.groupId);
    return session.total(sheetId, item.source, leaf.id);
  }
  if (!isNumericLeaf(leaf)) return item.cells[leaf.id] ?? null;
  // sections and total rows show what the plan states (the computed figure marks a difference)
  if (item.kind !== 'project') {
    const key = figureKey(item, leaf, span?.groupId);
    const stated = statedFigure(item, key);
    if (stated !== undefined) return stated;
    if (key !== leaf.id) return item.cells[key] ?? null;
  }
  const i = ctx.index.get(item.id);
  const v = i === undefined ? null : session.value(sheetId, i, leaf.id);
  // a section with no figure under it is blank, as its projects (domain/emptySums)
  if (v === 0 && item.kind === 'section' && i !== undefined) {
    const rows = session.workbook.sheets.find((x) => x.id === sheetId)?.rows;
    if (rows && nothingToAdd(rows, i, leaf.id)) return null;
  }
  return v;
}

/** A section's or total row's stated figure that differs from what its rows add up to. */
export function statedDiff(
  ctx: GridCtx,
  leaf: ColumnLeaf,
  item: GridItem | undefined,
  span?: { groupId: string },
): { stated: number; computed: number } | null {
  if (!item || isPinned(item) || item.kind === 'project' || !isNumericLeaf(leaf)) return null;
  const key = figureKey(item, leaf, span?.groupId);
  if (num(item.cells[key]) === null) return null;
  const i = ctx.index.get(item.id);
  const sheet = ctx.session.workbook.sheets.find((s) => s.id === ctx.sheetId);
  if (i === undefined || !sheet) return null;
  return figureDiff(sheet, ctx.session.values(ctx.sheetId), i, key);
}

/** The finding marked on a cell, if any (stated-plan totals mark the pinned total cells). */
export function findingAt(
  ctx: GridCtx,
  leaf: ColumnLeaf,
  span: { groupId: string } | undefined,
  item: GridItem | undefined,
): Finding | undefined {
  if (!item) return undefined;
  const at = (f: Finding) => f.colId === leaf.id || (!!span && f.colId === span.groupId);
  if (isPinned(item)) {
    if (leaf.role !== 'rowTotal') return undefined;
    return ctx.session.checks
      .list(ctx.session.workbook, ctx.sheetId)
      .find((f) => f.rule === 'stated-plan-total' && (f.scope || null) === item.source);
  }
  const fs = ctx.session.checks.ofRow(ctx.sheetId, item.id);
  return fs.find((f) => at(f) && f.severity === 'error') ?? fs.find(at);
}

/** Compare mode: the previous value of a changed cell (undefined when the cell did not change). */
export function changedBefore(
  ctx: GridCtx,
  colId: string,
  item: GridItem | undefined,
): number | string | null | undefined {
  if (!ctx.marks || !item || isPinned(item)) return undefined;
  const row = ctx.marks.before.get(item.id);
  return row && row.has(colId) ? (row.get(colId) ?? null) : undefined;
}
