/** Plain grid sheets: cell contents, typed input, and immutable edits. */
import { type NumberStyle, parseAmount } from './numbers';
import { asPasted, type PastedCell, textAfterMarker } from './typedText';
import type { CellInput, GridSheet } from './types';

/** Whether a grid cell holds a formula. */
export function isGridFormula(v: CellInput): v is string {
  return typeof v === 'string' && v.startsWith('=');
}

/** The literal text of a text cell (without the `'` that protects a leading `=` or `'`). */
export function gridText(v: string): string {
  return v.startsWith("'") ? v.slice(1) : v;
}

/** Stores a literal text so that it can never be read as a formula. */
export function gridLiteral(text: string): string {
  return text.startsWith('=') || text.startsWith("'") ? `'${text}` : text;
}

/**
 * Reads what the user typed or pasted into a grid cell: blank, formula, number or text. Numbers
 * are read in `style` (`1,5` is 1.5 in Vietnamese, `1.5` in English; 'auto' guesses). A leading
 * `'` keeps the rest as text (see `textAfterMarker`): `'0123` is stored as the text `0123`, the
 * marker dropped (kept behind `gridLiteral`'s `'` only when the text itself starts with `=` or `'`).
 * A pasted cell the copier marked as text stays that text, one whose number it stated is that number.
 */
export function gridInput(input: string | PastedCell, style: NumberStyle = 'auto'): CellInput {
  const { text: typed, value, isText } = asPasted(input);
  const t = typed.trim();
  if (t === '') return null;
  if (isText) return gridLiteral(typed);
  if (value !== undefined) return value;
  const kept = textAfterMarker(t);
  if (kept !== null) return kept.trim() === '' ? null : gridLiteral(kept);
  if (t.startsWith('=')) return t;
  const n = /^[-+]?[\d.,\s]+$/.test(t) ? parseAmount(t, style) : null;
  return n === null ? typed : n;
}

/** Number of columns of the widest row. */
export function gridColumns(g: GridSheet): number {
  let w = 0;
  for (const row of g.cells) w = Math.max(w, row.length);
  return w;
}

/** One cell change of a grid sheet (0-based row and column). */
export interface GridChange {
  r: number;
  c: number;
  value: CellInput;
}

/** The grid after the changes (rows and columns grow as needed; the input is not modified). */
export function setGridCells(g: GridSheet, changes: readonly GridChange[]): GridSheet {
  const cells = g.cells.slice();
  for (const ch of changes) {
    while (cells.length <= ch.r) cells.push([]);
    const row = (cells[ch.r] = cells[ch.r].slice());
    while (row.length <= ch.c) row.push(null);
    row[ch.c] = ch.value;
  }
  return { ...g, cells };
}

/** Content of a cell (null outside the grid). */
export function gridCell(g: GridSheet, r: number, c: number): CellInput {
  return g.cells[r]?.[c] ?? null;
}
