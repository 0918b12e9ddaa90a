/**
 * The number style of a whole sheet typed as text: one office writes `61.600` and `1,5`
 * (Vietnamese), another `61,600` and `1.5` (English). A sheet keeps one style, so a figure whose
 * separators alone cannot tell (`61,600`) is read in the style the sheet's other figures show,
 * or else in the style under which the sums the table states hold.
 */
import { classify } from './checkSeverity';
import { type NumberStyle, parseAmount } from './numbers';

/** A grouped number in the English style (`1,234,567`, `1,234.5`) or a lone decimal point (`1.5`). */
const EN = /^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$|^\d{1,3}(,\d{3})*\.\d+$|^\d+\.(\d{1,2}|\d{4,})$/;
/** A grouped number in the Vietnamese style (`1.234.567`, `1.234,5`) or a lone decimal comma. */
const VI = /^[1-9]\d{0,2}(\.\d{3})+(,\d+)?$|^\d{1,3}(\.\d{3})*,\d+$|^\d+,(\d{1,2}|\d{4,})$|^0,\d+$/;
/** `61,600`: English thousands, or a Vietnamese decimal with three places. */
const COMMA3 = /^[1-9]\d{0,2},\d{3}$/;
/** `1.234`: a Vietnamese thousand, or an English decimal with three places. */
const DOT3 = /^[1-9]\d{0,2}\.\d{3}$/;

/**
 * A sum the table states (a section's figure the sum of its rows, a total row's the sum of the
 * top rows, a column-code rule `3=1+2` on a line, a rule a label states `C = B - A`), its figures
 * as typed: a text, or a number the
 * spreadsheet stores (read as itself).
 */
export interface StatedSum {
  total: string | number;
  terms: readonly { sign: 1 | -1; figure: string | number }[];
}

interface Tally {
  en: number;
  vi: number;
  /** `61,600` figures, and plain whole ones (`192`). */
  comma3: number;
  plain: number;
  /** Figures the two styles read differently (`61,600`, `1.234`). */
  open: number;
}

/** A figure without its sign, parentheses and percent sign; whether it was a percentage. */
function bare(t: string): { s: string; percent: boolean } {
  let s = t
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .replace(/^[-−+]\s*/, '')
    .trim();
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1).trim();
  return { s, percent };
}

function tally(texts: Iterable<string>): Tally {
  const n: Tally = { en: 0, vi: 0, comma3: 0, plain: 0, open: 0 };
  for (const t of texts) {
    const { s, percent } = bare(t);
    const isEn = EN.test(s);
    const isVi = VI.test(s);
    if (isEn && !isVi) n.en++;
    else if (isVi && !isEn) n.vi++;
    // a percentage of thousands (`12,500%`) is not written: `12,500%` is 12.5 %
    else if (percent && COMMA3.test(s)) n.vi++;
    else if (COMMA3.test(s)) n.comma3++;
    else if (!percent && /^\d+$/.test(s)) n.plain++;
    if (!percent && (COMMA3.test(s) || DOT3.test(s))) n.open++;
  }
  return n;
}

/**
 * Whether the typed figures leave the style to the sums the table states: none only one style
 * writes, some read differently in the two (`61,600`, `1.234`). Else the sums need not be read.
 */
export function styleLeftToSums(texts: Iterable<string>): boolean {
  const n = tally(texts);
  return !n.en && !n.vi && n.open > 0;
}

const read = (f: string | number, style: NumberStyle) =>
  typeof f === 'number' ? f : parseAmount(f, style);

/**
 * How many of the stated sums hold with the figures read in `style`, as the checks hold them
 * (`classify`: float noise, or the rounding of its terms at the total's decimals).
 */
export function sumsHolding(sums: readonly StatedSum[], style: NumberStyle): number {
  let held = 0;
  for (const sum of sums) {
    const total = read(sum.total, style);
    if (total === null) continue;
    let s = 0;
    let ok = true;
    for (const t of sum.terms) {
      const v = read(t.figure, style);
      if (v === null) ok = false;
      else s += t.sign * v;
    }
    if (ok && classify(total, s, sum.terms.length) !== 'error') held++;
  }
  return held;
}

/**
 * The style a sheet's typed figures show: 'en' when some figures can only be English and none
 * only Vietnamese (`1.234` and `1,234` fit both: `1,234,567` or `1.5` decide), 'vi' the other
 * way (a percentage `12,5%` votes for the decimal comma). With none that decides, the `sums` the
 * table states: the style under which more of them hold. Else 'en' when three or more are
 * `61,600` and some whole figures are written plain (`192`), else 'auto' (the Vietnamese reading
 * of `parseAmount`). Signs and parentheses are ignored.
 */
export function sheetNumberStyle(
  texts: Iterable<string>,
  sums: readonly StatedSum[] = [],
): NumberStyle {
  const n = tally(texts);
  if (n.en || n.vi) return n.en && !n.vi ? 'en' : n.vi && !n.en ? 'vi' : 'auto';
  if (sums.length) {
    const en = sumsHolding(sums, 'en');
    const vi = sumsHolding(sums, 'vi');
    if (en !== vi) return en > vi ? 'en' : 'vi';
  }
  // only `61,600` and plain `192`: the decimals of a Vietnamese sheet would not all be three
  // places while its whole figures show none (`192,000`); English `#,##0` writes just that
  return n.comma3 >= 3 && n.plain ? 'en' : 'auto';
}
