/**
 * One worksheet's XML parsed as it streams in: rows are cut at `</row>` and read as SheetJS 0.20.3
 * reads them (dense mode, formulas, cell text as shown, number formats, hidden rows and columns,
 * merges), giving the raw grid `gridsBySheetJs` gives: each row up to its last non-empty cell,
 * trailing empty rows left out, the same reading limits checked in the same order.
 */
import type { RawCell, RawGrid, RawMerge } from './appendix/grid';
import { type CellBudget, checkFormula, READ_LIMITS } from './limits';
import { BLANK, isTrue } from './xlsxCell';
import { RowReader } from './xlsxRows';
import { attributes, encodeCol, type FormatTable, Unsupported } from './xlsxText';

const MERGE = /<(?:\w+:)?mergeCell ref=["'][A-Z0-9:]+['"]\s*[/]?>/g;
const COL = /<(?:\w+:)?col\b[^<>]*[/]?>/g;
/** The AutoFilter's tag as SheetJS finds it (its `ref` read from it). */
const AUTOFILTER = /<(?:\w+:)?autoFilter[^>]*/;

/** Decimal merge range `A1:B2` as SheetJS safe_decode_range reads it. */
export function mergeRange(s: string): RawMerge {
  let i = 0;
  const len = s.length;
  const part = (letters: boolean) => {
    let idx = 0;
    for (; i < len; ++i) {
      const cc = s.charCodeAt(i) - (letters ? 64 : 48);
      if (letters ? cc < 1 || cc > 26 : cc < 0 || cc > 9) break;
      idx = (letters ? 26 : 10) * idx + cc;
    }
    return idx - 1;
  };
  const c0 = part(true);
  const r0 = part(false);
  if (i === len || s.charCodeAt(i) !== 58) return { r0, c0, r1: r0, c1: c0 };
  ++i;
  const c1 = part(true);
  const r1 = part(false);
  return { r0, c0, r1, c1 };
}

export class SheetScan {
  private state: 'head' | 'data' | 'tail' = 'head';
  private buf = '';
  private head = '';
  private tail = '';
  private readonly data: RawCell[][] = [];
  /** Per row, one past its last non-empty cell (SheetJS's stubs are empty), for every row read. */
  private readonly ends: number[] = [];
  private readonly rows: RowReader;
  /** Cells of rows past this are not kept (the sheet is refused by the row limit anyway). */
  private readonly keep = READ_LIMITS.sheetRows + 1;

  constructor(
    strings: readonly (string | undefined)[],
    xfs: readonly (number | undefined)[] | null,
    formats: FormatTable,
  ) {
    this.rows = new RowReader(strings, xfs, formats, (r, c, cell) => this.put(r, c, cell));
  }

  /** Keeps a cell (SheetJS's stubs for styled empty cells are empty: only where a row ends counts). */
  private put(r: number, c: number, cell: RawCell): void {
    if (cell === BLANK || c < 0) return;
    if (c + 1 > (this.ends[r] ?? 0)) this.ends[r] = c + 1;
    if (r < this.keep) (this.data[r] ??= [])[c] = cell;
  }

  /** Takes the next chunk of the sheet's XML. */
  push(text: string): void {
    if (this.state === 'data' && this.rowsInPlace(text)) return;
    this.buf += text;
    if (this.state === 'head') {
      const k = this.buf.indexOf('<sheetData');
      if (k < 0) return;
      const gt = this.buf.indexOf('>', k);
      if (gt < 0) return;
      const ch = this.buf.charCodeAt(k + 10);
      if (ch !== 62 && ch !== 32 && ch !== 47) throw new Unsupported('sheetData');
      if (/<\w+:worksheet\b/.test(this.buf.slice(0, k))) throw new Unsupported('prefixed xml');
      this.head = this.buf.slice(0, k);
      if (this.buf.charCodeAt(gt - 1) === 47) {
        this.state = 'tail';
        this.tail = this.buf.slice(gt + 1);
        this.buf = '';
        return;
      }
      this.buf = this.buf.slice(gt + 1);
      this.state = 'data';
    }
    if (this.state === 'data') {
      const end = this.buf.indexOf('</sheetData>');
      const upto = end >= 0 ? end : this.buf.lastIndexOf('</row>') + 6;
      if (upto < 6 && end < 0) return;
      this.rows.rows(this.buf, 0, upto);
      if (end >= 0) {
        this.tail = this.buf.slice(end + 12);
        this.buf = '';
        this.state = 'tail';
      } else this.buf = this.buf.slice(upto);
      return;
    }
    this.tail += this.buf;
    this.buf = '';
  }

  /**
   * Reads a chunk's whole rows where they are, not after the text kept from the chunk before
   * (`buf`, less than a row): joining them copied every chunk (1 MiB) into a new string once more.
   * The row ending first is read from that text and the chunk's start, the rest in the chunk
   * itself; the same rows are cut at the same `</row>` as in the two joined. False (nothing done)
   * when the chunk ends the sheet data or holds no row end: `push` then joins them.
   */
  private rowsInPlace(text: string): boolean {
    const last = text.lastIndexOf('</row>');
    if (last < 0 || text.indexOf('</sheetData>') >= 0) return false;
    const kept = this.buf;
    if (kept.indexOf('</row>') >= 0) return false; // (never: the kept text is less than a row)
    // an end of the sheet data that begins in the text kept (the kept text holds no row end)
    if ((kept + text.slice(0, 11)).indexOf('</sheetData>') >= 0) return false;
    const first = text.indexOf('</row>');
    const head = kept + text.slice(0, first + 6);
    const cut = head.indexOf('</row>') + 6; // the first row end, maybe across the two
    this.rows.rows(head, 0, cut);
    const from = cut - kept.length;
    if (from < last + 6) this.rows.rows(text, from, last + 6);
    this.buf = text.slice(last + 6);
    return true;
  }

  /**
   * The grid once the whole XML was pushed; its cells counted into `budget` and its formulas
   * checked (a LimitError past a limit), as gridsBySheetJs does.
   */
  finish(name: string, budget: CellBudget): RawGrid {
    if (this.state === 'head') {
      // no sheetData: SheetJS reads columns and merges from the whole text
      this.head = this.tail = this.buf;
    } else if (this.state === 'data') throw new Unsupported('unterminated sheetData');
    if (/<\w+:worksheet\b/.test(this.head)) throw new Unsupported('prefixed xml');
    let cells = 0;
    let widest = 0;
    let last = 0;
    this.ends.forEach((end, r) => {
      cells += end;
      widest = Math.max(widest, end - 1);
      if (end) last = r + 1;
    });
    budget.add(name, cells + last, last, widest);
    const rows: RawCell[][] = [];
    for (let r = 0; r < last; r++) {
      // the row read is kept (its length is one past its last cell): its holes become blanks
      const end = this.ends[r] ?? 0;
      const row = this.data[r] ?? [];
      for (let c = 0; c < end; c++) {
        const cell = row[c];
        if (cell === undefined) row[c] = BLANK;
        else if (cell.formula)
          checkFormula(cell.formula, () => `sheet '${name}', cell ${encodeCol(c)}${r + 1}`);
      }
      rows.push(row);
    }
    const merges: RawMerge[] = [];
    for (const m of this.tail.match(MERGE) ?? []) {
      const range = mergeRange(m.slice(m.indexOf('=') + 2));
      if (range.r0 < last) merges.push(range);
    }
    const hiddenRows = new Set<number>();
    for (const [r, h] of [...this.rows.rowHidden].sort((a, b) => a[0] - b[0]))
      if (h && r >= 0 && r < last) hiddenRows.add(r);
    const [hiddenCols, groupedCols] = this.hiddenCols();
    const groupedRows = new Set<number>();
    for (const [r, level] of [...this.rows.rowLevel].sort((a, b) => a[0] - b[0]))
      if (level > 0 && r >= 0 && r < last) groupedRows.add(r);
    const filter = /\sref="([^"]*)"/.exec(AUTOFILTER.exec(this.tail)?.[0] ?? '')?.[1];
    return {
      name,
      rows,
      merges,
      lineOf: rows.map((_, i) => i + 1),
      ...(hiddenRows.size ? { hiddenRows } : {}),
      ...(hiddenCols.size ? { hiddenCols } : {}),
      ...(groupedRows.size ? { groupedRows } : {}),
      ...(groupedCols.size ? { groupedCols } : {}),
      ...(filter ? { autoFilter: mergeRange(filter) } : {}),
    };
  }

  /** The hidden columns, and those in an outline group (`outlineLevel` 1 or more). */
  private hiddenCols(): [Set<number>, Set<number>] {
    const cols: boolean[] = [];
    const levels: number[] = [];
    for (const tag of this.head.match(COL) ?? []) {
      const a = attributes(tag);
      const hidden = a.hidden !== undefined && isTrue(a.hidden);
      const level = a.outlineLevel ? +a.outlineLevel || 0 : 0;
      let c0 = parseInt(a.min, 10) - 1;
      const c1 = parseInt(a.max, 10) - 1;
      if (c1 - c0 > 1_000_000) throw new Unsupported('cols');
      for (; c0 <= c1; c0++) [cols[c0], levels[c0]] = [hidden, level];
    }
    const out = new Set<number>();
    cols.forEach((h, i) => h && out.add(i));
    const grouped = new Set<number>();
    levels.forEach((l, i) => l > 0 && grouped.add(i));
    return [out, grouped];
  }
}
