/**
 * An appendix sheet for write-excel-file, written fast: the library writes the title block, the
 * header and one sample cell of each body look (so that it creates every style and merge); the body
 * rows are then written straight into the sheet's XML with those styles, formulas carrying their
 * computed values. Per-cell work in the library was most of a 10,000-project export.
 */
import type { AppendixLayout, OutCell } from './appendixLayout';
import { percentFormatDecimals } from '../../domain/percent';
import { BLANK_ZERO, figureFormat, isThousandth, wholeAt } from './cellFormat';
import { cellTextXml, inlineStringCell, plainXml } from './xmlText';

const NAMES: string[] = [];

/** Column letters of a 0-based index (A, …, Z, AA…). */
export function colName(i: number): string {
  const known = NAMES[i];
  if (known !== undefined) return known;
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  if (i >= 0 && i < 16_384) NAMES[i] = s;
  return s;
}

function style(c: OutCell, format: string): Record<string, unknown> {
  // header and total rows carry their borders; the body's come from one conditional format
  const bordered = c.kind === 'header' || c.kind === 'code' || c.kind === 'total';
  const out: Record<string, unknown> = {};
  if (bordered) out.borderStyle = 'thin';
  if (c.kind === 'header' || c.kind === 'title' || c.kind === 'section' || c.kind === 'total')
    out.fontWeight = 'bold';
  if (c.kind === 'stated' || c.kind === 'subtitle' || c.kind === 'unit' || c.kind === 'code')
    out.fontStyle = 'italic';
  if (c.kind === 'title') out.fontSize = 14;
  if (c.kind === 'header') {
    out.wrap = true;
    out.alignVertical = 'center';
  }
  if ((c.kind === 'project' || c.kind === 'section') && c.indent !== undefined) out.wrap = true;
  // numbers align right by default in every spreadsheet: say so only for texts
  if (c.align && c.align !== 'left' && !(c.numeric && c.align === 'right')) out.align = c.align;
  if (c.indent) out.indent = c.indent;
  if (c.numeric) out.format = numberFormat(c, format);
  if (c.bold) out.fontWeight = 'bold';
  if (c.italic) out.fontStyle = 'italic';
  if (c.underline) out.textDecoration = { underline: true };
  if (c.size) out.fontSize = c.size;
  if (c.wrap) out.wrap = true;
  return out;
}

/**
 * A number cell's format: its own (a percent cell's), else its column's for its figure (a
 * thousandth keeps its third decimal: `figureFormat`, the grid's rule).
 */
const numberFormat = (c: OutCell, format: string): string =>
  c.format ?? figureFormat(format, figureOf(c));

const isText = (c: OutCell) => !c.formula && c.number === undefined;

/** A cell's figure: its number, or the computed value of its formula. */
const figureOf = (c: OutCell): unknown => (c.formula ? c.value : c.number);

/**
 * Decimals of the appendix formats (`#,##0.##`): a figure that prints decimals there is a look of
 * its own, as its format keeps them (cellFormat.ts).
 */
const DECIMALS = 2;

/** The look-key offset of a figure printing decimals (added to a whole figure's look). */
export const FRACTION_LOOK = 4 * 64 * 4096;

/** True when a figure prints decimals in an appendix format (`#,##0.##`). */
export function isFraction(v: unknown): boolean {
  return typeof v === 'number' && Number.isFinite(v) && !wholeAt(v, DECIMALS);
}

/** A layout cell's look in write-excel-file's properties (a text carries no number format). */
export function appendixCellStyle(c: OutCell, format: string): Record<string, unknown> {
  const st = style(c, format);
  if (isText(c)) delete st.format;
  return st;
}

const KINDS = [
  'title',
  'subtitle',
  'unit',
  'header',
  'code',
  'section',
  'project',
  'stated',
  'total',
  'form',
];
const ALIGNS = [undefined, 'left', 'center', 'right'];

/**
 * A body cell's look as a number (kind, alignment, indent, numeric, text, column's format, and
 * whether its figure prints decimals).
 */
export function lookKey(c: OutCell, col: number): number {
  const k = KINDS.indexOf(c.kind) * 4 + ALIGNS.indexOf(c.align);
  const flags =
    (c.numeric && isFraction(figureOf(c)) ? 4 : 0) + (c.numeric ? 2 : 0) + (isText(c) ? 1 : 0);
  const key = ((k * 8 + flags) * 64 + Math.min(c.indent ?? 0, 63)) * 4096 + col;
  if (!c.format) return c.numeric && isThousandth(figureOf(c)) ? key + THOUSANDTH_LOOK : key;
  if (c.format === BLANK_ZERO) return key + BLANK_LOOK;
  return key + PERCENT_LOOK * (1 + Math.min(percentFormatDecimals(c.format) ?? 0, 6));
}

/** The look-key offset of a percent cell (`0.0%`, its decimals apart): plain looks stay below. */
const PERCENT_LOOK = 2 ** 27;

/** The look-key offset of a figure exact at a thousandth (`#,##0.###`), above every percent's. */
const THOUSANDTH_LOOK = 2 ** 30;

/** The look-key offset of a sum with nothing to add (`BLANK_ZERO`), above every other. */
const BLANK_LOOK = 2 ** 31;

/** An empty body cell needs no cell at all (its border comes from the conditional format). */
export function skipped(c: OutCell): boolean {
  return (
    !c.formula &&
    c.number === undefined &&
    !c.text &&
    (c.kind === 'project' || c.kind === 'section' || c.kind === 'stated') &&
    !c.height &&
    !c.colSpan
  );
}

/** What the library writes of an appendix sheet, and how to write the body after it. */
export interface AppendixSheetData {
  data: unknown[][];
  /** A1 address of the sample cell of each body look. */
  samples: Map<number, string>;
  /** Look of every body cell (row-major from the first body row; -1: no cell). */
  looks: Int32Array;
  width: number;
}

/** The cells handed to write-excel-file: the whole head, and one sample per body look. */
export function appendixSheetData(l: AppendixLayout): AppendixSheetData {
  const styles = new Map<string, Record<string, unknown>>();
  const samples = new Map<number, string>();
  const width = l.widths.length;
  const looks = new Int32Array(Math.max(0, l.rows.length - l.firstRow) * width).fill(-1);
  const libraryCell = (c: OutCell, format: string) => {
    const key = `${c.kind}|${c.numeric ? numberFormat(c, format) : format}|${c.align}|${c.indent ?? 0}|${c.numeric}|${isText(c)}|${c.colSpan ?? 1}|${c.rowSpan ?? 1}|${c.height ?? 0}|${c.bold}|${c.italic}|${c.underline}|${c.size}|${c.wrap}`;
    let st = styles.get(key);
    if (!st) {
      st = {
        ...style(c, format),
        ...(c.colSpan ? { columnSpan: c.colSpan } : {}),
        ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}),
        ...(c.height ? { height: c.height } : {}),
      };
      if (isText(c)) delete st.format;
      styles.set(key, st);
    }
    if (c.formula) return { type: 'Formula', value: c.formula, ...st };
    if (c.number !== undefined) return { type: Number, value: c.number, ...st };
    if (c.text) return { type: String, value: c.text, ...st };
    return { value: null, ...st };
  };
  const data: unknown[][] = [];
  for (let r = 0; r < l.rows.length; r++) {
    const row = l.rows[r];
    const out: unknown[] = new Array(row.length).fill(null);
    for (let i = 0; i < row.length; i++) {
      const c = row[i];
      if (!c) continue;
      const format = l.formats[i] ?? '#,##0';
      if (r < l.firstRow) {
        out[i] = libraryCell(c, format);
        continue;
      }
      if (skipped(c)) continue;
      const look = lookKey(c, i);
      looks[(r - l.firstRow) * width + i] = look;
      // merged and tall cells are always the library's (it writes the merge and the row height)
      const special = !!(c.colSpan || c.rowSpan || c.height || c.kind === 'form');
      if (special || !samples.has(look)) {
        if (!special) samples.set(look, `${colName(i)}${r + 1}`);
        out[i] = libraryCell(c, format);
      }
    }
    data.push(out);
  }
  return { data, samples, looks, width };
}

/** A layout cell's XML at `ref` in the style attribute `s` (formulas with their computed values). */
export function cellXml(ref: string, s: string, c: OutCell): string {
  if (c.formula) {
    const f = `<f>${plainXml(c.formula.replace(/^=/, ''))}</f>`;
    const v = c.value;
    if (typeof v === 'number') return `<c r="${ref}"${s}>${f}<v>${v}</v></c>`;
    if (typeof v === 'string') return `<c r="${ref}"${s} t="str">${f}<v>${cellTextXml(v)}</v></c>`;
    return `<c r="${ref}"${s}>${f}</c>`;
  }
  if (c.number !== undefined) return `<c r="${ref}"${s}><v>${c.number}</v></c>`;
  if (c.text) return inlineStringCell(ref, s, c.text);
  return `<c r="${ref}"${s}/>`;
}

const ROW = /<row r="(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c r="([A-Z]+\d+)"( s="\d+")?/g;

/** The sheet's XML with every body row written from the layout, in the library's styles. */
export function withBody(content: string, l: AppendixLayout, d: AppendixSheetData): string {
  const open = content.indexOf('<sheetData>');
  const close = content.indexOf('</sheetData>');
  if (open < 0 || close < 0) return content;
  const inner = content.slice(open + '<sheetData>'.length, close);
  const styleAt = new Map<string, string>();
  const rowAttrs = new Map<number, string>();
  let head = '';
  for (const m of inner.matchAll(ROW)) {
    const n = Number(m[1]);
    if (n <= l.firstRow) {
      head += m[0];
      continue;
    }
    rowAttrs.set(n, m[2]);
    for (const c of (m[3] ?? '').matchAll(CELL)) styleAt.set(c[1], c[2] ?? '');
  }
  const byLook = new Map<number, string>();
  for (const [look, ref] of d.samples) byLook.set(look, styleAt.get(ref) ?? '');
  const parts: string[] = [head];
  for (let r = l.firstRow; r < l.rows.length; r++) {
    const n = r + 1;
    const row = l.rows[r];
    let cells = '';
    for (let i = 0; i < row.length; i++) {
      const look = d.looks[(r - l.firstRow) * d.width + i];
      if (look < 0) continue;
      const ref = `${colName(i)}${n}`;
      cells += cellXml(ref, styleAt.get(ref) ?? byLook.get(look) ?? '', row[i]!);
    }
    let attrs = rowAttrs.get(n) ?? '';
    const ht = l.heights?.[r - l.firstRow];
    if (ht && !/ ht="/.test(attrs)) attrs += ` ht="${ht}" customHeight="1"`;
    parts.push(`<row r="${n}"${attrs}>${cells}</row>`);
  }
  return `${content.slice(0, open)}<sheetData>${parts.join('')}${content.slice(close)}`;
}

/** A sheet's XML with the cached value of each formula cell written by the library (by A1 address). */
export function withCachedValues(content: string, values: Map<string, number | string>): string {
  return content.replace(
    /<c r="([A-Z]+\d+)"([^>]*)><f>=?([^<]*)<\/f><\/c>/g,
    (_m, ref: string, attrs: string, f: string) => {
      const v = values.get(ref);
      if (v === undefined) return `<c r="${ref}"${attrs}><f>${f}</f></c>`;
      return typeof v === 'number'
        ? `<c r="${ref}"${attrs}><f>${f}</f><v>${v}</v></c>`
        : `<c r="${ref}"${attrs} t="str"><f>${f}</f><v>${cellTextXml(v)}</v></c>`;
    },
  );
}
