/**
 * The printed form of an appendix sheet as cells (what appendixLayout.ts makes and the sheet
 * writers write): a cell's kind and look, the values it reads, the layout of a whole sheet.
 */
import type { PrintStrips } from './appendixPrint';
import type { PlainSource } from './plainRows';
import type { StatedFigure } from './statedCells';

export type CellKind =
  | 'title'
  | 'subtitle'
  | 'unit'
  | 'header'
  | 'code'
  | 'section'
  | 'project'
  | 'stated'
  | 'total'
  | 'form';

export interface OutCell {
  kind: CellKind;
  /** Row height in points (set on a row's first cell when its texts wrap). */
  height?: number;
  /** A text, a number, or a formula (starting with `=`) with its computed value. */
  text?: string;
  number?: number;
  formula?: string;
  value?: number | string | null;
  colSpan?: number;
  rowSpan?: number;
  numeric?: boolean;
  /** The cell's own number format over its column's (a percent cell: `0.0%`, domain/percent). */
  format?: string;
  align?: 'left' | 'center' | 'right';
  indent?: number;
  /** Emphasis and size of the printed form's lines (kind `form`). */
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  wrap?: boolean;
}

export interface SheetValues {
  /** Computed value of a visible cell of row i. */
  value(i: number, colId: string): unknown;
  /** Computed total for a source (null: all) in a column. */
  total(source: string | null, colId: string): unknown;
}

export interface AppendixLayout {
  rows: (OutCell | null)[][];
  widths: number[];
  /** Rows above the first data row (title block + header + code row); data row i is at firstRow + i. */
  firstRow: number;
  headerStart: number;
  /** Number formats per column (`#,##0` or `#,##0.##`). */
  formats: string[];
  /** Indexes of the computed total rows (0-based, in `rows`); none when the plan has its own. */
  totalRows: number[];
  /** 1-based rows of the top-level rows (what a grand total adds up). */
  topRows?: number[];
  /** Stated figures written as the formulas of their rows (they differ), and those kept as stated. */
  replaced?: StatedFigure[];
  kept?: StatedFigure[];
  /** Height in points of every body row (from `firstRow`; 0: the default). */
  heights?: number[];
  /** Printed in strips of columns (appendixPrint.ts); absent: one page wide. */
  print?: PrintStrips;
  /** Rows of the table (header to totals); the signature block follows. */
  tableEnd?: number;
  /**
   * A lazy layout's body row i (at `firstRow + i`) and its height, made when asked (once each: the
   * stated figures it replaces or keeps are listed then); `rows` holds an empty row in its place.
   */
  body?: (i: number) => { row: (OutCell | null)[]; height: number };
  bodyCount?: number;
  /** A lazy layout's sheet, columns and values: plain project rows are written from them directly. */
  plain?: PlainSource;
}
