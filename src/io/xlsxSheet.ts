/**
 * One worksheet's XML parsed as it streams in: rows are cut at `</row>` and read as SheetJS 0.20.3
 * reads them (dense mode, formulas, cell text as shown, number formats, hidden rows and columns,
 * merges), giving the same raw grid as `gridsFromWorkbook`.
 */
import type { RawCell, RawGrid, RawMerge } from './appendix/grid';
import { BLANK, isTrue, RowReader } from './xlsxRows';
import { attributes, type FormatTable, Unsupported } from './xlsxText';

const MERGE = /<(?:\w+:)?mergeCell ref=["'][A-Z0-9:]+['"]\s*[/]?>/g;
const COL = /<(?:\w+:)?col\b[^<>]*[/]?>/g;

/** Decimal merge range `A1:B2` as SheetJS safe_decode_range reads it. */
function mergeRange(s: string): RawMerge {
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
  private height = 0;
  private readonly rows: RowReader;

  constructor(
    strings: readonly (string | undefined)[],
    xfs: readonly (number | undefined)[] | null,
    formats: FormatTable,
    private readonly maxRows: number,
  ) {
    this.rows = new RowReader(strings, xfs, formats, (r, c, cell) => {
      const row = this.rowAt(r);
      if (row && c >= 0) row[c] = cell;
    });
  }

  /** Takes the next chunk of the sheet's XML. */
  push(text: string): void {
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

  /** The grid once the whole XML was pushed. */
  finish(name: string): RawGrid {
    if (this.state === 'head') {
      // no sheetData: SheetJS reads columns and merges from the whole text
      this.head = this.tail = this.buf;
    } else if (this.state === 'data') throw new Unsupported('unterminated sheetData');
    if (/<\w+:worksheet\b/.test(this.head)) throw new Unsupported('prefixed xml');
    this.hyperlinks();
    const n = Math.min(this.height, this.maxRows);
    const rows: RawCell[][] = [];
    for (let r = 0; r < n; r++) {
      const src = this.data[r];
      if (!src) {
        rows.push([]);
        continue;
      }
      const row: RawCell[] = new Array<RawCell>(src.length);
      for (let c = 0; c < src.length; c++) row[c] = src[c] ?? BLANK;
      rows.push(row);
    }
    const merges: RawMerge[] = [];
    for (const m of this.tail.match(MERGE) ?? [])
      merges.push(mergeRange(m.slice(m.indexOf('=') + 2)));
    const hiddenRows = new Set<number>();
    for (const [r, h] of [...this.rows.rowHidden].sort((a, b) => a[0] - b[0]))
      if (h && r >= 0) hiddenRows.add(r);
    const hiddenCols = this.hiddenCols();
    return {
      name,
      rows,
      merges,
      lineOf: rows.map((_, i) => i + 1),
      ...(hiddenRows.size ? { hiddenRows } : {}),
      ...(hiddenCols.size ? { hiddenCols } : {}),
    };
  }

  private hiddenCols(): Set<number> {
    const cols: boolean[] = [];
    for (const tag of this.head.match(COL) ?? []) {
      const a = attributes(tag);
      const hidden = a.hidden !== undefined && isTrue(a.hidden);
      let c0 = parseInt(a.min, 10) - 1;
      const c1 = parseInt(a.max, 10) - 1;
      if (c1 - c0 > 1_000_000) throw new Unsupported('cols');
      while (c0 <= c1) cols[c0++] = hidden;
    }
    const out = new Set<number>();
    cols.forEach((h, i) => h && out.add(i));
    return out;
  }

  /** Hyperlinks make blank cells over their ranges (as SheetJS stores them). */
  private hyperlinks(): void {
    for (const tag of this.tail.match(/<(?:\w+:)?hyperlink [^<>]*>/gm) ?? []) {
      const ref = attributes(tag).ref;
      if (!ref) return;
      const m = mergeRange(ref);
      if ((m.r1 - m.r0 + 1) * (m.c1 - m.c0 + 1) > 100_000) throw new Unsupported('hyperlink');
      for (let r = m.r0; r <= m.r1; r++)
        for (let c = m.c0; c <= m.c1; c++) {
          if (r < 0 || c < 0) continue;
          const row = this.rowAt(r);
          if (row && !row[c]) row[c] = BLANK;
        }
    }
  }

  private rowAt(r: number): RawCell[] | null {
    if (r >= this.height) this.height = r + 1;
    if (r >= this.maxRows) return null;
    return (this.data[r] ??= []);
  }
}
