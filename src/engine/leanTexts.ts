/**
 * Texts the engine does without: the labels of an appendix (number, name, lead unit, coordinator,
 * notes) are read by no formula of a workbook that has none, so a load leaves them out of the
 * engine (at 100,000 projects: half a million cells fewer to parse and hold, about a sixth of the
 * build). The engine's reads of such a cell answer from the model, as the engine would; the first
 * formula written (typed, pasted, a grid sheet's) puts every text in first.
 */
import { isNumericLeaf } from '../domain/columns';
import type { CellInput, GridSheet, Row } from '../domain/types';
import { inputColumn, inputContent, type RawContent, type SheetLayout } from './layout';

const isFormula = (v: unknown): boolean => typeof v === 'string' && v.startsWith('=');

/** Whether any cell of the workbook (appendix rows, grid sheets) holds a formula. */
export function hasFormula(
  sheets: readonly { rows: readonly Row[] }[],
  grids: readonly GridSheet[] = [],
): boolean {
  for (const s of sheets) if (rowsHaveFormula(s.rows)) return true;
  return grids.some(gridHasFormula);
}

/** Whether any of `rows` holds a formula. */
export function rowsHaveFormula(rows: readonly (Row | null | undefined)[]): boolean {
  for (const r of rows) {
    if (!r) continue;
    for (const k in r.cells) if (isFormula(r.cells[k])) return true;
  }
  return false;
}

/** Whether a grid sheet (or some of its cells) holds a formula. */
export function gridHasFormula(g: { cells: readonly (readonly CellInput[])[] }): boolean {
  return g.cells.some((row) => row.some(isFormula));
}

/**
 * The visible columns whose texts may be left out: columns that hold no numbers and that no derived
 * formula of the sheet reads (column rules name only their own columns).
 */
export function leanColumns(l: SheetLayout): Set<number> {
  const ruled = new Set<number>();
  for (const r of l.rules) {
    ruled.add(r.target);
    for (const t of r.terms) ruled.add(t.col);
  }
  const out = new Set<number>();
  l.leaves.forEach((leaf, c) => {
    if (!isNumericLeaf(leaf) && !ruled.has(c)) out.add(c);
  });
  return out;
}

/** Leaves a row's texts out of its engine contents (in place) in the lean columns. */
export function dropTexts(contents: RawContent[], lean: ReadonlySet<number>): RawContent[] {
  for (const c of lean) {
    const v = contents[c];
    if (typeof v === 'string' && !v.startsWith('=')) contents[c] = null;
  }
  return contents;
}

/** The writes that put back the texts a lean load left out. */
export function textWrites(
  l: SheetLayout,
  lean: ReadonlySet<number>,
  rows: readonly Row[],
): { row: number; col: number; content: RawContent }[] {
  const out: { row: number; col: number; content: RawContent }[] = [];
  rows.forEach((r, i) => {
    for (const [k, v] of Object.entries(r.cells)) {
      if (typeof v !== 'string' || v === '' || isFormula(v)) continue;
      const col = inputColumn(l, r, k);
      if (col !== undefined && lean.has(col)) out.push({ row: i, col, content: inputContent(v) });
    }
  });
  return out;
}

/**
 * The value the engine would give a lean column's cell, from the model: a text as the engine reads
 * it (`'…` escapes dropped), undefined when the engine holds the cell (a number, a blank).
 */
export function textValue(v: unknown): string | undefined {
  if (typeof v !== 'string' || v === '' || isFormula(v)) return undefined;
  return v.startsWith("'") ? v.slice(1) : v;
}
