/**
 * Figures as the sheet shows them: money columns in the chosen display unit, rounded to the
 * chosen decimals; other numbers as they are. The model and exports keep the plan's unit.
 */
import { inputScale, isMoneyLeaf, shownFigure, toDisplay } from '../../domain/display';
import { formatPercent, percentAt } from '../../domain/percent';
import { leafById } from '../../domain/policy';
import type { ColumnLeaf, Row } from '../../domain/types';
import type { GridCtx, GridItem } from './gridContext';

/** Whether a column's figures are amounts of money (converted to the display unit). */
export function isMoney(leaf: ColumnLeaf): boolean {
  return isMoneyLeaf(leaf);
}

/** The decimals of a percent cell of `item` (a row of the sheet) under `key`, else undefined. */
export function percentOf(item: GridItem | undefined, key: string | undefined): number | undefined {
  return item && key !== undefined && 'percent' in item ? percentAt(item as Row, key) : undefined;
}

/**
 * A figure (in the plan's unit) as the grid shows it in a column of the sheet; in a percent cell
 * of `item` (the source's `0.0%`) the fraction as a percentage (0.053 → `5,3%`).
 */
export function shownAmount(
  ctx: GridCtx,
  leaf: ColumnLeaf | null,
  v: number,
  item?: GridItem,
): string {
  const pct = percentOf(item, leaf?.id);
  if (pct !== undefined) return formatPercent(v, ctx.lang, pct);
  const wb = ctx.session.workbook;
  const d = wb.sheets.find((s) => s.id === ctx.sheetId)?.display;
  return shownFigure(v, !leaf || isMoney(leaf), wb.meta.unit, d, ctx.lang);
}

/** A figure of a cell (plan's unit) in the unit the sheet shows and takes it: editor, copy. */
export function displayValue(ctx: GridCtx, colId: string, v: number): number {
  const wb = ctx.session.workbook;
  const sheet = wb.sheets.find((s) => s.id === ctx.sheetId);
  const leaf = sheet && leafById(sheet, colId);
  if (!sheet?.display?.unit || (leaf && !isMoney(leaf))) return v;
  return toDisplay(v, wb.meta.unit, sheet.display);
}

/** What one unit the sheet takes figures in is worth in the plan's unit (see `inputScale`). */
export function sheetInputScale(ctx: GridCtx): number {
  const wb = ctx.session.workbook;
  return inputScale(wb.meta.unit, wb.sheets.find((s) => s.id === ctx.sheetId)?.display);
}

/** Column options from the sheet's view: the width the user gave it, wrapped long texts. */
export interface GridView {
  widths: Readonly<Record<string, number>>;
  wrap: boolean;
}

const TEXT_ROLES = new Set<ColumnLeaf['role']>(['name', 'lead', 'coord', 'notes', 'text']);

/** Whether a column holds long texts that wrap when the sheet wraps them. */
export function wrapsText(leaf: ColumnLeaf): boolean {
  return TEXT_ROLES.has(leaf.role);
}
