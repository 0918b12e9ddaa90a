/**
 * The fast path of a long appendix's body: a plain project row (numbers and texts, the row total's
 * SUM when the form shows it; no formula of the user's) written as XML straight from the model,
 * without a layout cell per cell. It writes exactly what the layout path writes (same cells, same
 * styles found in the same order, same row heights); any other row returns null and is laid out.
 */
import { isNumericLeaf } from '../../domain/columns';
import { gridText } from '../../domain/grid';
import type { AppendixSheet, ColumnLeaf } from '../../domain/types';
import type { OutCell, SheetValues } from './layoutTypes';
import { colName, FRACTION_LOOK, isFraction, lookKey } from './appendixSheet';
import { rowRanges } from './layoutParts';
import { fitsOneLine, rowHeight, wrappedLines } from './textFit';
import { cellTextXml, plainXml } from './xmlText';

/** What the fast path reads of a lazy layout: the sheet, the exported columns, the values. */
export interface PlainSource {
  sheet: AppendixSheet;
  /** The exported columns (the printed form's). */
  leaves: ColumnLeaf[];
  values: SheetValues;
  /** Export columns of the amounts (what a row total adds up). */
  amountCols: number[];
}

/** A row's cells as XML and its height in points (0: the default). */
export interface PlainRow {
  xml: string;
  height: number;
}

/** The style attribute (` s="N"`) of a body cell's look; `cell` makes the cell when it is new. */
export type LookStyle = (look: number, cell: () => OutCell, col: number) => string;

interface Col {
  leaf: ColumnLeaf;
  numeric: boolean;
  align: OutCell['align'];
  name: boolean;
  rowTotal: boolean;
  /** `<c r="B` */
  open: string;
  width: number;
  /** Look of the column's number and text cells at indent 0 (a name's indent adds to it). */
  lookNumber: number;
  lookText: number;
}

/**
 * A writer of plain project rows of `src` (row i of the sheet at 1-based sheet row `excelRow`), or
 * null for a row it does not write.
 */
export function plainRows(
  src: PlainSource,
  widths: readonly number[],
  style: LookStyle,
): (i: number, excelRow: number) => PlainRow | null {
  const { sheet, values: v } = src;
  const cols: Col[] = src.leaves.map((leaf, c) => {
    const numeric = isNumericLeaf(leaf);
    const align = numeric ? 'right' : leaf.role === 'number' ? 'center' : 'left';
    const name = leaf.role === 'name';
    const proto = (text: boolean): OutCell => ({
      kind: 'project',
      numeric,
      align,
      ...(name ? { indent: 0 } : {}),
      ...(text ? { text: 'x' } : { number: 0 }),
    });
    return {
      leaf,
      numeric,
      align,
      name,
      rowTotal: leaf.role === 'rowTotal',
      open: `<c r="${colName(c)}`,
      width: widths[c] ?? 0,
      lookNumber: lookKey(proto(false), c),
      lookText: lookKey(proto(true), c),
    };
  });
  const attrs = new Map<number, string>();
  const attr = (
    look: number,
    col: Col,
    c: number,
    level: number,
    text: boolean,
    fraction = false,
  ): string => {
    let s = attrs.get(look);
    if (s === undefined) {
      s = style(
        look,
        () => ({
          kind: 'project',
          numeric: col.numeric,
          align: col.align,
          ...(col.name ? { indent: level } : {}),
          ...(text ? { text: 'x' } : { number: fraction ? 0.5 : 0 }),
        }),
        c,
      );
      attrs.set(look, s);
    }
    return s;
  };
  const colOf = new Map(cols.map((col, c) => [col.leaf.id, c]));
  const vals: unknown[] = new Array<unknown>(cols.length);
  return (i, excelRow) => {
    const r = sheet.rows[i];
    // a row with percent cells is laid out (their format is the cell's own, not the column's)
    if (r.kind !== 'project' || r.percent) return null;
    // the row's own cells by column, in one pass over them (faster than a look-up per column,
    // rows differing in shape; only numbers and texts are written, as before)
    const cells = r.cells;
    vals.fill(undefined);
    for (const key in cells) {
      const c = colOf.get(key);
      if (c !== undefined) vals[c] = cells[key];
    }
    // a formula of the user's is laid out (its references move, it may read another sheet)
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c];
      const x = vals[c];
      if (col.numeric && !col.rowTotal && typeof x === 'string' && x.startsWith('=')) return null;
    }
    const level = r.level;
    const indentLook = Math.min(level, 63) * 4096;
    let xml = '';
    let lines = 0;
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c];
      if (col.rowTotal) {
        if (!src.amountCols.length) continue;
        const value = v.value(i, col.leaf.id);
        const fraction = col.numeric && isFraction(value);
        const look = col.lookNumber + (fraction ? FRACTION_LOOK : 0);
        const s = attr(look, col, c, level, false, fraction);
        const f = `<f>${plainXml(`SUM(${rowRanges(src.amountCols, excelRow)})`)}</f>`;
        xml +=
          typeof value === 'number' && Number.isFinite(value)
            ? `${col.open}${excelRow}"${s}>${f}<v>${value}</v></c>`
            : `${col.open}${excelRow}"${s}>${f}</c>`;
        continue;
      }
      const x = vals[c];
      if (typeof x === 'number') {
        const fraction = col.numeric && isFraction(x);
        const look = col.lookNumber + (col.name ? indentLook : 0) + (fraction ? FRACTION_LOOK : 0);
        xml += `${col.open}${excelRow}"${attr(look, col, c, level, false, fraction)}><v>${x}</v></c>`;
        continue;
      }
      if (typeof x !== 'string') continue;
      const text = col.numeric ? gridText(x) : x;
      if (!text) continue;
      const look = col.lookText + (col.name ? indentLook : 0);
      xml += `${col.open}${excelRow}"${attr(look, col, c, level, true)} t="inlineStr"><is><t xml:space="preserve">${cellTextXml(text)}</t></is></c>`;
      if (!col.numeric) {
        const fit = { bold: false, indent: col.name ? level : undefined };
        const n = fitsOneLine(text, col.width, fit) ? 1 : wrappedLines(text, col.width, fit);
        if (n > lines) lines = n;
      }
    }
    return { xml, height: lines ? rowHeight(lines) : 0 };
  };
}
