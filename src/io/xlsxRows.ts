/**
 * The rows of a worksheet's `sheetData`, read in place (offsets into the streamed text, no
 * intermediate strings) as SheetJS 0.20.3 reads them with `cellStyles`: row tags, cells cut at
 * `<c`, values, formulas (shared ones moved to their cell), shared strings, the text a value is
 * shown as in its number format, and stubs for styled empty cells.
 */
import type { RawCell } from './appendix/grid';
import {
  attrIn,
  attrsIn,
  decodeCell,
  encodeCol,
  type FormatTable,
  shiftFormula,
  unescapeXml,
  Unsupported,
} from './xlsxText';
import { stringItem } from './xlsxStrings';
import { BLANK, CELL_ERRORS, isTrue, rawCell } from './xlsxCell';
import { ValueCells } from './xlsxValueCells';
import { type PlainCell, plainCell } from './xlsxPlainCell';
import { F, IS, ROW_END, SheetSearch, V } from './xlsxSearch';

const CELL_ATTRS = ['r', 's', 't'];
/** The row tag's attributes read (in one pass): its number, and what says it is hidden. */
const ROW_ATTRS = ['r', 'hidden', 'ht', 'outlinelevel'];

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Where a cell goes: rows and columns 0-based. */
export type CellSink = (row: number, col: number, cell: RawCell) => void;

/** Whether plain cells are read by xlsxPlainCell (tests turn it off to compare with the general path). */
let plainCells = true;

/** Turns the plain-cell path on or off (tests: both paths give the same grids). */
export function setPlainCells(on: boolean): void {
  plainCells = on;
}

export class RowReader extends SheetSearch {
  /** 1-based number of the last row tag read. */
  private tagr = 0;
  /** A row piece SheetJS stops at: every later row is ignored. */
  stopped = false;
  /** Hidden state of the rows whose tag says something of their shape (0-based). */
  readonly rowHidden = new Map<number, boolean>();
  /** Outline level of the rows whose tag gives one (0-based; the last tag of a row wins). */
  readonly rowLevel = new Map<number, number>();
  private readonly shared: [string, string][] = [];
  private readonly attrs: (string | undefined)[] = [undefined, undefined, undefined];
  private readonly rowAttrs: (string | undefined)[] = [undefined, undefined, undefined, undefined];
  /** The cells of values in formats (shared ones made once). */
  private readonly cells: ValueCells;
  private readonly plain: PlainCell = {
    row: 0,
    col: 0,
    shared: false,
    style: -1,
    vs: 0,
    ve: 0,
    num: NaN,
    fs: 0,
    fe: 0,
  };

  constructor(
    private readonly strings: readonly (string | undefined)[],
    private readonly xfs: readonly (number | undefined)[] | null,
    formats: FormatTable,
    private readonly sink: CellSink,
  ) {
    super();
    this.cells = new ValueCells(strings, formats);
  }

  /** Reads text[from, to): rows cut at `</row>` (SheetJS splits sheetData so). */
  rows(text: string, from: number, to: number): void {
    this.start(text);
    let p = from;
    while (p < to && !this.stopped) {
      let e = this.find(ROW_END, p);
      if (e >= to) e = to;
      this.row(p, e);
      p = e + 6;
    }
  }

  private rowTag(from: number, to: number): void {
    const s = this.s;
    let i = from;
    while (i < to && !isSpace(s.charCodeAt(i))) i++;
    const at = this.rowAttrs;
    attrsIn(s, i, to, ROW_ATTRS, at);
    const [r, hidden, ht, outline] = at;
    this.tagr = r != null ? parseInt(r, 10) : this.tagr + 1;
    if (ht || (hidden && isTrue(hidden)) || outline != null) {
      // (SheetJS keeps the last such tag of a row: its level too)
      this.rowHidden.set(this.tagr - 1, !!hidden && isTrue(hidden));
      if (outline != null) this.rowLevel.set(this.tagr - 1, +outline || 0);
      else this.rowLevel.delete(this.tagr - 1);
    }
  }

  private row(from: number, to: number): void {
    const s = this.s;
    while (from < to && isSpace(s.charCodeAt(from))) from++;
    while (to > from && isSpace(s.charCodeAt(to - 1))) to--;
    if (from >= to) return;
    let rstart = from;
    let ri = from;
    for (; ri < to; ++ri) {
      const ch = s.charCodeAt(ri);
      if (ch === 62) {
        if (s.charCodeAt(ri - 1) !== 47) {
          ++ri;
          break;
        }
        this.rowTag(rstart, ri);
      } else if (ch === 60) rstart = ri;
    }
    if (rstart >= ri) {
      this.stopped = true;
      return;
    }
    this.rowTag(rstart, ri);
    let tagc = -1;
    let skipping = true;
    let start = ri;
    for (;;) {
      const k = this.split(start, to);
      const end = k < 0 ? to : k;
      let a = start;
      let b = end;
      while (a < b && isSpace(s.charCodeAt(a))) a++;
      while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
      if (!(skipping && a < b && s.charCodeAt(a) === 60)) {
        skipping = false;
        if (a < b) tagc = this.cell(a, b, tagc);
      }
      if (k < 0) break;
      start = k + 3;
    }
  }

  /** Reads one cell piece s[a, b) (after `<c`); the column counter after it. */
  private cell(a: number, b: number, tagc: number): number {
    const s = this.s;
    if (plainCells && plainCell(s, a, b, this.plain)) return this.plainCell();
    tagc = this.refColumn(a, b, tagc);
    // "<c " + piece: the open tag ends at its first '>' (none when the piece starts with '<')
    let tb = a;
    let ca = a;
    if (s.charCodeAt(a) !== 60) {
      const gt = s.indexOf('>', a);
      tb = gt < 0 || gt >= b ? b : gt;
      ca = Math.min(b, tb + 1);
    }
    const at = this.attrs;
    attrsIn(s, a, tb, CELL_ATTRS, at);
    const r = at[0];
    const st = at[1];
    let t = at[2];
    const ref = r || `${tagc < 0 ? '' : encodeCol(tagc)}${this.tagr}`;
    let v: string | undefined;
    let vRaw = '';
    if (this.element(V, ca, b) && this.ec > this.ei) {
      vRaw = s.slice(this.ei, this.ec);
      v = unescapeXml(vRaw);
    }
    const f = this.formula(ca, b, ref);
    let value: number | string | boolean | undefined;
    let text: string | undefined;
    if (t == null && v === undefined) {
      // SheetJS gives a formula without a cached value 0, then takes 0 == "" for no value: a stub,
      // its formula kept (a web system's `<f>SUM(C8:C20)</f>`: the figure is what it says)
      return this.store(ref, f ? rawCell('', undefined, f, undefined) : BLANK, tagc);
    } else {
      t = t || 'n';
      switch (t) {
        case 'n':
          if (v === '' || v == null) return this.store(ref, BLANK, tagc);
          value = parseFloat(v);
          break;
        case 's': {
          if (v === undefined) return this.store(ref, BLANK, tagc);
          const i = parseInt(v, 10);
          if (!(i >= 0 && i < this.strings.length)) throw new Unsupported('string index');
          value = this.strings[i];
          break;
        }
        case 'str':
          // SheetJS decodes this text twice, the second time as UTF-8 bytes: numeric entities differ
          if (vRaw.indexOf('&#') >= 0) throw new Unsupported('str entity');
          t = 's';
          value = v != null ? unescapeXml(v, true) : '';
          break;
        case 'inlineStr':
          t = 's';
          value = this.element(IS, ca, b) ? stringItem(s.slice(this.ei, this.ec)) : '';
          break;
        case 'b':
          value = isTrue(v);
          break;
        case 'e':
          text = v;
          value = v !== undefined && Object.hasOwn(CELL_ERRORS, v) ? CELL_ERRORS[v] : undefined;
          break;
        default:
          throw new Unsupported(`cell type ${t}`);
      }
    }
    let fmtid = 0;
    if (this.xfs && st !== undefined) {
      const id = this.xfs[st as unknown as number];
      if (id != null) fmtid = id;
    }
    return this.store(ref, this.cells.made(t, value, text, fmtid, f), tagc);
  }

  /** A cell read by plainCell (the same cell `cell` gives); the column counter after it. */
  private plainCell(): number {
    const p = this.plain;
    if (p.vs === p.ve) {
      // no value: a stub (SheetJS keeps it empty), its formula kept when it has one
      if (p.fs < p.fe && p.row >= 0)
        this.sink(p.row, p.col, rawCell('', undefined, this.s.slice(p.fs, p.fe), undefined));
      return p.col;
    }
    let fmtid = 0;
    if (this.xfs && p.style >= 0) {
      const id = this.xfs[p.style];
      if (id != null) fmtid = id;
    }
    let cell: RawCell;
    if (p.shared) {
      const i = p.num === p.num ? p.num : parseInt(this.s.slice(p.vs, p.ve), 10);
      if (!(i >= 0 && i < this.strings.length)) throw new Unsupported('string index');
      cell = this.cells.text(i, fmtid);
    } else {
      const value = p.num === p.num ? p.num : parseFloat(this.s.slice(p.vs, p.ve));
      // a formula's cell is its own (never shared with the value's)
      cell =
        p.fs < p.fe
          ? this.cells.made('n', value, undefined, fmtid, this.s.slice(p.fs, p.fe))
          : this.cells.number(value, fmtid);
    }
    if (p.row >= 0) this.sink(p.row, p.col, cell);
    return p.col;
  }

  /** The formula of a cell's content s[a, b): its own, or a shared one moved to `ref`. */
  private formula(a: number, b: number, ref: string): string | undefined {
    const s = this.s;
    if (this.element(F, a, b)) {
      const open = s.slice(this.eo, this.ee);
      if (open.indexOf('t="array"') > -1) throw new Unsupported('array formula');
      const shared = open.indexOf('t="shared"') > -1;
      if (this.ec === this.ei)
        return shared ? this.sharedAt(attrIn(open, 2, open.length, 'si'), ref) : undefined;
      const inner = s.slice(this.ei, this.ec);
      if (shared)
        this.shared[parseInt(attrIn(open, 2, open.length, 'si') ?? '', 10)] = [
          unescapeXml(inner).replace(/_xlfn\./g, ''),
          ref,
        ];
      return unescapeXml(inner, true).replace(/_xlfn\./g, '');
    }
    if (!this.selfClosingF(a, b)) return undefined;
    const tag = s.slice(this.eo, this.ee);
    if (tag.indexOf('t="array"') > -1) throw new Unsupported('array formula');
    return this.sharedAt(attrIn(tag, 2, tag.length, 'si'), ref);
  }

  private sharedAt(si: string | undefined, ref: string): string | undefined {
    const sh = si === undefined ? undefined : this.shared[si as unknown as number];
    return sh ? shiftFormula(sh[0], sh[1], ref) : undefined;
  }

  private store(ref: string, cell: RawCell, tagc: number): number {
    const at = decodeCell(ref);
    if (at.r >= 0) this.sink(at.r, at.c, cell);
    return tagc;
  }
}
