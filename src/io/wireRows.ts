/**
 * An appendix's rows in the compact form a reading is posted in (readingWire.ts): column by column
 * as typed arrays over one string table, the cells of rows of one key list (shape) packed; rows of
 * another shape travel whole.
 */
import type { CellInput, Row, RowKind } from '../domain/types';

/** Strings by index: their concatenation and where each ends. */
export interface StringTable {
  text: string;
  ends: Uint32Array;
}

/** One appendix's rows, column by column; rows that do not fit the columns travel whole. */
export interface WireRows {
  count: number;
  id: Uint32Array;
  kind: Uint8Array;
  level: Float64Array;
  /** Where each row's cells start in the cell arrays (count + 1 entries). */
  cellStart: Uint32Array;
  /** Each row's cell keys: an index into `shapes`. */
  shape: Uint32Array;
  /** The cell keys (string indexes) of each shape, in order. */
  shapes: number[][];
  /** 0 blank (null), 1 number, 2 text (its string index in `cellNum`). */
  cellTag: Uint8Array;
  cellNum: Float64Array;
  /** Properties after `cells` (remark, part, percent…), by row index, cloned as they are. */
  extras: [number, Record<string, unknown>][];
  /** Rows of another shape, by row index, cloned as they are. */
  whole: [number, Row][];
}

const KINDS: RowKind[] = ['section', 'project', 'total'];
const HEAD = ['id', 'kind', 'level', 'cells'];

/** The strings of a reading as they are added, then as one table. */
export class Strings {
  private readonly all: string[] = [];
  private readonly interned = new Map<string, number>();
  /** The index of `s`, a new one each time. */
  add(s: string): number {
    return this.all.push(s) - 1;
  }
  /** The index of `s`, one for every equal string (keys repeat). */
  key(s: string): number {
    let i = this.interned.get(s);
    if (i === undefined) this.interned.set(s, (i = this.add(s)));
    return i;
  }
  table(): StringTable {
    const ends = new Uint32Array(this.all.length);
    let at = 0;
    for (let i = 0; i < this.all.length; i++) ends[i] = at += this.all[i].length;
    return { text: this.all.join(''), ends };
  }
}

/** Whether `row` starts with id, kind, level, cells in that order, of their types. */
function columnar(row: Row): boolean {
  let k = 0;
  for (const key in row) {
    if (key !== HEAD[k]) return false;
    if (++k === 4) break;
  }
  return (
    k === 4 &&
    typeof row.id === 'string' &&
    typeof row.level === 'number' &&
    KINDS.indexOf(row.kind) >= 0 &&
    Object.getPrototypeOf(row.cells) === Object.prototype
  );
}

/** Typed arrays that grow as cells are added (sized ahead: `cellCount`). */
class Cells {
  tag: Uint8Array;
  num: Float64Array;
  constructor(size: number) {
    this.tag = new Uint8Array(size);
    this.num = new Float64Array(size);
  }
  room(n: number): void {
    if (n <= this.tag.length) return;
    const size = Math.max(n, this.tag.length * 2);
    const grow = <T extends Uint8Array | Float64Array>(a: T, b: T) => (b.set(a), b);
    this.tag = grow(this.tag, new Uint8Array(size));
    this.num = grow(this.num, new Float64Array(size));
  }
}

/** A list of cell keys so far: its last key and the list before it; its shape once a row ends there. */
interface ShapeNode {
  next: Map<number, ShapeNode>;
  shape: number;
  key?: number;
  up?: ShapeNode;
}

function shapeKeys(node: ShapeNode): number[] {
  const keys: number[] = [];
  for (let n: ShapeNode | undefined = node; n?.up; n = n.up) keys.push(n.key!);
  return keys.reverse();
}

/** How many cells the rows hold (the cell arrays' size: grown and copied in steps, 0.1 s at 100,000 projects). */
function cellCount(rows: Row[]): number {
  let n = 0;
  for (const row of rows) {
    const cells = row.cells as Record<string, unknown> | undefined;
    if (cells && typeof cells === 'object') for (const key in cells) if (key) n++;
  }
  return n;
}

/** An appendix's rows in the compact form, their strings added to `s`. */
export function rowsToWire(rows: Row[], s: Strings): WireRows {
  const n = rows.length;
  const w: WireRows = {
    ...{ count: n, id: new Uint32Array(n), kind: new Uint8Array(n), level: new Float64Array(n) },
    ...{
      cellStart: new Uint32Array(n + 1),
      shape: new Uint32Array(n),
      shapes: [],
      cellTag: new Uint8Array(0),
    },
    ...{ cellNum: new Float64Array(0), extras: [], whole: [] },
  };
  const a = new Cells(Math.max(1, cellCount(rows)));
  // keys come in the same order row after row: the key at each place last seen, and its index
  const seenKey: string[] = [];
  const seenIndex: number[] = [];
  // the shapes as a tree of key indexes (the rows' key lists, each once)
  const root: ShapeNode = { next: new Map(), shape: -1 };
  let c = 0;
  rows: for (let i = 0; i < n; i++) {
    const row = rows[i];
    w.cellStart[i] = c;
    if (!columnar(row)) {
      w.whole.push([i, row]);
      continue;
    }
    let j = 0;
    let node = root;
    for (const key in row.cells) {
      const v = row.cells[key];
      a.room(c + 1);
      if (seenKey[j] !== key) {
        seenKey[j] = key;
        seenIndex[j] = s.key(key);
      }
      const ki = seenIndex[j++];
      let to = node.next.get(ki);
      if (!to) node.next.set(ki, (to = { next: new Map(), shape: -1, key: ki, up: node }));
      node = to;
      if (typeof v === 'number') {
        a.tag[c] = 1;
        a.num[c] = v;
      } else if (typeof v === 'string') {
        a.tag[c] = 2;
        a.num[c] = s.add(v);
      } else if (v === null) a.tag[c] = 0;
      else {
        // a cell of another kind: the row travels whole (the texts added stay unused)
        w.whole.push([i, row]);
        c = w.cellStart[i];
        continue rows;
      }
      c++;
    }
    if (node.shape < 0) node.shape = w.shapes.push(shapeKeys(node)) - 1;
    w.shape[i] = node.shape;
    w.id[i] = s.add(row.id);
    w.kind[i] = KINDS.indexOf(row.kind);
    w.level[i] = row.level;
    let extra: Record<string, unknown> | null = null;
    let k = 0;
    for (const key in row) if (k++ >= 4) (extra ??= {})[key] = row[key as keyof Row];
    if (extra) w.extras.push([i, extra]);
  }
  w.cellStart[n] = c;
  // the arrays as they are when every cell went in (their buffers are transferred, not copied)
  w.cellTag = c === a.tag.length ? a.tag : a.tag.slice(0, c);
  w.cellNum = c === a.num.length ? a.num : a.num.slice(0, c);
  return w;
}

/** The rows a compact form carries (`str`: a string by index, `key`: a cell key by index). */
export function rowsFromWire(
  w: WireRows,
  str: (i: number) => string,
  key: (i: number) => string,
): Row[] {
  const rows = new Array<Row>(w.count);
  const whole = new Map(w.whole);
  const extras = new Map(w.extras);
  // each shape's keys, and an object of them (blank) whose copy a row's cells start from: copies
  // share one layout, and the values are set without adding a property each time
  const keys = w.shapes.map((ks) => ks.map(key));
  const blanks = keys.map((ks) => {
    const o: Record<string, CellInput> = {};
    for (const k of ks) o[k] = null;
    return o;
  });
  for (let i = 0; i < w.count; i++) {
    const kept = whole.get(i);
    if (kept) {
      rows[i] = kept;
      continue;
    }
    const ks = keys[w.shape[i]];
    const cells: Record<string, CellInput> = { ...blanks[w.shape[i]] };
    for (let c = w.cellStart[i], j = 0; j < ks.length; c++, j++) {
      const tag = w.cellTag[c];
      if (tag) cells[ks[j]] = tag === 1 ? w.cellNum[c] : str(w.cellNum[c]);
    }
    const row: Row = { id: str(w.id[i]), kind: KINDS[w.kind[i]], level: w.level[i], cells };
    const extra = extras.get(i);
    rows[i] = extra ? Object.assign(row, extra) : row;
  }
  return rows;
}
