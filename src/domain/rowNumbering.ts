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

/** Roman numerals up to 89, in either case once lowered (`xlii`, `l`), for their value. */
const ROMAN_VALUE = /^(xl|l?x{0,3})(ix|iv|v?i{0,3})$/;

/** The value of a roman numeral in either case (`iv`, `IV` → 4), or 0. */
function romanValue(t: string): number {
  const s = t.toLowerCase();
  if (!s || !ROMAN_VALUE.test(s)) return 0;
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const x = v[s[k]];
    n += k + 1 < s.length && x < v[s[k + 1]] ? -x : x;
  }
  return n;
}

/**
 * The letters that are roman numerals too, with the letters a list reaches each from and goes on
 * to (the Vietnamese list skips `f`, `j`, `w`, `z`: … h, i, k, l, m … u, v, x, y; a list in the
 * Latin order goes h, i, j … u, v, w, x), in lower case. `l` stands for 50 only in capitals.
 */
const AMBIGUOUS: Record<string, { before: string[]; after: string[] }> = {
  i: { before: ['h'], after: ['k', 'j'] },
  v: { before: ['u'], after: ['x', 'w'] },
  x: { before: ['v', 'w'], after: ['y'] },
  l: { before: ['k'], after: ['m'] },
};

/** The two styles of a case: its letters and its roman numerals. */
const CASES = {
  lower: { letter: 'lower', roman: 'lowerRoman' },
  upper: { letter: 'letter', roman: 'roman' },
} as const;

/** The case whose letters or roman numerals number a cell (`a`, `ii` lower; `B`, `IV` upper). */
function caseOf(style: Style | null): keyof typeof CASES | null {
  if (style === 'lower' || style === 'lowerRoman') return 'lower';
  if (style === 'letter' || style === 'roman') return 'upper';
  return null;
}

/**
 * The numbering styles of a table's number cells in order (`''`: a row without a number), the
 * letters that are roman numerals too (`i`, `v`, `x`; in capitals `I`, `V`, `X`, `L`) told apart
 * by the sequence they stand in, in each case: a roman numeral when it continues the numerals (`i`
 * starting them, `v` after `iv`, `X` after `IX`) and not the letters; a letter when it continues
 * the letters (`h` → `i`, `U` → `V`, `v` → `x`, `K` → `L`) and not the numerals. Where both fit,
 * the next number of the same case decides (numbers of other styles between passed over): the
 * next numeral (`ii`, `II`) reads roman, the next letter (`k`, `K`) a letter, and so does any
 * other, but a lower-case list starting right under it (`a`) reads roman; none: a letter. Where
 * neither fits, the cell reads as it does alone (`i` a letter, `I` a numeral).
 */
export function sequenceStyles(tts: readonly string[]): (Style | null)[] {
  const bare = tts.map((t) => t.trim().replace(/[.)]$/, ''));
  const alone = tts.map(styleOf);
  const out: (Style | null)[] = [];
  // the last letter and the value of the last roman numeral read, in each case
  const last = { lower: { letter: '', roman: 0 }, upper: { letter: '', roman: 0 } };
  for (let k = 0; k < bare.length; k++) {
    const s = bare[k];
    let style = alone[k];
    const kase = caseOf(style);
    const low = s.toLowerCase();
    if (kase && low in AMBIGUOUS && (kase === 'upper' || low !== 'l')) {
      const { letter, roman } = CASES[kase];
      const value = romanValue(s);
      const asRoman = value === 1 || (value > 0 && value === last[kase].roman + 1);
      const asLetter = AMBIGUOUS[low].before.includes(last[kase].letter);
      if (asRoman && asLetter) style = romanNext(bare, alone, k, kase, value) ? roman : letter;
      else if (asRoman || asLetter) style = asRoman ? roman : letter;
    }
    if (kase && style === CASES[kase].letter) last[kase].letter = low;
    else if (kase && style === CASES[kase].roman) last[kase].roman = romanValue(s);
    out.push(style);
  }
  return out;
}

/**
 * Whether the numbers after cell k (a letter that may be the numeral `value`) read it as a
 * numeral: the next of its case is the next numeral, or (lower case) a list `a` right under it.
 */
function romanNext(
  bare: readonly string[],
  alone: readonly (Style | null)[],
  k: number,
  kase: keyof typeof CASES,
  value: number,
): boolean {
  let passed = false; // a number of another style stands between
  for (let j = k + 1; j < bare.length; j++) {
    if (!bare[j]) continue;
    if (caseOf(alone[j]) !== kase) {
      passed = true;
      continue;
    }
    if (romanValue(bare[j]) === value + 1) return true;
    return kase === 'lower' && bare[j] === 'a' && !passed;
  }
  return false;
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
  /**
   * Its number's style read in the sequence of the plan's numbers around it, as the import reads
   * a table's (`sequenceStyles`: `i.` after `h.` a letter); absent: read alone.
   */
  style?: Style | null;
}

/** A pasted line's numbering style: read in its sequence when known, else alone. */
export function lineStyle(l: PastedLine): Style | null {
  return l.style !== undefined ? l.style : styleOf(l.tt);
}

/**
 * The kind of row a pasted line (below the last row) becomes, `next` the line pasted after it:
 * a numbered line (`1`, `2`, `I`, `A`, `1.1`) with a name, no lead unit and no amounts (its figures
 * only a stated total) is a section, as is one the next line's numbering nests under; the rest
 * (`-`, `+` lines, lines with a lead unit or amounts, a bare numbered list `1 a`, `2 b`) are
 * projects.
 */
export function pastedRowKind(line: PastedLine, next?: PastedLine): 'section' | 'project' {
  const style = lineStyle(line);
  const bullet = style === 'dash' || style === 'plus' || style === 'lower';
  const statesOnly = !bullet && !!line.name.trim() && line.stated && !line.amounts;
  const deeper = numbersDeeper(style, next ? lineStyle(next) : null) || statesOnly;
  return isSectionNumbering(style, deeper, line.lead.trim()) ? 'section' : 'project';
}
