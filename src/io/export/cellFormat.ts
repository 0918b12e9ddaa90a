/**
 * A number cell's format chosen by its own value. Excel prints the decimal point of `#,##0.##`
 * even when no decimal follows (539000 shows as `539,000.`; LibreOffice hides it), so a value
 * that is whole at the format's decimals gets the format without its decimal part.
 */

import { figureDecimals } from '../../domain/display';

/**
 * Optional decimals (`#` after the point) of a format's first section: `#,##0.##` → 2; 0 for
 * `#,##0` and for fixed decimals (`0.00%` always prints its digits).
 */
export function formatDecimals(fmt: string): number {
  const m = /\.(#+)(?![#0])/.exec(fmt.split(';')[0]);
  return m ? m[1].length : 0;
}

/** True when `value` prints no decimal at `decimals` places (539000.001 at 2 → true). */
export function wholeAt(value: number, decimals: number): boolean {
  const scale = 10 ** decimals;
  return Number.isInteger(Math.round(value * scale) / scale);
}

/** `fmt` without the decimal part of any section (`#,##0.##;-#,##0.##;""` → `#,##0;-#,##0;""`). */
export function wholeFormat(fmt: string): string {
  return fmt.replace(/\.#+(?![#0])/g, '');
}

/**
 * The format of a number cell of value `value` in a column formatted `fmt`: the whole-number form
 * when the value prints no decimal, `fmt` otherwise (and for a value that is not a number).
 */
export function cellFormat(fmt: string, value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fmt;
  const d = formatDecimals(fmt);
  return d > 0 && wholeAt(value, d) ? wholeFormat(fmt) : fmt;
}

/**
 * The format of a money cell in a column formatted `fmt` (`#,##0.##` when the column holds
 * decimals): the one rule of the grid, the printed form and find (`figureDecimals`): a figure
 * exact at a thousandth of the plan's unit (a typed `1.234,567`) gets `#,##0.###`, a whole one
 * the whole form, any other at most two decimals.
 */
export function figureFormat(fmt: string, value: unknown): string {
  if (typeof value === 'number' && formatDecimals(fmt) === 2 && figureDecimals(value) === 3)
    return fmt.replace(/\.##(?![#0])/g, '.###');
  return cellFormat(fmt, value);
}

/** True when a figure gets the thousandth's format in a column of `#,##0.##` (`figureFormat`). */
export function isThousandth(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && figureDecimals(value) === 3;
}

/** The format of a sum with nothing to add (`domain/emptySums`): its formula stays, 0 shows blank. */
export const BLANK_ZERO = '#,##0;-#,##0;""';
