/**
 * One rule for every cell of an appendix: whether the user may write it (typing, paste, fill,
 * clear, the formula bar), which model key the input goes to, and how a typed or pasted text reads.
 * Typing, paste, fill, the editor and the engine's layout all ask here.
 */
import { isNumericLeaf, leaves } from './columns';
import { isMoneyLeaf, scaleAmount } from './display';
import { type NumberStyle, parseAmount, writtenDecimals } from './numbers';
import { fromPercent, typedDecimals } from './percent';
import { asPasted, type PastedCell, textAfterMarker } from './typedText';
import type { AppendixSheet, CellInput, ColumnLeaf, ColumnNode, Id, Row } from './types';

/** Where a model cell's content lives in the engine. */
export type CellPlace =
  /** the visible cell (projects' inputs, texts) */
  | 'visible'
  /** the stated block: a figure a section or total row states beside its computed sum */
  | 'stated'
  /** nowhere: the cell is computed (the row-total column) */
  | 'computed';

export interface CellPolicy {
  /** Whether the user may write the cell. */
  editable: boolean;
  /** The `row.cells` key an input writes: the leaf's id, or a year group's id for a merged figure. */
  target: Id;
  /** Whether the cell holds an amount (number or formula). */
  numeric: boolean;
  /** Why the cell is not editable. */
  refusal?: 'computedColumn' | 'sectionComputed';
}

/** Where the content of `row.cells[key]` lives in the engine (key: a leaf, or a year group's id). */
export function placeOf(row: Row, leaf: ColumnLeaf | undefined): CellPlace {
  if (!leaf) return 'stated'; // a year group's figure, stated by a total row
  if (leaf.role === 'rowTotal') return 'computed';
  if (row.kind === 'section' && isNumericLeaf(leaf)) return 'stated';
  // a total row's visible cells add up its block; what the plan states there is kept beside
  return row.kind === 'total' && isNumericLeaf(leaf) && leaf.additive !== false
    ? 'stated'
    : 'visible';
}

const spansCache = new WeakMap<ColumnNode[], Map<Id, { groupId: Id; size: number }>>();

/**
 * Year groups made only of amount columns, keyed by their first leaf: a total row may state one
 * figure for the whole year, shown merged over the year's sources.
 */
export function yearSpans(columns: ColumnNode[]): Map<Id, { groupId: Id; size: number }> {
  let out = spansCache.get(columns);
  if (out) return out;
  out = new Map();
  const found = out;
  const walk = (ns: ColumnNode[]) => {
    for (const n of ns) {
      if (n.kind !== 'group') continue;
      const ls = leaves(n.children).filter((l) => l.role === 'amount');
      if (n.year !== undefined && ls.length && ls.length === leaves(n.children).length)
        found.set(ls[0].id, { groupId: n.id, size: ls.length });
      else walk(n.children);
    }
  };
  walk(columns);
  spansCache.set(columns, out);
  return out;
}

/** The rule for one cell (row × leaf column) of a sheet. */
export function cellPolicy(sheet: AppendixSheet, row: Row, leaf: ColumnLeaf): CellPolicy {
  const numeric = isNumericLeaf(leaf);
  if (leaf.role === 'rowTotal')
    return { editable: false, target: leaf.id, numeric, refusal: 'computedColumn' };
  if (numeric && row.kind === 'section')
    return { editable: false, target: leaf.id, numeric, refusal: 'sectionComputed' };
  const span = row.kind === 'total' ? yearSpans(sheet.columns).get(leaf.id) : undefined;
  const target = span && row.cells[span.groupId] !== undefined ? span.groupId : leaf.id;
  return { editable: true, target, numeric };
}

/** The rule for a `row.cells` key: a leaf's id or a year group's id (a total row's merged figure). */
export function keyPolicy(sheet: AppendixSheet, row: Row, key: Id): CellPolicy {
  const leaf = leafById(sheet, key);
  if (leaf) return cellPolicy(sheet, row, leaf);
  return { editable: true, target: key, numeric: true };
}

const leafCache = new WeakMap<ColumnNode[], Map<Id, ColumnLeaf>>();

/** A leaf column of the sheet by id. */
export function leafById(sheet: AppendixSheet, id: Id): ColumnLeaf | undefined {
  let m = leafCache.get(sheet.columns);
  if (!m) {
    m = new Map(leaves(sheet.columns).map((l) => [l.id, l]));
    leafCache.set(sheet.columns, m);
  }
  return m.get(id);
}

/** Marks printed tables use for "nothing" in an amount cell. */
const BLANK_MARKS = new Set(['-', '–', '—']);

/**
 * What a typed or pasted text puts in a cell: its content and, when the text is a percentage
 * (`5,3%`) going into a cell not yet shown as one, the mark that shows it so (`Row.percent`: the
 * decimals typed, `5,3%` → 1). Undefined `percent`: the cell's mark stays as it is.
 */
export interface CellInputRead {
  value: CellInput;
  percent?: number;
}

/**
 * Reads what a user typed or pasted into a cell of `column`: blank, a formula, a number in the
 * given style (an amount cell), or the text itself. A lone dash in an amount cell means blank, as
 * printed tables use it. `{invalid}` when an amount cell gets something that is not a number.
 * `scale` (see `inputScale`) turns a number typed in the sheet's display unit into the plan's unit
 * for money columns — the one place where typed and pasted figures change unit; formulas never do.
 * In a text column a leading `'` is Excel's keep-as-text marker, not content (`textAfterMarker`).
 * A pasted cell (`PastedCell`) whose copier stated its number is that number (in the units shown),
 * and one the copier marked as text is a text, as after the `'` marker: refused in an amount cell.
 * A percentage: `5,3%` in any amount cell, and `5,3` in a `percent` cell (`domain/percent`), is
 * the fraction 0.053 (never scaled to the display unit); a copier's stated value beside a `%` is
 * that fraction already. `5,3%` in a plain cell marks it a percent cell with the decimals typed
 * (`5,0%` → 1), as does a cell read as one only by its ratio row (`percent` 'row': see
 * `percentInput`); a cell with its own mark keeps it (typing, paste and fill all read here).
 */
export function readInput(
  input: string | PastedCell,
  column: ColumnLeaf | undefined,
  style: NumberStyle = 'auto',
  scale = 1,
  percent: boolean | 'row' = false,
): CellInputRead | { invalid: string } {
  const cell = asPasted(input);
  const { text } = cell;
  const t = text.trim();
  if (t === '') return { value: null };
  if (column && !isNumericLeaf(column)) {
    const kept = textAfterMarker(text);
    return { value: kept === null ? text : kept.trim() === '' ? null : kept };
  }
  if (BLANK_MARKS.has(t)) return { value: null };
  // a text, by the keep-as-text marker or the copier's mark, which an amount cell does not take
  if (cell.isText || textAfterMarker(t) !== null) return { invalid: text };
  if (t.startsWith('=')) return { value: t };
  if (t.endsWith('%')) {
    const typed = t.slice(0, -1);
    const p = parseAmount(typed, style);
    if (p === null && cell.value === undefined) return { invalid: text };
    const value = cell.value ?? fromPercent(p!);
    const shown = p ?? value * 100;
    return percent === true
      ? { value }
      : { value, percent: typedDecimals(shown, writtenDecimals(typed, style)) };
  }
  const n = cell.value ?? parseAmount(t, style);
  if (n === null) return { invalid: text };
  if (percent) return { value: fromPercent(n) };
  return { value: scale !== 1 && (!column || isMoneyLeaf(column)) ? scaleAmount(n, scale) : n };
}

/** What `readInput` reads, without the percent mark (callers that keep no marks). */
export function parseInput(
  input: string | PastedCell,
  column: ColumnLeaf | undefined,
  style: NumberStyle = 'auto',
  scale = 1,
  percent: boolean | 'row' = false,
): CellInput | { invalid: string } {
  const r = readInput(input, column, style, scale, percent);
  return 'invalid' in r ? r : r.value;
}

/** Whether a value may sit in an amount cell: a number, a formula, or blank. */
export function isAmountInput(v: CellInput): boolean {
  return v === null || typeof v === 'number' || v.startsWith('=');
}
