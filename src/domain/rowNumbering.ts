/**
 * What a row's numbering says about its kind, one rule for the import reader (io/appendix/rows.ts)
 * and for rows a paste adds (app/clipboard.ts): `A`, `I` head sections; `1`, `1.1` head one when
 * the rows under it are numbered deeper (or, pasted, it states a total and no amounts) and it names
 * no lead unit; `-`, `+` lines with a lead unit are projects.
 */
import { numberingStyle, type NumberingStyle } from './rows';

/**
 * Styles a table numbers its rows with, outermost first, as they appear (`lower`: letters `a`,
 * `b`…; `lowerRoman`: roman numerals in lower case, `i`, `ii`…).
 */
export type Style = NumberingStyle | 'lower' | 'lowerRoman';

/** Roman numerals in lower case up to 39 (`ii`, `iv`, `xii`); `i`, `v`, `x` alone are letters too. */
const LOWER_ROMAN = /^x{0,3}(ix|iv|v?i{0,3})$/;

/**
 * The numbering style of one number cell read alone (`a`, `b`… lower letters too; `ii`, `iv`
 * lower-case roman numerals; `i`, `v`, `x` letters: only their sequence can tell, see
 * `sequenceStyles`), null when none.
 */
export function styleOf(tt: string): Style | null {
  const s = tt.trim().replace(/[.)]$/, '');
  if (/^[a-zđ]$/.test(s)) return 'lower';
  if (s.length > 1 && LOWER_ROMAN.test(s)) return 'lowerRoman';
  return numberingStyle(tt);
}

/** The value of a lower-case roman numeral (`iv` → 4), or 0. */
function romanValue(s: string): number {
  if (!s || !LOWER_ROMAN.test(s)) return 0;
  const v: Record<string, number> = { i: 1, v: 5, x: 10 };
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const x = v[s[k]];
    n += k + 1 < s.length && x < v[s[k + 1]] ? -x : x;
  }
  return n;
}

/** The letters a list reaches `i`, `v`, `x` from (the Vietnamese list skips `w`: … u, v, x, y). */
const LETTER_BEFORE: Record<string, string[]> = { i: ['h'], v: ['u'], x: ['v', 'w'] };

/**
 * The numbering styles of a table's number cells in order (`''`: a row without a number), the
 * letters `i`, `v`, `x` told from roman numerals by the sequence they stand in: a roman numeral
 * when it continues the numerals (`i` starting them, `v` after `iv`, `x` after `ix`) and not the
 * letters; a letter when it continues the letters (`h` → `i`, `u` → `v`, `v` → `x`) and not the
 * numerals. Where both fit, the next numbered row decides: the next numeral (`ii`) or a list
 * starting under it (`a`) reads roman, anything else a letter; where neither fits, a letter.
 */
export function sequenceStyles(tts: readonly string[]): (Style | null)[] {
  const bare = tts.map((t) => t.trim().replace(/[.)]$/, ''));
  const out: (Style | null)[] = [];
  let letter = ''; // the last letter read
  let roman = 0; // the value of the last lower-case numeral read
  for (let k = 0; k < bare.length; k++) {
    const s = bare[k];
    let style = styleOf(tts[k]);
    if (s in LETTER_BEFORE) {
      const value = romanValue(s);
      const asRoman = value === 1 || value === roman + 1;
      const asLetter = LETTER_BEFORE[s].includes(letter);
      let next = '';
      for (let j = k + 1; j < bare.length && !next; j++) next = bare[j];
      const nextSays = romanValue(next) === value + 1 || next === 'a';
      style = asRoman && (!asLetter || nextSays) ? 'lowerRoman' : 'lower';
    }
    if (style === 'lower') letter = s;
    else if (style === 'lowerRoman') roman = romanValue(s);
    out.push(style);
  }
  return out;
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

/** Whether rows numbered `style` head sections whatever follows: capital letters, roman numerals. */
export function headsSections(style: Style | null): boolean {
  return style === 'letter' || style === 'roman' || style === 'lowerRoman';
}

/**
 * Whether a row numbered `style` is a section: letters and roman numerals (either case) always;
 * other numbers (not `+`) when `deeper` (rows under it are its items) and the row names no `lead`
 * unit.
 */
export function isSectionNumbering(style: Style | null, deeper: boolean, lead: string): boolean {
  return headsSections(style) || (style !== null && style !== 'plus' && deeper && !lead);
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
