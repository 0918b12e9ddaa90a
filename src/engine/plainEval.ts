/**
 * One formula the layout writes (plainFormulas.ts), evaluated with the engine's arithmetic
 * (plainArithmetic.ts) over cells read through a reader: how PlainValues computes a cell.
 */
import { add, subtract } from './plainArithmetic';
import { NotPlain, type Value } from './plainCells';
import type { PlainFormula, PlainSheetNo } from './plainFormulas';

/** Reads a cell's unrounded value: sheet (data 0, totals 1), 0-based row and column. */
export type CellReader = (sheet: PlainSheetNo, row: number, col: number) => Value;

/** The value of formula `f` written on `sheet`, its cells read through `cell`. */
export function evalPlain(f: PlainFormula, sheet: PlainSheetNo, cell: CellReader): Value {
  return 'sum' in f ? evalSum(f.sum, cell) : evalTerms(f.terms, sheet, cell);
}

/** `=E5` (a section stating its own figure) or `=E5-F5+G5` (a column rule), on `sheet`. */
export function evalTerms(
  ts: Extract<PlainFormula, { terms: unknown }>['terms'],
  sheet: PlainSheetNo,
  cell: CellReader,
): Value {
  if (!ts.length) throw new NotPlain('empty formula');
  let acc = 0;
  for (let k = 0; k < ts.length; k++) {
    const t = ts[k];
    const v = cell(sheet, t.row, t.col);
    if (k === 0 && t.sign === 1 && ts.length === 1) return v; // a bare reference
    const x = v === null ? 0 : v;
    if (typeof x !== 'number') throw new NotPlain('text in arithmetic');
    if (k === 0) acc = t.sign < 0 ? -x : x;
    else acc = t.sign < 0 ? subtract(acc, x) : add(acc, x);
  }
  return acc;
}

/** `SUM(a, b:c, 'Sheet'!d:e …)` of one-row or one-column ranges and single cells. */
export function evalSum(
  args: Extract<PlainFormula, { sum: unknown }>['sum'],
  cell: CellReader,
): number {
  let acc = 0;
  for (const a of args) {
    if (a.r1 === undefined) {
      const v = cell(a.sheet, a.r0, a.c0);
      if (typeof v === 'number') acc = add(acc, v);
      continue;
    }
    let range = 0;
    if (a.r0 === a.r1) {
      for (let c = a.c0; c <= a.c1!; c++) {
        const v = cell(a.sheet, a.r0, c);
        if (typeof v === 'number') range = add(range, v);
      }
    } else {
      for (let r = a.r0; r <= a.r1; r++) {
        const v = cell(a.sheet, r, a.c0);
        if (typeof v === 'number') range = add(range, v);
      }
    }
    acc = add(range, acc); // the engine folds a range's sum in as (range, sum so far)
  }
  return acc;
}
