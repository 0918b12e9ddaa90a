/**
 * What a row's numbering says about its kind, one rule for the import reader (io/appendix/rows.ts)
 * and for rows a paste adds (app/clipboard.ts): `A`, `I` head sections; `1`, `1.1` head one when
 * the rows under it are numbered deeper (or, pasted, it states a total and no amounts) and it names
 * no lead unit; `-`, `+` lines with a lead unit are projects.
 */
import { numberingStyle, type NumberingStyle } from './rows';

/** Styles a table numbers its rows with, outermost first, as they appear. */
export type Style = NumberingStyle | 'lower';

/** The numbering style of a number cell (`a`, `b`… lower letters too), null when none. */
export function styleOf(tt: string): Style | null {
  const s = tt.trim().replace(/[.)]$/, '');
  if (/^[a-zđ]$/.test(s)) return 'lower';
  return numberingStyle(tt);
}

/** The styles that number rows below an item, shallowest first. */
export const DEEP: Style[] = ['dash', 'plus', 'lower', 'dotted'];

/** Whether `next` (the following row's style) numbers rows below a row numbered `style`. */
export function numbersDeeper(style: Style | null, next: Style | null): boolean {
  return (
    next !== null &&
    next !== style &&
    (DEEP.includes(next) || (style === 'arabic' && next === 'dotted')) &&
    !(style && DEEP.includes(style) && DEEP.indexOf(next) <= DEEP.indexOf(style))
  );
}

/**
 * Whether a row numbered `style` is a section: letters and roman numerals always; other numbers
 * (not `+`) when `deeper` (rows under it are its items) and the row names no `lead` unit.
 */
export function isSectionNumbering(style: Style | null, deeper: boolean, lead: string): boolean {
  return (
    style === 'letter' ||
    style === 'roman' ||
    (style !== null && style !== 'plus' && deeper && !lead)
  );
}

/** A pasted line as the paste reads it: its number, name and lead texts, what it brings. */
export interface PastedLine {
  tt: string;
  name: string;
  lead: string;
  /** Whether a figure of the line lands on an amount column (a project's own input). */
  amounts: boolean;
  /** Whether a figure lands on another figure column (a row total, Tổng mức đầu tư): stated. */
  stated: boolean;
}

/**
 * The kind of row a pasted line (below the last row) becomes, `next` the line pasted after it:
 * a numbered line (`1`, `2`, `I`, `A`, `1.1`) with a name, no lead unit and no amounts (its figures
 * only a stated total) is a section, as is one the next line's numbering nests under; the rest
 * (`-`, `+` lines, lines with a lead unit or amounts, a bare numbered list `1 a`, `2 b`) are
 * projects.
 */
export function pastedRowKind(line: PastedLine, next?: PastedLine): 'section' | 'project' {
  const style = styleOf(line.tt);
  const bullet = style === 'dash' || style === 'plus' || style === 'lower';
  const statesOnly = !bullet && !!line.name.trim() && line.stated && !line.amounts;
  const deeper = numbersDeeper(style, next ? styleOf(next.tt) : null) || statesOnly;
  return isSectionNumbering(style, deeper, line.lead.trim()) ? 'section' : 'project';
}
