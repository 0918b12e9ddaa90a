/**
 * How much Planbook reads: limits checked before parsing (file size, the size a zip package inflates
 * to, its number of sheets) and while reading (cells actually used, formula nesting). A file beyond
 * a limit is refused with one line naming the limit; nothing is ever cut silently.
 */
import { Inflate } from 'fflate';
import { addsToTotals } from '../domain/formulaForms';
import type { Row } from '../domain/types';
import { formulaDepth, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH } from './export/formulaSafety';
import { rawInflater } from './xlsxZip';

const MB = 1024 * 1024;

export const READ_LIMITS = {
  /** Bytes of one input file. */
  fileBytes: 100 * MB,
  /** Bytes the parts of a zip package (.xlsx, .ods) inflate to, together. */
  inflatedBytes: 160 * MB,
  /** Sheets in one workbook. */
  sheets: 500,
  /**
   * Cells read, all sheets together: each row up to its last non-empty cell (and each row one). A
   * plan of 100,000 projects (issue 20) is about 1.6 million: the .xlsx streaming reader reads it in
   * a few seconds within the reader process's heap.
   */
  cells: 2_000_000,
  /** Rows and columns of one sheet: what the calculation engine takes (engine.ts ENGINE_CONFIG). */
  sheetRows: 250_000,
  sheetColumns: 2_000,
  /** An appendix's header rows and columns (its engine sheet is about twice as wide). */
  headerRows: 20,
  appendixColumns: 600,
  /** Rows the total rows of one appendix add up, all together (each total adds up its block). */
  totalTerms: 2_000_000,
  /** Formula nesting and length (Excel's own limits). */
  formulaDepth: MAX_FORMULA_DEPTH,
  formulaLength: MAX_FORMULA_LENGTH,
};

/** A reading stops after this long (the CLI and the app alike). */
export { READ_BUDGET_MS } from './readError';

/** Why a file was refused by a limit: 'tooLarge' (size, sheets, cells) or 'tooComplex' (formulas). */
export class LimitError extends Error {
  constructor(
    message: string,
    readonly reason: 'tooLarge' | 'tooComplex',
  ) {
    super(message);
  }
}

const n = (x: number) => x.toLocaleString('en-US');
const mb = (x: number) => `${Math.round(x / MB)} MB`;

/** Refuses a file larger than the limit. */
export function checkFileSize(bytes: Uint8Array): void {
  if (bytes.length > READ_LIMITS.fileBytes)
    throw new LimitError(
      `the file is ${mb(bytes.length)}; Planbook reads files up to ${mb(READ_LIMITS.fileBytes)}`,
      'tooLarge',
    );
}

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

/** The central directory of a zip file, or null when it cannot be found (the parser will say why). */
function zipEntries(b: Uint8Array): ZipEntry[] | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const out: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || view.getUint32(p, true) !== 0x02014b50) return out;
    const nameLen = view.getUint16(p + 28, true);
    const skip = nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    out.push({
      method: view.getUint16(p + 10, true),
      compressed: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
      name: new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen)),
    });
    p += 46 + skip;
  }
  return out;
}

class Enough extends Error {}

/**
 * Inflates one entry without keeping it: its real size (stopping past `limit`) and how often
 * `pattern` occurs in it.
 */
function measure(b: Uint8Array, e: ZipEntry, limit: number, pattern: string | null) {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const at = e.offset;
  if (at + 30 > b.length || view.getUint32(at, true) !== 0x04034b50)
    throw new Error(`its part ${e.name} is missing`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = b.subarray(start, Math.min(b.length, start + e.compressed));
  let size = 0;
  let hits = 0;
  let tail = '';
  const scan = (chunk: Uint8Array) => {
    size += chunk.length;
    if (size > limit) throw new Enough();
    if (!pattern) return;
    let text = tail;
    for (let i = 0; i < chunk.length; i += 0x8000)
      text += String.fromCharCode(...chunk.subarray(i, i + 0x8000));
    for (let i = text.indexOf(pattern); i >= 0; i = text.indexOf(pattern, i + 1)) hits++;
    tail = text.slice(-(pattern.length - 1));
  };
  // a native inflater (the command line's zlib) in one call; where it fails, fflate says why
  const whole = e.method === 8 ? rawInflater()?.(data, limit + 1) : null;
  try {
    if (e.method === 0) scan(data);
    else if (whole) scan(whole);
    else if (e.method === 8) {
      // small pushes: each one inflates to at most a few megabytes
      const inflate = new Inflate(scan);
      for (let i = 0; i < data.length; i += 4096)
        inflate.push(data.subarray(i, i + 4096), i + 4096 >= data.length);
    }
  } catch (err) {
    if (err instanceof Enough) return { size, hits };
    // a damaged stream sends the spreadsheet parser's own inflater into an endless loop
    throw new Error(`its part ${e.name} does not unpack: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return { size, hits };
}

/**
 * Before parsing a zip package (.xlsx, .ods): the size its parts really inflate to, and its number
 * of sheets. Throws a LimitError beyond a limit, an Error when a part does not unpack.
 */
export function checkZip(bytes: Uint8Array): void {
  const entries = zipEntries(bytes);
  if (!entries) return;
  let total = 0;
  let sheets = 0;
  for (const e of entries) {
    const pattern =
      e.name === 'xl/workbook.xml' ? '<sheet ' : e.name === 'content.xml' ? '<table:table ' : null;
    const left = READ_LIMITS.inflatedBytes - total;
    const m = measure(bytes, e, left, pattern);
    total += m.size;
    if (total > READ_LIMITS.inflatedBytes)
      throw new LimitError(
        `the file unpacks to more than ${mb(READ_LIMITS.inflatedBytes)} (a ${mb(bytes.length)} zip package); Planbook reads at most that much`,
        'tooLarge',
      );
    sheets = Math.max(sheets, m.hits);
  }
  const parts = entries.filter((e) => /^xl\/worksheets\/[^/]+\.(xml|bin)$/.test(e.name)).length;
  checkSheetCount(Math.max(sheets, parts));
}

/** Refuses a workbook with more sheets than the limit. */
export function checkSheetCount(count: number): void {
  if (count > READ_LIMITS.sheets)
    throw new LimitError(
      `the workbook has ${n(count)} sheets; Planbook reads at most ${n(READ_LIMITS.sheets)}`,
      'tooLarge',
    );
}

/** Counts cells read so far; throws once past the limit. */
export class CellBudget {
  private used = 0;

  /** Adds a sheet's cells: `rows` rows, the widest reaching column `widest` (0-based). */
  add(sheet: string, cells: number, rows: number, widest: number): void {
    this.used += cells;
    const too =
      rows > READ_LIMITS.sheetRows ||
      widest >= READ_LIMITS.sheetColumns ||
      this.used > READ_LIMITS.cells;
    if (too)
      throw new LimitError(
        `sheet '${sheet}' has ${n(rows)} rows reaching column ${columnName(widest)} (${n(this.used)} cells with the sheets before it); Planbook reads sheets of at most ${n(READ_LIMITS.sheetRows)} rows and ${n(READ_LIMITS.sheetColumns)} columns, ${n(READ_LIMITS.cells)} cells in all`,
        'tooLarge',
      );
  }
}

function columnName(i: number): string {
  let s = '';
  for (let k = i + 1; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * Refuses delimited text that would split into more cells than the limit, before splitting it
 * (its separator chosen as the text reader does; each line counts one cell more, as read).
 */
export function checkTextCells(text: string): void {
  const sample = text.slice(0, 65_536);
  const count = (ch: string) => sample.split(ch).length - 1;
  const sep = count('\t') > 0 ? 9 : count(';') > count(',') ? 59 : 44;
  let cells = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === sep) cells++;
    else if (c === 10) cells += 2;
  }
  if (cells > READ_LIMITS.cells)
    throw new LimitError(
      `the text splits into about ${n(cells)} cells; Planbook reads at most ${n(READ_LIMITS.cells)} cells`,
      'tooLarge',
    );
}

/** Refuses a formula nested or long beyond Excel's limits; `where` names its cell. */
export function checkFormula(f: string, where: () => string): void {
  if (f.length > READ_LIMITS.formulaLength)
    throw new LimitError(
      `${where()}: a formula of ${n(f.length)} characters; Planbook reads formulas up to ${n(READ_LIMITS.formulaLength)}`,
      'tooComplex',
    );
  const depth = formulaDepth(f);
  if (depth > READ_LIMITS.formulaDepth)
    throw new LimitError(
      `${where()}: a formula nested ${depth} levels deep; Planbook reads formulas nested up to ${READ_LIMITS.formulaDepth} levels`,
      'tooComplex',
    );
}

/** Refuses an appendix whose header band or columns are beyond what Planbook calculates. */
export function checkAppendixShape(sheet: string, headerRows: number, columns: number): void {
  if (headerRows > READ_LIMITS.headerRows || columns > READ_LIMITS.appendixColumns)
    throw new LimitError(
      `sheet '${sheet}' reads as an appendix with ${n(headerRows)} header rows and ${n(columns)} columns; Planbook reads appendices of at most ${READ_LIMITS.headerRows} header rows and ${READ_LIMITS.appendixColumns} columns`,
      'tooLarge',
    );
}

/**
 * Refuses an appendix whose total rows add up more rows in all than the limit: each total row adds
 * up its block, or every top-level row above (below) it when its block is empty, so that a table of
 * 100,000 total rows in a row would take 5 billion terms (found by the fuzzer: minutes, then out of
 * memory). Counted as the checks' totalSegments chooses the blocks, with prefix counts.
 */
export function checkTotalRows(sheet: string, rows: readonly Row[]): void {
  const prefix = new Int32Array(rows.length + 1);
  const totals: number[] = [];
  rows.forEach((r, j) => {
    prefix[j + 1] = prefix[j] + (addsToTotals(r) ? 1 : 0);
    if (r.kind === 'total') totals.push(j);
  });
  if (!totals.length) return;
  const count = (a: number, b: number) => (b > a ? prefix[b] - prefix[a] : 0);
  const above = totals[0] === 0;
  const end = rows.length;
  let terms = 0;
  totals.forEach((t, k) => {
    let seg = above ? count(t + 1, totals[k + 1] ?? end) : count(k ? totals[k - 1] + 1 : 0, t);
    if (!seg) seg = above ? count(t + 1, end) : count(0, t);
    terms += seg || count(0, end);
  });
  if (terms > READ_LIMITS.totalTerms)
    throw new LimitError(
      `sheet '${sheet}' has ${n(totals.length)} total rows adding up ${n(terms)} rows in all; Planbook reads at most ${n(READ_LIMITS.totalTerms)}`,
      'tooLarge',
    );
}
