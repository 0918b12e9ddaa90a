/**
 * Formulas that keep pointing at the same cells when the columns of a sheet are added, removed or
 * moved, or when a sheet is renamed: the column letters and the sheet names of their references
 * rewritten, as a spreadsheet does.
 */
import { columnLetter } from './columns';
import { formulaRefs, remapReferences, sheetPrefix, type FormulaRef } from './formulaRefs';
import type { CellInput, GridSheet, Row } from './types';

/** Which references a rewrite touches: by the sheet they name (undefined: the formula's own). */
export type SheetPick = (sheet: string | undefined) => boolean;

/** Old 0-based column → new column, or null when the column is gone. */
export type ColMap = (col: number) => number | null;

function cellText(c: number | null, r: number | null, ac: boolean, ar: boolean): string {
  const col = c === null ? '' : `${ac ? '$' : ''}${columnLetter(c)}`;
  return `${col}${r === null ? '' : `${ar ? '$' : ''}${r + 1}`}`;
}

function refText(ref: FormulaRef, prefix: string, c0: number | null, c1: number | null): string {
  const a = cellText(c0, ref.r0, ref.abs.c0, ref.abs.r0);
  const single = ref.r0 === ref.r1 && ref.c0 === ref.c1 && ref.c0 !== null && ref.r0 !== null;
  if (single && c0 === c1) return prefix + a;
  return `${prefix}${a}:${cellText(c1, ref.r1, ref.abs.c1, ref.abs.r1)}`;
}

/**
 * The formula with the column part of the references `which` picks moved through `map`. A single
 * reference to a gone column becomes `#REF!`; a range keeps the columns of it that remain.
 */
export function remapFormulaCols(formula: string, map: ColMap, which: SheetPick): string {
  const refs = formulaRefs(formula).filter((r) => r.c0 !== null && which(r.sheet));
  if (!refs.length) return formula;
  return remapReferences(
    formula,
    refs,
    (r) => [r.c0!, r.c1!],
    map,
    (r, lo, hi) => refText(r, r.prefix, lo, hi),
  );
}

/** The formula with the references that name a sheet `which` picks naming `name` instead. */
export function renameInFormula(formula: string, which: SheetPick, name: string): string {
  const refs = formulaRefs(formula).filter((r) => r.sheet !== undefined && which(r.sheet));
  if (!refs.length) return formula;
  let out = '';
  let at = 0;
  for (const ref of refs) {
    out += formula.slice(at, ref.start) + sheetPrefix(name);
    at = ref.start + ref.prefix.length;
  }
  return out + formula.slice(at);
}

/** A rewrite of one formula text (returns the same text when nothing changes). */
export type FormulaRewrite = (formula: string) => string;

const isFormula = (v: CellInput): v is string => typeof v === 'string' && v.startsWith('=');

/** The rows with every formula rewritten; the same array (and row objects) where nothing changes. */
export function rewriteRows(rows: Row[], f: FormulaRewrite): Row[] {
  let out: Row[] | undefined;
  rows.forEach((r, i) => {
    let cells: Record<string, CellInput> | undefined;
    for (const [k, v] of Object.entries(r.cells)) {
      if (!isFormula(v)) continue;
      const g = f(v);
      if (g !== v) (cells ??= { ...r.cells })[k] = g;
    }
    if (cells) (out ??= rows.slice())[i] = { ...r, cells };
  });
  return out ?? rows;
}

/** The grid with every formula rewritten; the same object where nothing changes. */
export function rewriteGrid(g: GridSheet, f: FormulaRewrite): GridSheet {
  let cells: CellInput[][] | undefined;
  g.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (!isFormula(v)) return;
      const x = f(v);
      if (x === v) return;
      cells ??= g.cells.slice();
      if (cells[r] === g.cells[r]) cells[r] = g.cells[r].slice();
      cells[r][c] = x;
    }),
  );
  return cells ? { ...g, cells } : g;
}
