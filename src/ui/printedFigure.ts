/**
 * A cell of the printed form as the submitted .xlsx shows it: the form lays out what the export
 * writes, so a figure prints with its cell's or its column's number format (`#,##0.##`: at most
 * two decimals; `#,##0`: whole; a percent cell's `0.0%`: its percentage), texts as they are.
 */
import { formatAmount } from '../domain/numbers';
import { formatPercent, percentFormatDecimals } from '../domain/percent';
import type { OutCell } from '../io/export/appendixLayout';
import { BLANK_ZERO, figureFormat, formatDecimals } from '../io/export/cellFormat';
import type { Lang } from './i18n';

/** The text of a printed cell; `colFormat` its column's number format in the export. */
export function printedText(c: OutCell, colFormat: string | undefined, lang: Lang): string {
  const x = c.number ?? (c.formula ? c.value : undefined) ?? c.text;
  if (typeof x !== 'number') return x === null || x === undefined ? '' : String(x);
  // a sum with nothing to add prints blank, as the export shows it (its format's zero section)
  if (x === 0 && c.format === BLANK_ZERO) return '';
  const pct = percentFormatDecimals(c.format);
  if (pct !== undefined) return formatPercent(x, lang, pct);
  // a number outside a figure column (or with no format) keeps its decimals
  return c.numeric ? printedFigure(x, c.format ?? colFormat, lang) : formatAmount(x, lang, 6);
}

/**
 * A figure as the export formats it in a column of `format` (`#,##0.##`: at most two decimals, a
 * thousandth three: `figureFormat`; no format: as it is).
 */
export function printedFigure(x: number, format: string | undefined, lang: Lang): string {
  return formatAmount(x, lang, format ? formatDecimals(figureFormat(format, x)) : 6);
}
