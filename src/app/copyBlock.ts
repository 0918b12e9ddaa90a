/**
 * Copying a range of an appendix: its raw contents (formulas as typed), the values it shows and
 * their texts, and a copied block's formulas moved to where it lands.
 */
import { leaves } from '../domain/columns';
import { shiftFormula } from '../domain/formulaShift';
import { percentAt } from '../domain/percent';
import type { AppendixSheet, CellInput } from '../domain/types';
import { landingLeaves } from './clipboard';
import { type ShownValue, shownText } from './clipboardHtml';
import type { CellRange } from './selection';
import { toTsv } from './tsv';

/** A copied block: contents as stored (formulas as typed), the shown values and their texts. */
export interface CopiedBlock {
  text: string;
  raw: CellInput[][];
  shown: string[][];
  /** What each cell shows: a number (as displayed) or a text (for the clipboard's HTML). */
  values: ShownValue[][];
  /** Each cell's percent mark (decimals; null: a plain figure), pasted with `raw` inside Planbook. */
  marks?: (number | null)[][];
}

/** A block from its raw contents and shown values (texts: numbers unformatted, as TSV carries). */
export function copiedBlock(raw: CellInput[][], values: ShownValue[][]): CopiedBlock {
  const shown = values.map((r) => r.map(shownText));
  return { text: toTsv(shown), raw, shown, values };
}

/**
 * Raw contents (formulas as typed) and shown values of a range, for copying: the columns the grid
 * shows (a column the form leaves out, as Planbook's hidden row total, is not copied).
 */
export function copyRange(
  sheet: AppendixSheet,
  r: CellRange,
  raw: (row: number, colId: string) => CellInput,
  shown: (row: number, colId: string) => ShownValue,
): CopiedBlock {
  const ls = leaves(sheet.columns);
  // the columns the grid shows: a column the form leaves out inside the range is not copied
  const cols = landingLeaves(ls, r.c0).filter((l) => ls.indexOf(l) <= r.c1);
  const rawM: CellInput[][] = [];
  const values: ShownValue[][] = [];
  const marks: (number | null)[][] = [];
  for (let i = r.r0; i <= r.r1; i++) {
    const rr: CellInput[] = [];
    const sr: ShownValue[] = [];
    const mr: (number | null)[] = [];
    for (const l of cols) {
      rr.push(raw(i, l.id));
      sr.push(shown(i, l.id));
      mr.push(percentAt(sheet.rows[i], l.id) ?? null);
    }
    rawM.push(rr);
    values.push(sr);
    marks.push(mr);
  }
  return { ...copiedBlock(rawM, values), marks };
}

/** Formulas of a copied block moved to their new place (relative references follow). */
export function shiftBlock(
  raw: readonly (readonly CellInput[])[],
  dRow: number,
  dCol: number,
): CellInput[][] {
  return raw.map((r) =>
    r.map((v) => (typeof v === 'string' && v.startsWith('=') ? shiftFormula(v, dRow, dCol) : v)),
  );
}
