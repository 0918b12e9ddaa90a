/**
 * Figures shown as percentages. A cell the source formats `0.0%` holds the fraction (0.053) and
 * shows `5,3%`; the model keeps the fraction and marks the cell (`Row.percent`: column id → the
 * decimals the source printed). Grid, exports and the CLI show such a cell here; typing `5,3%` or
 * `5,3` into it stores 0.053 (`parseInput`). A figure that is a percentage point in a `Tỷ lệ (%)`
 * column (85.3, the `%` in the header) is a plain number and stays one.
 */
import { clean, formatAmount } from './numbers';
import type { Id, Row } from './types';

/**
 * Most decimals of the percentage a percent cell shows when the source printed fewer: a typed
 * 5,34 in a `0.0%` cell shows `5,34%`, a computed 3,496…% shows `3,5%` as the source does.
 */
export const PERCENT_MAX_DECIMALS = 2;

/**
 * The decimals of the percentage a number format prints when it is a percent format (`0.0%` → 1,
 * `0%` → 0, `#,##0.00%` → 2), else undefined. Only the first section counts; a `%` inside quotes
 * or brackets is text, not the percent sign.
 */
export function percentFormatDecimals(fmt: string | undefined): number | undefined {
  // no `%` anywhere: none in the first section either (almost every cell; no split, no regex)
  if (!fmt || !fmt.includes('%')) return undefined;
  const first = fmt.split(';')[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (!first.includes('%')) return undefined;
  const m = /\.([0#]+)/.exec(first);
  return m ? m[1].length : 0;
}

/**
 * The decimals a cell of `row` (key: a leaf's or a year group's id) shows its percentage with,
 * or undefined when the cell is no percent cell. A cell of a ratio row (*Tỷ lệ … so GDP*) holding
 * percent cells is one too, so a figure typed into an empty year of the row reads as a percentage.
 */
export function percentAt(row: Row | undefined, key: Id): number | undefined {
  const p = row?.percent;
  if (!p) return undefined;
  const d = p[key];
  if (d !== undefined) return d;
  if (row.part !== 'ratio') return undefined;
  for (const k in p) return p[k];
  return undefined;
}

/**
 * How a cell of `row` reads a typed figure: `true` a percent cell by its own mark (kept: a typed
 * `5,0%` does not change it, as a spreadsheet keeps a cell's format), `'row'` one only by its
 * ratio row (a bare figure reads as a percentage; a typed `5,0%` gives the cell its own mark),
 * `false` a plain cell.
 */
export function percentInput(row: Row | undefined, key: Id): boolean | 'row' {
  if (row?.percent?.[key] !== undefined) return true;
  return percentAt(row, key) !== undefined ? 'row' : false;
}

/** A fraction as the percentage it shows: 0.053 → `5,3%` (vi), `5.3%` (en); at least `decimals`. */
export function formatPercent(v: number, lang: 'vi' | 'en' = 'vi', decimals = 0): string {
  const n = clean(v * 100);
  const shown = formatAmount(n, lang, Math.max(decimals, PERCENT_MAX_DECIMALS));
  return `${fixedDecimals(shown, lang, decimals)}%`;
}

/** `5` at 1 decimal → `5,0` (the source's `0.0%` prints 5.0%); more decimals are kept. */
function fixedDecimals(shown: string, lang: 'vi' | 'en', decimals: number): string {
  if (decimals <= 0) return shown;
  const mark = lang === 'vi' ? ',' : '.';
  const at = shown.indexOf(mark);
  const have = at < 0 ? 0 : shown.length - at - 1;
  if (have >= decimals) return shown;
  return (at < 0 ? shown + mark : shown) + '0'.repeat(decimals - have);
}

/** A fraction as an editor opens it: the whole percentage, 0.0534 → `5,34%` (read back the same). */
export function percentEditText(v: number, lang: 'vi' | 'en' = 'vi'): string {
  return `${formatAmount(clean(v * 100), lang, 10)}%`;
}

/** The percent number format of an exported cell printing `decimals` decimals (`0.0%`). */
export function percentFormat(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%';
}

/** Most decimals a percent mark keeps (the stored file's bound, planbookFields). */
const MARK_MAX_DECIMALS = 10;

/**
 * The decimals a typed percentage was written with: the mark a typed `5,3%` leaves. `written` is
 * what the text shows (`5,0%` → 1, `12,50%` → 2: trailing zeros are the user's format, as a
 * spreadsheet keeps them); the number's own decimals when more (a copier's stated value beside a
 * text that reads as no number).
 */
export function typedDecimals(percentage: number, written = 0): number {
  const s = String(clean(percentage));
  if (s.includes('e')) return MARK_MAX_DECIMALS;
  return Math.min(MARK_MAX_DECIMALS, Math.max(written, (s.split('.')[1] ?? '').length));
}

/** The fraction a typed percentage stands for (5.3 → 0.053), without binary noise. */
export function fromPercent(n: number): number {
  return clean(n / 100);
}
