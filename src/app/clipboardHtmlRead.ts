/**
 * Reading the `text/html` a spreadsheet (Excel, LibreOffice Calc) or Planbook puts on the clipboard:
 * the table's cells with the marks `clipboardHtml.ts` writes and the spreadsheets write — a
 * number's value apart from the text shown in the copier's locale (`x:num="…"` for Excel, `sdval`
 * for LibreOffice), a cell kept as text (`mso-number-format:"\@"` inline or in the class Excel's
 * `<style>` gives it, LibreOffice's `sdnum="…;@"`). A paste reads these before the plain text,
 * whose `61.600` could be 61600 or 61.6.
 */

/** A pasted cell: its text as shown, its value when the copier stated it, or marked as text. */
export interface HtmlCell {
  text: string;
  /** The number the cell holds (stated by `x:num="…"` or `sdval`). */
  value?: number;
  /** Marked as text by the copier (a code such as 0123 is not a number). */
  isText?: boolean;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** HTML text with its character references decoded (named ones of HTML's markup, numeric ones). */
function decode(s: string): string {
  return s.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** An attribute of a tag's attribute text (quoted or not; '' for a bare one; undefined if absent). */
function attr(attrs: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*("[^"]*"|'[^']*'|[^\\s>]+))?`, 'i');
  const m = re.exec(attrs);
  if (!m) return undefined;
  const v = m[1] ?? '';
  return decode(v[0] === '"' || v[0] === "'" ? v.slice(1, -1) : v);
}

/** Says a style text sets Excel's text format (`mso-number-format:"\@"`, or `@` alone). */
const TEXT_FORMAT = /mso-number-format\s*:\s*["']?\\*@\\*["']?\s*(?:;|$)/i;

/** The classes Excel's `<style>` gives the text format (`.xl65 {mso-number-format:"\@";}`). */
function textClasses(html: string): Set<string> {
  const out = new Set<string>();
  for (const style of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi))
    for (const rule of style[1].matchAll(/([^{}]+)\{([^}]*)\}/g))
      if (TEXT_FORMAT.test(rule[2]))
        for (const sel of rule[1].matchAll(/\.([\w-]+)/g)) out.add(sel[1].toLowerCase());
  return out;
}

/** A number an attribute states ('' or not a number: none). */
function stated(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v.trim());
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The rows of cells of the first table in clipboard HTML (a cell spanning columns followed by
 * empty ones), or null when there is no table: each cell's text as shown (tags dropped, spaces
 * collapsed), its value when stated, and whether it is marked as text.
 */
export function readClipboardHtml(html: string): HtmlCell[][] | null {
  const table = /<table[^>]*>([\s\S]*?)<\/table>/i.exec(html);
  if (!table) return null;
  const classes = textClasses(html);
  const rows: HtmlCell[][] = [];
  for (const tr of table[1].matchAll(/<tr[^>]*>([\s\S]*?)(?=<tr[\s>]|<\/tr>|$)/gi)) {
    const row: HtmlCell[] = [];
    for (const td of tr[1].matchAll(/<t([dh])([^>]*)>([\s\S]*?)(?=<t[dh][\s>]|<\/t[dh]>|$)/gi)) {
      const attrs = td[2];
      const text = decode(
        td[3]
          .replace(/<br\s*\/?>/gi, ' ')
          .replace(/<[^>]*>/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      );
      const cls = (attr(attrs, 'class') ?? '').toLowerCase().split(/\s+/);
      const isText =
        TEXT_FORMAT.test(attr(attrs, 'style') ?? '') ||
        cls.some((c) => classes.has(c)) ||
        /;@$/.test(attr(attrs, 'sdnum') ?? '');
      const value = isText
        ? undefined
        : (stated(attr(attrs, 'x:num')) ?? stated(attr(attrs, 'sdval')));
      row.push({ text, ...(value !== undefined ? { value } : {}), ...(isText ? { isText } : {}) });
      const span = Number(attr(attrs, 'colspan') ?? 1);
      for (let k = 1; k < Math.min(span, 1000); k++) row.push({ text: '' });
    }
    rows.push(row);
  }
  return rows.length ? rows : null;
}
