/**
 * Text as it goes into the parts of an `.xlsx` package: escaped for XML, with the characters XML 1.0
 * cannot hold written as the format's `_xHHHH_` escapes (so a reader gets them back), and cell texts
 * kept within what a spreadsheet accepts.
 */

/** A spreadsheet cell holds at most this many characters (Excel's limit). */
export const MAX_CELL_TEXT = 32_767;

// eslint-disable-next-line no-control-regex -- control characters are exactly what XML 1.0 forbids
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const hex4 = (c: string) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** Anything escapeMarkup or cellTextXml would change (most texts need neither). */
// eslint-disable-next-line no-control-regex -- control characters are what must be escaped
const SPECIAL = /[&<>"\r_\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escapes XML markup characters (for text and double-quoted attribute values). */
export function escapeMarkup(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** At most `n` UTF-16 units of `s`, never cutting a surrogate pair in two. */
export function clip(s: string, n: number): string {
  if (s.length <= n) return s;
  const cut = /[\uD800-\uDBFF]/.test(s[n - 1] ?? '') ? n - 1 : n;
  return s.slice(0, cut);
}

/**
 * A cell's text (shared, inline or cached formula string) as XML content: a literal `_xHHHH_` is
 * protected (`_x005F_xHHHH_`), characters XML cannot hold become `_xHHHH_`, a carriage return
 * `&#13;` (XML parsers would turn a raw one into a line feed), unpaired surrogates U+FFFD.
 */
export function cellTextXml(s: string): string {
  if (s.length <= MAX_CELL_TEXT && !SPECIAL.test(s)) return s;
  return escapeMarkup(
    clip(s, MAX_CELL_TEXT)
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
      .replace(LONE_SURROGATE, '\uFFFD')
      .replace(NOT_XML, (c) => `_x${hex4(c)}_`),
  ).replace(/\r/g, '&#13;');
}

/** An inline-string cell (`t="inlineStr"`) at `ref` with the style attribute `s` (may be ''). */
export function inlineStringCell(ref: string, s: string, text: string): string {
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${cellTextXml(text)}</t></is></c>`;
}

/** Text for places with no escape mechanism (formulas, names): characters XML cannot hold dropped. */
export function plainXml(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return escapeMarkup(s.replace(LONE_SURROGATE, '\uFFFD').replace(NOT_XML, ''));
}
