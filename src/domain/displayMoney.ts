/**
 * Money beside the grid (years view, consolidation) in a display unit, through the same domain
 * code as the appendix grid: `toDisplay` to show, `parseInput` (with `inputScale`) to read back.
 */
import { amountDecimals, inputScale, type SheetDisplay, toDisplay } from './display';
import { formatAmount } from './numbers';
import { parseInput } from './policy';

/**
 * Formats a figure in the plan's unit (`planUnit`) as the display settings show it ('' for null):
 * the one formatter of money outside the appendix grid (decimals: `amountDecimals`).
 */
export function moneyText(
  planUnit: string,
  display: SheetDisplay | undefined,
  lang: 'vi' | 'en',
): (v: number | null) => string {
  return (v) =>
    v === null
      ? ''
      : formatAmount(toDisplay(v, planUnit, display), lang, amountDecimals(planUnit, display, v));
}

/**
 * Reads a figure typed in the display unit back into the plan's unit: a number, null for blank
 * (or a lone dash), `{invalid}` for anything else (formulas included: these inputs take figures).
 */
export function readMoney(
  text: string,
  planUnit: string,
  display: SheetDisplay | undefined,
): number | null | { invalid: string } {
  const v = parseInput(text, undefined, 'auto', inputScale(planUnit, display));
  if (v === null || typeof v === 'number') return v;
  return typeof v === 'string' ? { invalid: text } : v;
}
