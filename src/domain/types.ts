/** Planbook's plan model: pure data, serialisable as JSON. Amounts are in the plan's unit. */
import type { SheetDisplay } from './display';
import type { NumberingScheme } from './numbering';

export type Id = string;

/** A cell's raw content: a number, a text, a formula (a string starting with '='), or blank. */
export type CellInput = number | string | null;

/** What a leaf column holds. */
export type ColumnRole =
  | 'number' // TT: the row's numbering as written (1, I, A, 1.1, -, +)
  | 'name' // Tên dự án / nội dung
  | 'lead' // Đơn vị thực hiện
  | 'coord' // Đơn vị phối hợp
  | 'amount' // an amount for a year and/or a capital source
  | 'rowTotal' // computed: the sum of the row's amount cells (a formula, never typed)
  | 'stated' // Tổng mức đầu tư: a figure the document states
  | 'notes' // Ghi chú
  | 'text' // a free text column
  | 'value'; // a free numeric column

export interface ColumnLeaf {
  kind: 'leaf';
  id: Id;
  label: string;
  role: ColumnRole;
  year?: number;
  /** Canonical source code, e.g. 'ĐTPT', 'SN'. */
  source?: string;
  /** The column code as printed in the code row (`1`, `4=2-3`). */
  code?: string;
  width?: number;
  /** False for figures that are never added up (ratios, percentages, indices). */
  additive?: false;
  /** Decimals the source printed this column's figures with (sets the rounding tolerance). */
  decimals?: number;
  /**
   * A computed row total (`rowTotal`) the user put on the form: shown and exported. Without it the
   * row total stays Planbook's own (checks, views), neither shown nor exported.
   */
  onForm?: true;
}

export interface ColumnGroup {
  kind: 'group';
  id: Id;
  label: string;
  year?: number;
  children: ColumnNode[];
}

export type ColumnNode = ColumnLeaf | ColumnGroup;

export type RowKind = 'section' | 'project' | 'total';

export interface Row {
  id: Id;
  kind: RowKind;
  /** Depth in the row tree: 0 for top-level sections. */
  level: number;
  /**
   * Raw cells keyed by column id. For projects these are the inputs. For sections and total rows
   * numeric cells are the figures the document states (checked against the computed ones); a total
   * row may also key a figure by a year group's id (a merged cell over that year's sources).
   */
  cells: Record<Id, CellInput>;
  /** For total rows: which source the row totals (absent: all sources). */
  totalSource?: string;
  /** A reader's remark about this row (e.g. how an ambiguous figure was read). */
  remark?: string;
  /**
   * A row that is not added into its parent: an *of which* breakdown (*Trong đó*), or a ratio row
   * (*Tỷ lệ … so GDP*).
   */
  part?: RowPart;
  /** A rule the row's label states (`A=I+II+III`, `(A+B+C)`, `C = B - A`), as written. */
  rule?: string;
  /** The number (TT) was typed by hand: renumbering keeps it unless asked to renumber all. */
  manualNumber?: true;
  /**
   * Footnote markers printed in figure cells (`(1)`, `(*)`), by column id: the note they point
   * to speaks for the figure (kept as notes, never as numbers).
   */
  marks?: Record<Id, string>;
  /**
   * Figures shown as percentages (the source's `0.0%`): by column id (or year group id), the
   * decimals of the percentage printed. The cell keeps the fraction (0.053 shows `5,3%`); see
   * `domain/percent`. Absent: plain figures.
   */
  percent?: Record<Id, number>;
}

export type RowPart = 'ofWhich' | 'ratio';

export interface AppendixSheet {
  kind: 'appendix';
  id: Id;
  name: string;
  /** Title printed above the table. */
  title: string;
  columns: ColumnNode[];
  rows: Row[];
  /** Whether the printed table has a column-code row (1, 2, 3, 4=2-3…). */
  hasCodeRow?: boolean;
  /** Text printed below the table: notes, footnotes, signature block (kept, never rows). */
  footer?: string[];
  /** The user's decisions about the checks of this sheet. */
  checks?: CheckSettings;
  /** How rows are numbered (read from the rows at the first structural edit, then kept). */
  numbering?: NumberingScheme;
  /** How figures show: display unit, rounding, wrapped text (never changes the figures). */
  display?: SheetDisplay;
}

/** Findings marked explained, rules switched off, columns marked not additive. */
export interface CheckSettings {
  /** Finding key (`rule:rowId:colId`) → the user's note. */
  explained?: Record<string, string>;
  /** Column ids whose rules the user switched off. */
  off?: Id[];
}

/** A merged range of a plain grid sheet (0-based, inclusive). */
export interface GridMerge {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/**
 * A sheet kept as a plain grid (a table that is not an appendix, or one the reader did not
 * understand). Cells row by row: numbers; formulas as strings starting with `=`; texts (a text
 * that itself starts with `=` or `'` is stored behind a leading `'`); null for blank.
 */
export interface GridSheet {
  kind: 'grid';
  id: Id;
  name: string;
  cells: CellInput[][];
  merges?: GridMerge[];
}

export interface SourceDef {
  code: string;
  name: string;
}

export interface StatedTotals {
  total?: number;
  bySource: Record<string, number>;
}

/** The kind of document an appendix is attached to (*Kèm theo Kế hoạch số …*). */
export type DocType = 'Kế hoạch' | 'Tờ trình' | 'Quyết định' | 'Báo cáo';

export interface PlanMeta {
  title: string;
  /** The issuing body (second line of the header's left block, e.g. *SỞ KẾ HOẠCH VÀ ĐẦU TƯ*). */
  issuingBody: string;
  /** The body above the issuing body (first line, e.g. *UBND TỈNH HÀ GIANG*). */
  superiorBody?: string;
  /** The document the appendix is attached to (absent: *Kế hoạch*). */
  docType?: DocType;
  docNumber: string;
  docDate: string;
  /** Where the document is signed (*Hà Giang*, printed before the date). */
  place?: string;
  /** The signer's title (*KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC*) and name. */
  signerTitle?: string;
  signerName?: string;
  years: number[];
  unit: string;
  sources: SourceDef[];
  stated: StatedTotals;
  /** Free remarks about the plan (source of a transcription…). */
  remark?: string;
  /** Lead units merged by the user: a unit's normalised spelling → the name of the unit it joins. */
  unitAliases?: Record<string, string>;
  /** Annual ceilings (*trần vốn*) by `year|source` (see `ceilingKey`), in the plan's unit. */
  ceilings?: Record<CeilingKey, number>;
}

/** The key of an annual ceiling: a year and a capital source code. */
export type CeilingKey = `${number}|${string}`;

/** The key of the ceiling for a year and source (stored as such in `.planbook` files). */
export function ceilingKey(year: number, source: string): CeilingKey {
  return `${year}|${source}`;
}

export interface Workbook {
  id: Id;
  /**
   * The workbook whose row ids these rows carry, when not this one: set when a workbook is read
   * from a `.planbook` file or an export (the id the file names) or started from a version. Row
   * ids are identities only within one lineage (tables read from files have none).
   */
  lineage?: Id;
  meta: PlanMeta;
  sheets: AppendixSheet[];
  /** Plain grid sheets, shown after the appendices. */
  grids?: GridSheet[];
  createdAt: number;
  updatedAt: number;
}

/** Whether a cell input is blank (absent, null or the empty text): two blanks are the same cell. */
export function isBlankInput(v: CellInput | undefined): boolean {
  return v === undefined || v === null || v === '';
}
