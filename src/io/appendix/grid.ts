/** A raw table as read from any source: text per cell (as shown), optional raw value and formula. */
import { isErrorValue } from './rowKinds';

export interface RawCell {
  /** The text as shown (Vietnamese number style kept: `61.600`). */
  text: string;
  /** The stored value when the source has one (xlsx), else undefined. */
  value?: number | string | boolean | null;
  formula?: string;
  /**
   * A formula the file stored no value for: its value `computed` here from the formula, or
   * `unknown` (a function, workbook or sheet not computed here: left empty, never a figure).
   */
  noValue?: 'computed' | 'unknown';
  bold?: boolean;
  /** The number format the source shows the value with (`#,##0`, `0.0%`). */
  format?: string;
}

export interface RawMerge {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface RawGrid {
  name: string;
  rows: RawCell[][];
  merges: RawMerge[];
  /** 1-based line/row number in the input of each grid row (for messages). */
  lineOf: number[];
  /** Rows (0-based) the source hides. */
  hiddenRows?: Set<number>;
  /** Columns (0-based) the source hides. */
  hiddenCols?: Set<number>;
  /**
   * Rows (0-based) in an outline group (Data → Group: `outlineLevel` 1 or more): a hidden one is a
   * collapsed detail row, still part of the table, not a stale line.
   */
  groupedRows?: Set<number>;
  /** Columns (0-based) in an outline group (`outlineLevel` on `<col>`): collapsed details. */
  groupedCols?: Set<number>;
  /**
   * The AutoFilter's range (0-based, its first row the header): a hidden row inside it is one the
   * filter hides, still part of the table.
   */
  autoFilter?: RawMerge;
}

/**
 * Whether hidden row r is a current row the document folds away, not a stale one: a detail row
 * collapsed in an outline group (`outlineLevel`), or a row under the AutoFilter's header row inside
 * its range (the filter hides it; the totals still count it) that holds no error value.
 */
export function isFolded(g: RawGrid, r: number): boolean {
  if (g.groupedRows?.has(r)) return true;
  const f = g.autoFilter;
  // (a line whose formulas broke, `#REF!`, is a leftover the author hid, whatever filters it)
  return !!f && r > f.r0 && r <= f.r1 && !(g.rows[r] ?? []).some((c) => isErrorValue(c.text));
}

/** Whether a UTF-16 code unit is white space as `\s` and `trim` read it (checked in grid.test). */
export function isSpaceCode(ch: number): boolean {
  if (ch < 128) return ch === 32 || (ch >= 9 && ch <= 13);
  return (
    ch === 0xa0 ||
    ch === 0x1680 ||
    (ch >= 0x2000 && ch <= 0x200a) ||
    ch === 0x2028 ||
    ch === 0x2029 ||
    ch === 0x202f ||
    ch === 0x205f ||
    ch === 0x3000 ||
    ch === 0xfeff
  );
}

/** A text trimmed and its runs of white space made one space (`text.replace(/\s+/g, ' ').trim()`). */
export function shownText(text: string): string {
  // most texts have single plain spaces only: nothing to collapse (no new string, no regex)
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 32) {
      if (space) return text.replace(/\s+/g, ' ').trim();
      space = true;
    } else if ((ch > 32 && ch < 127) || (ch > 0xa0 && ch < 0x2000 && ch !== 0x1680)) space = false;
    else if (isSpaceCode(ch)) return text.replace(/\s+/g, ' ').trim();
    else space = false;
  }
  return space || text.charCodeAt(0) === 32 ? text.trim() : text;
}

/**
 * The shown texts of a grid's rows, each row's made once, on its first read: every pass of the
 * reader reads a cell's text several times. Kept per row array (a row replaced by a copy, as
 * edits do, is read again); kept on the grid under a symbol, out of its keys and copies.
 */
interface ShownRows {
  rows: (readonly RawCell[] | undefined)[];
  texts: (readonly string[] | undefined)[];
}

const SHOWN = Symbol('shownTexts');
const NO_TEXTS: readonly string[] = Object.freeze([]);

/**
 * Line r's cell texts as `cellText` gives them, by column (a column past the row's end reads
 * undefined: ''). Made once per row and kept with the grid (rows are not changed in place once
 * read; a row replaced by another array is read again).
 */
export function rowShown(g: RawGrid, r: number): readonly string[] {
  const row = g.rows[r];
  if (row === undefined) return NO_TEXTS;
  let shown = (g as { [SHOWN]?: ShownRows })[SHOWN];
  if (shown === undefined) {
    shown = { rows: new Array(g.rows.length), texts: new Array(g.rows.length) };
    // a frozen grid is read without keeping its texts
    if (Object.isExtensible(g)) Object.defineProperty(g, SHOWN, { value: shown });
  }
  let texts = shown.texts[r];
  if (texts === undefined || shown.rows[r] !== row) {
    const out = new Array<string>(row.length);
    for (let c = 0; c < row.length; c++) out[c] = shownText(row[c]?.text ?? '');
    shown.texts[r] = texts = out;
    shown.rows[r] = row;
  }
  return texts;
}

/** Text of a cell, trimmed ('' when absent). */
export function cellText(g: RawGrid, r: number, c: number): string {
  return rowShown(g, r)[c] ?? '';
}

/** Number of columns of the widest row. */
export function gridWidth(g: RawGrid): number {
  let w = 0;
  for (const row of g.rows) w = Math.max(w, row.length);
  return w;
}

/** Splits delimited text (tab, semicolon or comma, with quotes) into a raw grid. */
export function gridFromText(text: string, name = 'Sheet1'): RawGrid {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = body.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const sample = lines.slice(0, 50).join('\n');
  const count = (ch: string) => sample.split(ch).length - 1;
  // a table further down (a document's appendix after its prose, whose commas would win the
  // first lines) is tab-separated when lines of the text hold several tabs
  const tabbed = count('\t') > 0 || lines.filter((l) => /\t[^\t]*\t/.test(l)).length >= 2;
  const sep = tabbed ? '\t' : count(';') > count(',') ? ';' : ',';
  const rows =
    sep === '\t' ? lines.map((l) => l.split('\t')) : parseDelimited(lines.join('\n'), sep);
  return {
    name,
    rows: rows.map((r) => r.map((text) => ({ text }))),
    merges: [],
    lineOf: rows.map((_, i) => i + 1),
  };
}

/** RFC-4180-style parsing with quotes (fields may hold newlines). */
function parseDelimited(text: string, sep: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      out.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    out.push(row);
  }
  return out;
}
