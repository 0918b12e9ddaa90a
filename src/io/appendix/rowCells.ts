/** A table row's cells as read: its texts before its figures, and a grand total's figures by year. */
import type { CellInput, Row } from '../../domain/types';
import type { LeafSpec } from './header';
import type { Ctx } from './rowFigures';
import { field } from './tableLines';

/**
 * A row's text cells (number, name, lead, coordinator, notes, project code: those not empty), in
 * that order.
 */
export function textCells(
  c: Ctx,
  r: number,
  tt: string,
  name: string,
  lead: string,
  coord: string,
): Record<string, CellInput> {
  const base: Record<string, CellInput> = {};
  if (tt) base.tt = tt;
  if (name) base.name = name;
  if (lead) base.lead = lead;
  if (coord) base.coord = coord;
  const notes = field(c, r, 'notes');
  if (notes) base.notes = notes;
  // the project code as shown (`0012345` keeps its zeros): a text, never a figure
  const code = field(c, r, 'code');
  const codeId = c.byRole?.get('code')?.leaf.id;
  if (code && codeId) base[codeId] = code;
  return base;
}

/** Whether a project row has neither label, number nor lead (figures below the table). */
export const isUnlabelled = (r: Row) =>
  r.kind === 'project' && !r.part && !r.cells.name && !r.cells.tt && !r.cells.lead;

/** Whether every figure of a row's cells is a percent cell. */
export const onlyPercents = (cells: Record<string, CellInput>, percent: Record<string, number>) =>
  Object.keys(cells).every((k) => typeof cells[k] !== 'number' || percent[k] !== undefined);

/** The row an of-which line breaks down: the last row that is not itself a breakdown. */
export function ownerOf(rows: Row[]): Row | undefined {
  for (let i = rows.length - 1; i >= 0; i--) if (!rows[i].part) return rows[i];
  return undefined;
}

/** A grand-total row with one figure per year (merged over the year's sources in print). */
export function mergeYearFigures(row: Row, specs: LeafSpec[]): void {
  const byYear = new Map<number, LeafSpec[]>();
  for (const s of specs)
    if (s.leaf.role === 'amount' && s.leaf.year)
      byYear.set(s.leaf.year, [...(byYear.get(s.leaf.year) ?? []), s]);
  for (const [year, ls] of byYear) {
    if (ls.length < 2) continue;
    const filled = ls.filter((s) => typeof row.cells[s.leaf.id] === 'number');
    if (filled.length === 1 && filled[0] === ls[0]) {
      row.cells[`y${year}`] = row.cells[ls[0].leaf.id];
      delete row.cells[ls[0].leaf.id];
    }
  }
}
