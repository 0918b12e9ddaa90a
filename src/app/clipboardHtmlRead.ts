/**
 * Reading the `text/html` a spreadsheet (Excel, LibreOffice Calc) or Planbook puts on the clipboard:
 * the table's cells with the marks `clipboardHtml.ts` writes and the spreadsheets write — a
 * number's value apart from the text shown in the copier's locale (`x:num="…"` for Excel, `sdval`
 * for LibreOffice), a cell kept as text (`mso-number-format:"\@"` inline or in the class Excel's
 * `<style>` gives it, LibreOffice's `sdnum="…;@"`). A paste reads these before the plain text,
 * whose `61.600` could be 61600 or 61.6.
 */

import type { PastedCell } from '../domain/typedText';
import { parseTsv } from './tsv';

/** A pasted cell: its text as shown, its value when the copier stated it, or marked as text. */
export type HtmlCell = PastedCell;

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

/** The pattern of each attribute read (built once: a pasted block reads thousands of cells). */
const ATTR = new Map<string, RegExp>();

/** An attribute of a tag's attribute text (quoted or not; '' for a bare one; undefined if absent). */
function attr(attrs: string, name: string): string | undefined {
  let re = ATTR.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*("[^"]*"|'[^']*'|[^\\s>]+))?`, 'i');
    ATTR.set(name, re);
  }
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

/** One `<td>`/`<th>`'s cell: its text as shown, its stated value, its text mark. */
function readCell(attrs: string, body: string, classes: Set<string>): HtmlCell {
  const text = decode(
    body
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
  const value = isText ? undefined : (stated(attr(attrs, 'x:num')) ?? stated(attr(attrs, 'sdval')));
  return { text, ...(value !== undefined ? { value } : {}), ...(isText ? { isText } : {}) };
}

/** A span attribute as a count of cells (1 when absent or unreadable; at most 1000). */
function span(attrs: string, name: string): number {
  const n = Math.floor(Number(attr(attrs, name) ?? 1));
  return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : 1;
}

/**
 * The rows of cells of the first table in clipboard HTML, or null when there is no table: each
 * cell's text as shown (tags dropped, spaces collapsed), its value when stated, and whether it is
 * marked as text. A merged cell (`colspan`, `rowspan`) is laid out as the spreadsheet's plain text
 * lays it out: its content in its first cell, the others it covers empty.
 */
export function readClipboardHtml(html: string): HtmlCell[][] | null {
  const table = /<table[^>]*>([\s\S]*?)<\/table>/i.exec(html);
  if (!table) return null;
  const classes = textClasses(html);
  const rows: HtmlCell[][] = [];
  // the columns a cell of a row above still covers: column → rows left
  const below = new Map<number, number>();
  for (const tr of table[1].matchAll(/<tr[^>]*>([\s\S]*?)(?=<tr[\s>]|<\/tr>|$)/gi)) {
    const row: HtmlCell[] = [];
    const covered = () => (below.get(row.length) ?? 0) > 0;
    for (const td of tr[1].matchAll(/<t([dh])([^>]*)>([\s\S]*?)(?=<t[dh][\s>]|<\/t[dh]>|$)/gi)) {
      while (covered()) row.push({ text: '' });
      const attrs = td[2];
      const [cols, down] = [span(attrs, 'colspan'), span(attrs, 'rowspan')];
      for (let k = 0; k < cols; k++) {
        if (down > 1) below.set(row.length, down);
        row.push(k === 0 ? readCell(attrs, td[3], classes) : { text: '' });
      }
    }
    while ([...below.keys()].some((c) => c >= row.length && below.get(c)! > 0)) {
      row.push({ text: '' });
    }
    for (const [c, n] of below)
      if (n > 1) below.set(c, n - 1);
      else below.delete(c);
    rows.push(row);
  }
  return rows.length ? rows : null;
}

/**
 * The cells of a pasted block: from `html` (the clipboard's `text/html`, '' when none) when it
 * holds a table — values and text marks as the copier stated them — else from `plain`
 * (tab-separated text), each cell its text alone.
 */
export function pastedCells(plain: string, html: string): HtmlCell[][] {
  return (
    (html && readClipboardHtml(html)) || parseTsv(plain).map((r) => r.map((text) => ({ text })))
  );
}
