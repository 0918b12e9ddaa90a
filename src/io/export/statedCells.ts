/**
 * Which columns an appendix exports (the printed form's: Planbook's own row total left out unless
 * the user put it on the form) and how the figures sections and total rows state are written: as
 * the formulas that add up their rows, or kept as stated. Every stated figure a formula replaces
 * is recorded for the check sheet; nothing is replaced silently.
 */
import { columnLetter, leaves } from '../../domain/columns';
import { formulaRefs, placeFormula } from '../../domain/formulaRefs';
import { moveFormulaRows } from '../../domain/formulaShift';
import { amountsEqual } from '../../domain/numbers';
import { formColumns, isOnForm } from '../../domain/totals';
import type { AppendixSheet, ColumnLeaf, ColumnNode, Id } from '../../domain/types';

/** How stated figures that differ from their rows are written. */
export type StatedChoice = 'formulas' | 'keep';

/** A stated figure written otherwise than stated: replaced by its formula, or kept as stated. */
export interface StatedFigure {
  /** The cell in the exported sheet (`Q8`). */
  cell: string;
  rowId: Id;
  /** The row's name. */
  label: string;
  /** The column's (or year's) header. */
  column: string;
  stated: number;
  computed: number;
}

/** The exported columns of a sheet and where each model column stands among them. */
export interface ExportColumns {
  leaves: ColumnLeaf[];
  header: ColumnNode[];
  /** Export column of each model column index (undefined: not exported). */
  at: (modelCol: number) => number | undefined;
  /** Model column of each export column (the inverse of `at`). */
  model: (exportCol: number) => number;
  /** Whether some model column is left out. */
  narrowed: boolean;
}

/** The columns of the printed form. */
export function exportColumns(sheet: AppendixSheet): ExportColumns {
  const all = leaves(sheet.columns);
  const index: (number | undefined)[] = [];
  const back: number[] = [];
  all.forEach((l, m) => {
    index.push(isOnForm(l) ? back.length : undefined);
    if (isOnForm(l)) back.push(m);
  });
  const gone = all.length - back.length;
  return {
    leaves: all.filter(isOnForm),
    header: formColumns(sheet.columns),
    at: (c) => (c < index.length ? index[c] : c - gone),
    model: (c) => (c < back.length ? back[c] : c + gone),
    narrowed: gone > 0,
  };
}

/**
 * A project's own formula (A1 in the engine's rows and columns) as written in the file: rows moved
 * down by `first`, columns to where the file has them. Null when it reads a column the file does
 * not have (the caller writes its value instead).
 */
export function ownFormula(x: string, first: number, cols: ExportColumns): string | null {
  if (!cols.narrowed) return moveFormulaRows(x, first);
  const gone = formulaRefs(x).some((r) => {
    if (r.sheet !== undefined || r.c0 === null || r.c1 === null) return false;
    for (let c = r.c0; c <= r.c1; c++) if (cols.at(c) === undefined) return true;
    return false;
  });
  if (gone) return null;
  return placeFormula(x, (n) =>
    n === undefined ? { dRow: first, col: (c) => cols.at(c) ?? c } : null,
  );
}

/** `=SUM(…)` of the listed export columns over the listed 1-based rows (ranges where contiguous). */
export function sumFormula(cols: number[], rows: number[]): string | undefined {
  if (!cols.length || !rows.length) return undefined;
  const parts: string[] = [];
  const sorted = [...cols].sort((a, b) => a - b);
  const runs = (xs: number[]) => {
    const out: [number, number][] = [];
    for (let i = 0; i < xs.length;) {
      let j = i;
      while (j + 1 < xs.length && xs[j + 1] === xs[j] + 1) j++;
      out.push([xs[i], xs[j]]);
      i = j + 1;
    }
    return out;
  };
  if (rows.length === 1) {
    for (const [a, b] of runs(sorted))
      parts.push(
        a === b
          ? `${columnLetter(a)}${rows[0]}`
          : `${columnLetter(a)}${rows[0]}:${columnLetter(b)}${rows[0]}`,
      );
  } else {
    for (const c of sorted)
      for (const [a, b] of runs(rows))
        parts.push(
          a === b ? `${columnLetter(c)}${a}` : `${columnLetter(c)}${a}:${columnLetter(c)}${b}`,
        );
  }
  return `=SUM(${parts.join(',')})`;
}

/** What one section or total cell becomes: its formula, or the stated number. */
export interface FigureChoice {
  formula?: string;
  value?: number | null;
  number?: number;
  /** The stated figure differs from its rows: how it was written. */
  differs?: 'replaced' | 'kept';
}

/**
 * A section or total row's cell: the formula that adds up its rows, unless the plan states another
 * figure there and the user chose to keep stated figures. Without a formula, the stated figure.
 */
export function figureChoice(
  stated: unknown,
  formula: string | undefined,
  computed: number | null,
  choice: StatedChoice,
): FigureChoice {
  const s = typeof stated === 'number' && Number.isFinite(stated) ? stated : null;
  if (!formula) return s === null ? { value: computed } : { number: s };
  if (s === null || computed === null || amountsEqual(s, computed))
    return { formula, value: computed };
  return choice === 'keep'
    ? { number: s, differs: 'kept' }
    : { formula, value: computed, differs: 'replaced' };
}
