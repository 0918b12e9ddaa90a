// Frozen copy of src/engine/layout.ts at 85c2563 (before domain/formulaForms.ts): the oracle the engine's formulas are held to.
/** Where each model cell lives in the engine's sheets, and the formulas for derived cells. */
import { columnLetter, isNumericLeaf, leaves, yearGroups } from '../../../src/domain/columns';
import { sheetRules } from '../../../src/domain/checks';
import { placeOf } from '../../../src/domain/policy';
import { childRows } from '../../../src/domain/rows';
import {
  totalRowTerms,
  totalShape,
  type TotalShape,
  type TotalTerms,
} from '../../../src/domain/totals';

export { childRows };
import type { AppendixSheet, ColumnLeaf, Id, Row } from '../../../src/domain/types';

/** Raw content for one engine cell: a number, a formula, an escaped text, or blank. */
export type RawContent = number | string | null;

/**
 * Column layout of one appendix sheet in the engine. The data sheet mirrors the printed table
 * (column A = first leaf), then a project flag column, then the stated block: the figures that
 * sections state for each numeric column and that total rows state per year.
 */
export interface SheetLayout {
  leaves: ColumnLeaf[];
  col: Map<Id, number>;
  amountCols: number[];
  numericCols: number[];
  flagCol: number;
  /** Stated block column for a numeric leaf id or a year group id. */
  statedCol: Map<Id, number>;
  years: { id: Id; year: number; cols: number[]; bySource: Map<string, number> }[];
  sources: string[];
  width: number;
  rowTotalCol: number | undefined;
  statedTotalCol: number | undefined;
  /** Column rules (`4=2-3`): the engine column holding each rule's computed right-hand side. */
  rules: { text: string; target: number; terms: { sign: 1 | -1; col: number }[]; col: number }[];
  /** Helper column: the index of each project's lead unit (written only when the unit view is on). */
  unitCol: number;
  /** What the sheet's total rows add up (their cells are live sums of their block). */
  totals: TotalShape;
}

/** Computes the layout of a sheet. */
export function layoutOf(sheet: AppendixSheet): SheetLayout {
  const ls = leaves(sheet.columns);
  const col = new Map<Id, number>();
  ls.forEach((l, i) => col.set(l.id, i));
  const amountCols = ls.flatMap((l, i) => (l.role === 'amount' ? [i] : []));
  // ratio columns are never added up: a section states its own figure there
  const numericCols = ls.flatMap((l, i) =>
    isNumericLeaf(l) && l.role !== 'rowTotal' && l.additive !== false ? [i] : [],
  );
  const flagCol = ls.length;
  const statedCol = new Map<Id, number>();
  let next = flagCol + 1;
  for (const c of numericCols) statedCol.set(ls[c].id, next++);
  const years = yearGroups(sheet.columns).map(({ group, leaves: yl }) => {
    statedCol.set(group.id, next++);
    const bySource = new Map<string, number>();
    for (const l of yl) if (l.source) bySource.set(l.source, col.get(l.id)!);
    return { id: group.id, year: group.year!, cols: yl.map((l) => col.get(l.id)!), bySource };
  });
  const sources: string[] = [];
  for (const c of amountCols) {
    const s = ls[c].source;
    if (s && !sources.includes(s)) sources.push(s);
  }
  const rules = sheetRules(sheet).map((r) => ({
    text: r.text,
    target: col.get(r.target)!,
    terms: r.terms.map((t) => ({ sign: t.sign, col: col.get(t.colId)! })),
    col: next++,
  }));
  const rowTotalCol = ls.findIndex((l) => l.role === 'rowTotal');
  const statedTotalCol = ls.findIndex((l) => l.role === 'stated');
  return {
    leaves: ls,
    col,
    amountCols,
    numericCols,
    flagCol,
    statedCol,
    years,
    sources,
    unitCol: next,
    width: next + 1,
    rules,
    rowTotalCol: rowTotalCol < 0 ? undefined : rowTotalCol,
    statedTotalCol: statedTotalCol < 0 ? undefined : statedTotalCol,
    totals: totalShape(sheet),
  };
}

/** A1 address, 0-based coordinates. */
export function a1(col: number, row: number, absCol = false, absRow = false): string {
  return `${absCol ? '$' : ''}${columnLetter(col)}${absRow ? '$' : ''}${row + 1}`;
}

/** `E5:N5,P5`: the listed columns of one row, contiguous runs as ranges. */
export function rowRanges(cols: readonly number[], row: number): string {
  const parts: string[] = [];
  let i = 0;
  while (i < cols.length) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
    parts.push(i === j ? a1(cols[i], row) : `${a1(cols[i], row)}:${a1(cols[j], row)}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Escapes a text so the engine never reads it as a formula or a number. */
export function textContent(s: string): string {
  return "'" + s;
}

/** Sum of a row's amount cells, or blank when the sheet has none. */
export function rowTotalFormula(l: SheetLayout, row: number): RawContent {
  // 2026-12-02: the row total as cells (columns in one run), as engine/layout.ts now writes it (the
  // engine's values held equal to the range's by engine/rowTotalCells.test.ts)
  const cols = l.amountCols;
  if (!cols.length) return null;
  return cols.every((c, k) => k === 0 || c === cols[k - 1] + 1)
    ? `=SUM(${cols.map((c) => a1(c, row)).join(',')})`
    : `=SUM(${rowRanges(cols, row)})`;
}

/** `E3:E27,E30`: cells of column c at the given (ascending) rows, contiguous runs as ranges. */
export function columnRanges(c: number, rowIdx: readonly number[], prefix = ''): string {
  const parts: string[] = [];
  let i = 0;
  while (i < rowIdx.length) {
    let j = i;
    while (j + 1 < rowIdx.length && rowIdx[j + 1] === rowIdx[j] + 1) j++;
    parts.push(
      i === j ? `${prefix}${a1(c, rowIdx[i])}` : `${prefix}${a1(c, rowIdx[i])}:${a1(c, rowIdx[j])}`,
    );
    i = j + 1;
  }
  return parts.join(',');
}

/** Rows at the top of the tree (level 0, not stated total rows): what grand totals add up. */
export function topRows(rows: readonly Row[]): number[] {
  const out: number[] = [];
  for (let j = 0; j < rows.length; j++)
    if (rows[j].level === 0 && rows[j].kind !== 'total' && !rows[j].part) out.push(j);
  return out;
}

/** A section's subtotal in column `c`: the sum of its direct children, as Excel users write it. */
export function sectionFormula(c: number, children: readonly number[]): RawContent {
  return children.length ? `=SUM(${columnRanges(c, children)})` : null;
}

/** A total row's cell: `=SUM(…)` of the listed columns over the listed rows (blank when none). */
export function totalTermsFormula(l: SheetLayout, t: TotalTerms): RawContent {
  const cols = t.cols
    .flatMap((id) => (l.col.has(id) ? [l.col.get(id)!] : []))
    .sort((a, b) => a - b);
  if (!cols.length || !t.rows.length) return null;
  if (t.rows.length === 1) return `=SUM(${rowRanges(cols, t.rows[0])})`;
  return `=SUM(${cols.map((c) => columnRanges(c, t.rows)).join(',')})`;
}

/** Derived contents of row i (formulas and the flag), keyed by engine column. */
export function derivedCells(
  l: SheetLayout,
  rows: readonly Row[],
  i: number,
  segments?: Map<number, number[]>,
): Map<number, RawContent> {
  const r = rows[i];
  const out = new Map<number, RawContent>();
  out.set(l.flagCol, r.kind === 'project' ? 1 : 0);
  if (r.kind === 'section') {
    const children = childRows(rows, i);
    // a section with nothing added under it (only an of-which breakdown) shows what it states
    for (const c of l.numericCols)
      out.set(
        c,
        children.length
          ? sectionFormula(c, children)
          : typeof r.cells[l.leaves[c].id] === 'number'
            ? `=${a1(l.statedCol.get(l.leaves[c].id)!, i)}`
            : null,
      );
  }
  if (r.kind === 'total')
    for (const [key, t] of totalRowTerms(l.totals, rows, i, segments)) {
      const c = l.col.get(key);
      if (c !== undefined) out.set(c, totalTermsFormula(l, t));
    }
  if (l.rowTotalCol !== undefined) out.set(l.rowTotalCol, rowTotalFormula(l, i));
  for (const rule of l.rules) {
    const expr = rule.terms
      .map((t, k) => `${t.sign < 0 ? '-' : k ? '+' : ''}${a1(t.col, i)}`)
      .join('');
    out.set(rule.col, `=${expr}`);
  }
  return out;
}

/** Where a model cell's raw input goes: the visible cell, or the stated block (the cell policy). */
export function inputColumn(l: SheetLayout, row: Row, colId: Id): number | undefined {
  const c = l.col.get(colId);
  const place = placeOf(row, c === undefined ? undefined : l.leaves[c]);
  if (place === 'computed') return undefined;
  return place === 'stated' ? l.statedCol.get(colId) : c;
}

/** What a formula becomes in the engine (one naming a sheet that is not there: `=#REF!`). */
export type FormulaFix = (formula: string) => string;

/** Engine content of a model input. */
export function inputContent(v: unknown, fix?: FormulaFix): RawContent {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = String(v);
  if (s.startsWith('=')) return fix ? fix(s) : s;
  // a model text written `'…` (a text that starts with `=` or `'`) is text to the engine as it is
  return s.startsWith("'") ? s : textContent(s);
}

/** Every engine cell of a row: inputs and derived cells. */
export function rowContents(
  l: SheetLayout,
  rows: readonly Row[],
  i: number,
  fix?: FormulaFix,
  segments?: Map<number, number[]>,
): RawContent[] {
  const out: RawContent[] = new Array(l.width).fill(null);
  const r = rows[i];
  for (const [colId, v] of Object.entries(r.cells)) {
    const c = inputColumn(l, r, colId);
    if (c !== undefined) out[c] = inputContent(v, fix);
  }
  for (const [c, v] of derivedCells(l, rows, i, segments)) out[c] = v;
  return out;
}
