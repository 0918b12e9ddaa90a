/**
 * One worksheet written row by row into its zip part: the head (print fit, frozen rows, column
 * widths), the rows as they come (cells in write-excel-file's shape, or ready XML), then merges, the
 * conditional border format and the page setup. Nothing of the sheet is kept but its merges.
 */
import { colName } from './appendixSheet';
import { colBreaksXml, type StripPlan } from './printStrips';
import type { CellStyle, StyleBook } from './xlsxStyles';
import type { PartOut } from './zipWriter';
import { cellTextXml, inlineStringCell, plainXml } from './xmlText';

/** A cell as the sheet builders give it (write-excel-file's shape). */
export type BookCell =
  | (CellStyle & {
      value?: unknown;
      type?: unknown;
      columnSpan?: number;
      rowSpan?: number;
      height?: number;
    })
  | null
  | undefined;

export interface SheetOptions {
  widths?: number[];
  /** Rows frozen at the top. */
  frozenRows?: number;
  landscape?: boolean;
  /** Printed one page wide. */
  fitToWidth?: boolean;
  /** The sheet shown (and printed) when the file opens. */
  selected?: boolean;
  /** Printed at a scale in strips of columns (printStrips.ts) instead of one page wide. */
  strips?: StripPlan;
  /** 1-based inclusive [row, column] corners of the range drawn with thin black borders. */
  bordered?: { from: [number, number]; to: [number, number] };
}

const WORKSHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

/** Writes one worksheet; rows must come in order (0-based indexes). */
export class SheetStream {
  /** Rows written (the last row's index + 1) and the widest row's cells. */
  rows = 0;
  cols = 0;
  private merges: string[] = [];
  /** Style of the cells a merge covers, by row then column (they are written with the merge's look). */
  private covered = new Map<number, Map<number, number>>();

  constructor(
    private out: PartOut,
    readonly styles: StyleBook,
    private o: SheetOptions,
  ) {
    const widths = o.widths ?? [];
    this.cols = widths.length;
    const n = o.frozenRows ?? 0;
    out.write(
      WORKSHEET +
        (o.fitToWidth && !o.strips ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
        `<sheetViews><sheetView${o.selected ? ' tabSelected="1"' : ''} workbookViewId="0">` +
        (n > 0
          ? `<pane ySplit="${n}" topLeftCell="A${n + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>`
          : '') +
        '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15.75"/>' +
        (widths.length
          ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
          : '') +
        '<sheetData>',
    );
  }

  /** Records a merge from (r, c) over `rows` × `cols`, its covered cells in style `s`. */
  merge(r: number, c: number, rows: number, cols: number, s: number): void {
    this.merges.push(`${colName(c)}${r + 1}:${colName(c + cols - 1)}${r + rows}`);
    for (let i = r; i < r + rows; i++) {
      let m = this.covered.get(i);
      if (!m) this.covered.set(i, (m = new Map()));
      for (let j = c; j < c + cols; j++) if (i !== r || j !== c) m.set(j, s);
    }
  }

  /** Whether a merge covers cells of row r. */
  hasCovered(r: number): boolean {
    return this.covered.has(r);
  }

  /** The style of cell (r, c) when a merge covers it. */
  coveredStyle(r: number, c: number): number | undefined {
    return this.covered.get(r)?.get(c);
  }

  /** The cells of row r a merge covers (column → style), taken: the caller writes them. */
  takeCovered(r: number): Map<number, number> | undefined {
    const m = this.covered.get(r);
    if (m) this.covered.delete(r);
    return m;
  }

  /** A row of ready cell XML in column order (covered cells included); `ht` in points. */
  raw(r: number, cells: string, ht?: number, width = 0): void {
    this.rows = r + 1;
    if (width > this.cols) this.cols = width;
    const attrs = ht ? ` ht="${ht}" customHeight="1"` : '';
    this.out.write(`<row r="${r + 1}"${attrs}>${cells}</row>`);
  }

  /** A row of cells; `cached` gives a formula cell's computed value by A1 address. */
  cells(r: number, row: BookCell[], cached?: Map<string, number | string>): void {
    let ht = 0;
    const own: string[] = new Array<string>(row.length);
    for (let c = 0; c < row.length; c++) {
      const x = row[c];
      if (!x) continue;
      if (x.height && x.height > ht) ht = x.height;
      const s = this.styles.id(x);
      const span = x.columnSpan ?? 1;
      const down = x.rowSpan ?? 1;
      if (span > 1 || down > 1) this.merge(r, c, down, span, s);
      own[c] = cellXml(`${colName(c)}${r + 1}`, s, x, cached);
    }
    const m = this.takeCovered(r);
    let xml = '';
    if (m) {
      for (const [c, s] of m)
        if (own[c] === undefined) own[c] = `<c r="${colName(c)}${r + 1}" s="${s}"/>`;
    }
    for (const x of own) if (x !== undefined) xml += x;
    this.rows = r + 1;
    if (own.length > this.cols) this.cols = own.length;
    this.out.write(`<row r="${r + 1}"${ht ? ` ht="${ht}" customHeight="1"` : ''}>${xml}</row>`);
  }

  /** Closes the sheet (merges, borders, page setup). */
  end(): void {
    // rows still owed to merges reaching past the last row
    for (const r of [...this.covered.keys()].sort((a, b) => a - b)) this.cells(r, []);
    const o = this.o;
    let tail = '</sheetData>';
    if (this.merges.length)
      tail += `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
    if (o.bordered) {
      const dxf = this.styles.borderDxf('thin', '#000000');
      const [r0, c0] = o.bordered.from;
      const [r1, c1] = o.bordered.to;
      tail += `<conditionalFormatting sqref="${colName(c0 - 1)}${r0}:${colName(c1 - 1)}${r1}"><cfRule type="expression" dxfId="${dxf}" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>`;
    }
    if (o.strips) {
      this.out.write(`${tail}${stripSetup(o.strips)}</worksheet>`);
      this.out.end();
      return;
    }
    tail +=
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    if (o.landscape || o.fitToWidth)
      tail += `<pageSetup paperSize="9"${o.landscape ? ' orientation="landscape"' : ''}${o.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`;
    this.out.write(`${tail}</worksheet>`);
    this.out.end();
  }
}

/**
 * The page setup of a sheet printed in strips: A4 landscape between 0.4-inch side margins (the
 * width printStrips.ts plans for), at the plan's scale, each strip printed top to bottom before the
 * next (`downThenOver`), a column break before each strip.
 */
export function stripSetup(plan: StripPlan): string {
  return (
    '<printOptions horizontalCentered="1"/>' +
    '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="landscape" scale="${plan.scale ?? 100}" pageOrder="downThenOver"/>` +
    colBreaksXml(plan.breaks)
  );
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/** One cell's XML in style `s` (formulas with their cached value from `cached`). */
function cellXml(
  ref: string,
  s: number,
  x: NonNullable<BookCell>,
  cached?: Map<string, number | string>,
): string {
  const v = x.value;
  const st = ` s="${s}"`;
  if (isEmpty(v)) return `<c r="${ref}"${st}/>`;
  if (x.type === 'Formula' && typeof v === 'string') {
    const f = `<f>${plainXml(v.replace(/^=/, ''))}</f>`;
    const c = cached?.get(ref);
    if (typeof c === 'number' && Number.isFinite(c))
      return `<c r="${ref}"${st}>${f}<v>${c}</v></c>`;
    if (typeof c === 'string') return `<c r="${ref}"${st} t="str">${f}<v>${cellTextXml(c)}</v></c>`;
    return `<c r="${ref}"${st}>${f}</c>`;
  }
  if (typeof v === 'number')
    return Number.isFinite(v) ? `<c r="${ref}"${st}><v>${v}</v></c>` : `<c r="${ref}"${st}/>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${st} t="b"><v>${v ? 1 : 0}</v></c>`;
  return inlineStringCell(ref, st, String(v));
}
