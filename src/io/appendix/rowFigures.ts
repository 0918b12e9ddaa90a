/** The figures of one source row under the table's numeric columns. */
import { gridLiteral } from '../../domain/grid';
import { isNilFigure, type NumberStyle, parseAmount } from '../../domain/numbers';
import { sheetNumberStyle } from '../../domain/numberStyle';
import { fromPercent, percentFormatDecimals } from '../../domain/percent';
import type { CellInput } from '../../domain/types';
import { isSpaceCode, type RawGrid, rowShown } from './grid';
import type { LeafSpec } from './header';
import { isErrorValue, isMarker } from './rowKinds';
import type { ImportWarning } from './importWarning';

export interface Ctx {
  g: RawGrid;
  specs: LeafSpec[];
  headerTexts: Set<string>;
  warnings: ImportWarning[];
  /** The first leaf of each role (built on first use). */
  byRole?: Map<string, LeafSpec>;
  /** The numeric leaves (amount, stated, value), in order (built on first use). */
  figureSpecs?: LeafSpec[];
  /** Per line: 0 not known yet, 1 no figure, 2 figures (`rowFigures(…).any`, kept once known). */
  anyOf?: Uint8Array;
  /** Per role, per line: the role's text (`field`), kept once read. */
  fields?: Map<string, (string | undefined)[]>;
  /**
   * The number style of the figures typed as text below the header (set by the reader from the
   * sums the table states, see statedSums.ts; else built on first use from the figures alone).
   */
  style?: NumberStyle;
  /** Lines an AutoFilter hides that the table's stated sums leave out (filteredRows.ts): stale. */
  stale?: ReadonlySet<number>;
}

const num = (text: string, style: NumberStyle) =>
  isNilFigure(text) ? null : parseAmount(text, style);

/** The figures typed as text (no stored number) in the numeric columns, the header's codes aside. */
export function typedTexts(c: Ctx): string[] {
  const texts: string[] = [];
  const cols = figureSpecs(c).flatMap((s) => s.cols);
  for (const row of c.g.rows)
    for (const col of cols) {
      const cell = row[col];
      // a header's column codes (`1`, `2`) are no figures
      if (
        cell &&
        typeof cell.value !== 'number' &&
        cell.text &&
        !c.headerTexts.has(cell.text.trim())
      )
        texts.push(cell.text);
    }
  return texts;
}

/** A marker glued to a figure: `(1)     419.278.223` → the figure's text, or null. */
function unmark(text: string): string | null {
  const c0 = text.charCodeAt(0);
  // the common case: a figure starting with a digit, no marker, no regex
  if (c0 !== 40 && c0 !== 42 && !isSpaceCode(c0)) return null;
  const first = /\S/.exec(text)?.[0];
  if (first !== '(' && first !== '*') return null;
  const m = /^(\(\s*(?:\d{1,2}|\*{1,3}|[a-z])\s*\)|\*{1,3})\s+(.+)$/i.exec(text.trim());
  return m ? m[2] : null;
}

/** Whether a trimmed text can be a footnote marker at all: markers end with `)`, `/` or `*`. */
export const mayBeMarker = (t: string) => {
  const e = t.charCodeAt(t.length - 1);
  return e === 41 || e === 47 || e === 42;
};

/** The numeric leaves of the table (amount, stated, value), kept in the context. */
export function figureSpecs(c: Ctx): LeafSpec[] {
  return (c.figureSpecs ??= c.specs.filter((s) => {
    const role = s.leaf.role;
    return role === 'amount' || role === 'stated' || role === 'value';
  }));
}

/** What a row without markers, percentages or extra figures shares (never written to). */
const NO_MARKS: Record<string, string> = Object.freeze({});
const NO_PERCENT: Record<string, number> = Object.freeze({});
const NO_EXTRA: string[] = Object.freeze([]) as unknown as string[];

/**
 * Values of a row's numeric leaves (the last number of a merged span; extra numbers are warned).
 * Footnote markers (`(1)`, `(*)`, `1/`) are notes, never numbers. `quiet` reads without warning.
 * `into`: the object the figures are added to (after its keys), as `cells` (default a new one).
 * A row without marks, percentages or extra figures gets shared empty ones (read, never written).
 */
export function rowFigures(
  c: Ctx,
  r: number,
  line: number,
  quiet: boolean,
  into?: Record<string, CellInput>,
): {
  cells: Record<string, CellInput>;
  extra: string[];
  any: boolean;
  marks: Record<string, string>;
  /** Figures the source shows as percentages: leaf id → decimals printed (`domain/percent`). */
  percent: Record<string, number>;
} {
  const cells: Record<string, CellInput> = into ?? {};
  let marks = NO_MARKS;
  let percent = NO_PERCENT;
  let extra = NO_EXTRA;
  let any = false;
  const row = c.g.rows[r];
  const shown = rowShown(c.g, r);
  const style = (c.style ??= sheetNumberStyle(typedTexts(c)));
  for (const s of figureSpecs(c)) {
    // most leaves hold one figure or none: their lists are made when a second text comes
    let texts: string[] | null = null;
    let figures: number[] | null = null;
    let text1 = '';
    let nt = 0;
    let num1 = 0;
    let nn = 0;
    let pct1: number | undefined;
    for (const col of s.cols) {
      let t = shown[col] ?? '';
      if (!t) continue;
      if (mayBeMarker(t) && isMarker(t)) {
        if (marks === NO_MARKS) marks = {};
        marks[s.leaf.id] = t;
        if (!quiet)
          c.warnings.push({
            code: 'footnoteMarker',
            row: line,
            message: `line ${line}: footnote marker “${t}” under “${s.leaf.label}” kept as a note, not a figure`,
            sheet: c.g.name,
          });
        continue;
      }
      const v = row?.[col]?.value;
      const stripped = unmark(t);
      if (stripped !== null) {
        if (marks === NO_MARKS) marks = {};
        marks[s.leaf.id] = t
          .trim()
          .slice(0, t.trim().length - stripped.length)
          .trim();
        t = stripped;
      }
      if (nt === 0) text1 = t;
      else (texts ??= [text1]).push(t);
      nt++;
      // a spreadsheet's stored number wins over its shown text (`425,000` shown in English style)
      // (an error value's stored number is its error code: `#REF!` is 23, no figure)
      const stored =
        stripped === null &&
        typeof v === 'number' &&
        Number.isFinite(v) &&
        !(t.charCodeAt(0) === 35 /* # */ && isErrorValue(t));
      let x = stored ? v : num(t, style);
      // a percentage: a stored fraction in a percent format, or a text such as `5,3%` (CSV)
      let pct = stored ? percentFormatDecimals(row?.[col]?.format) : undefined;
      if (x === null && t.endsWith('%')) {
        const p = num(t.slice(0, -1).trim(), style);
        if (p !== null) [x, pct] = [fromPercent(p), decimalsOf(t.slice(0, -1))];
      }
      if (x !== null) {
        if (nn) (figures ??= [num1]).push(x); // listed from the second figure on
        num1 = x; // the last one is taken
        pct1 = pct;
        nn++;
      }
    }
    if (nn) {
      any = true;
      cells[s.leaf.id] = num1;
      if (pct1 !== undefined) {
        if (percent === NO_PERCENT) percent = {};
        percent[s.leaf.id] = pct1;
      }
      if (nn > 1) {
        texts ??= [text1];
        if (extra === NO_EXTRA) extra = [];
        for (let i = 0; i < texts.length - 1; i++) extra.push(texts[i]);
        if (!quiet)
          c.warnings.push({
            code: 'ambiguousFigure',
            row: line,
            message: `line ${line}: several figures under “${s.leaf.label}” (${texts.join(', ')}); the last one is taken, the others are kept in the row's remark`,
            detail: texts.join(', '),
            figures: figures!,
            sheet: c.g.name,
          });
      }
    } else if (nt) {
      texts ??= [text1];
      if (texts.every(isNilFigure)) continue;
      // a text is kept as text: one starting with `=` never becomes a live formula
      cells[s.leaf.id] = gridLiteral(texts.join(' '));
      if (!quiet)
        c.warnings.push({
          code: 'textInAmount',
          row: line,
          message: `line ${line}: “${texts.join(' ')}” under “${s.leaf.label}” is not a number; kept as text`,
          detail: texts.join(' '),
          sheet: c.g.name,
        });
    }
  }
  (c.anyOf ??= new Uint8Array(c.g.rows.length))[r] = any ? 2 : 1;
  return { cells, extra, any, marks, percent };
}

/** Decimals a typed figure shows (`5,3` → 1, `12` → 0): digits after the last `,` or `.`. */
function decimalsOf(t: string): number {
  const m = /[.,](\d+)\s*$/.exec(t);
  return m && m[1].length !== 3 ? m[1].length : 0;
}

/**
 * Whether line r has a figure under a numeric leaf (`rowFigures(c, r, 0, true).any`), without
 * building its cells: a stored number in a figure column answers at once; kept per line.
 */
export function hasFigures(c: Ctx, r: number): boolean {
  const known = c.anyOf?.[r];
  if (known) return known === 2;
  const row = c.g.rows[r];
  const shown = rowShown(c.g, r);
  for (const s of figureSpecs(c))
    for (const col of s.cols) {
      const cell = row?.[col];
      const v = cell?.value;
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      const t = shown[col] ?? '';
      // a stored number read as itself: shown, no marker alone nor glued before it
      if (
        t &&
        !(mayBeMarker(t) && isMarker(t)) &&
        unmark(t) === null &&
        !(t.charCodeAt(0) === 35 /* # */ && isErrorValue(t))
      ) {
        (c.anyOf ??= new Uint8Array(c.g.rows.length))[r] = 2;
        return true;
      }
    }
  return rowFigures(c, r, 0, true).any;
}
