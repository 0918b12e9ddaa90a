/**
 * The HTML a copy puts on the clipboard for spreadsheets (Excel, LibreOffice Calc) and documents: a
 * table of the cells as shown. Both spreadsheets parse a cell's text in their own locale, so:
 * - a number carries its value apart from the text shown in the user's style (`61.600` in
 *   Vietnamese, which an English spreadsheet reads as 61.6): `x:num` for Excel, `sdval` with
 *   `sdnum` for LibreOffice (which reads `sdval` only beside an `sdnum`);
 * - a text a spreadsheet would read as something else (`0123`, a code; `1/2`; `=1+2`; `TRUE`) is
 *   marked as text: `mso-number-format:"\@"` for Excel, `sdnum="…;@"` for LibreOffice.
 * LibreOffice's paste of HTML is its HTML import (clipboardHtml.test.ts converts through it).
 */
import { clean, formatAmount } from '../domain/numbers';
import { formatPercent, percentFormat } from '../domain/percent';
import { escapeMarkup } from '../io/export/xmlText';

/**
 * A cell as shown: a number (as displayed, in the view's unit), a percent cell (its fraction and
 * the decimals its percentage prints, domain/percent), or its text ('' when blank).
 */
export type ShownValue = string | number | ShownPercent;

/** A percent cell as copied: 0.053 printing 1 decimal (`5.3%` in the text, `0.0%` in spreadsheets). */
export interface ShownPercent {
  fraction: number;
  decimals: number;
}

/** The plain text of a shown cell (the clipboard's TSV): numbers as JS writes them, `5.3%`. */
export function shownText(v: ShownValue): string {
  if (typeof v !== 'object') return String(v);
  return `${clean(v.fraction * 100)}%`;
}

/** The root of the document: Excel reads `x:` attributes in its Office namespace. */
const HEAD =
  '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  '<head><meta charset="utf-8"></head><body><table>';
const TAIL = '</table></body></html>';

/** LibreOffice's number format of a pasted number: English (US, LCID 1033), General. */
const SDNUM_NUMBER = '1033;0;General';
/** LibreOffice's number format of a pasted text: the text format `@`. */
const SDNUM_TEXT = '1033;0;@';

/**
 * Whether a spreadsheet pasting this text could read it as a number, date, percentage, formula,
 * error or truth value instead of the text itself (it starts like one, or is TRUE/FALSE).
 */
export function readsAsNonText(text: string): boolean {
  return /^\s*[-+=.,(#$%€₫\d]/.test(text) || /^\s*(true|false)\s*$/i.test(text);
}

/** One cell's `<td>`: a number with its value, a text marked as text when it needs to be. */
function cellHtml(v: ShownValue, lang: 'vi' | 'en'): string {
  if (typeof v === 'object') {
    const value = String(v.fraction);
    const fmt = percentFormat(v.decimals);
    return `<td x:num="${value}" style='mso-number-format:"${fmt.replace('.', '\\.')}"' sdval="${value}" sdnum="1033;0;${fmt}">${formatPercent(v.fraction, lang, v.decimals)}</td>`;
  }
  if (typeof v === 'number' && Number.isFinite(v)) {
    const value = String(v);
    return `<td x:num="${value}" sdval="${value}" sdnum="${SDNUM_NUMBER}">${formatAmount(v, lang)}</td>`;
  }
  const text = String(v);
  if (text !== '' && readsAsNonText(text))
    return `<td style='mso-number-format:"\\@"' sdnum="${SDNUM_TEXT}">${escapeMarkup(text)}</td>`;
  return `<td>${escapeMarkup(text)}</td>`;
}

/**
 * The clipboard's `text/html` for a copied block of shown values (rows of cells), numbers shown in
 * the user's style `lang` and carrying their value, texts a spreadsheet would convert kept as text.
 */
export function clipboardHtml(
  values: readonly (readonly ShownValue[])[],
  lang: 'vi' | 'en',
): string {
  const rows = values.map((r) => `<tr>${r.map((v) => cellHtml(v, lang)).join('')}</tr>`);
  return `${HEAD}${rows.join('')}${TAIL}`;
}
