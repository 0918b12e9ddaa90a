/**
 * A plan reading in a compact form for posting from the import worker to the page (#20): the
 * appendices' rows and the row line maps as typed arrays over one string table, transferred (not
 * cloned) with the message, instead of a graph of 100,000 row objects and two maps of 100,000
 * entries that the page's structured-clone read rebuilt one property at a time (0.5–0.95 s at
 * 100,000 projects). The rest of the reading (metadata, columns, sources, warnings) is small and
 * travels as it is. `fromWire(toWire(r))` is the reading `r` again: the same values, the same key
 * order, the same shared map (the one appendix's line map is `lineOf` too).
 */
import type { AppendixSheet, CellInput, Row, RowKind } from '../domain/types';
import type { PlanReading } from './readPlan';

/** Strings by index: their concatenation and where each ends. */
interface StringTable {
  text: string;
  ends: Uint32Array;
}

/** One appendix's rows, column by column; rows that do not fit the columns travel whole. */
interface WireRows {
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

/** A row line map: keys by string index, values as numbers. */
interface WireMap {
  keys: Uint32Array;
  values: Float64Array;
}

/** The reading as posted: its small parts as they are, its bulk as typed arrays. */
export interface WireReading {
  wire: 1;
  rest: Omit<PlanReading, 'lineOf' | 'linesBySheet'>;
  strings: StringTable;
  rows: WireRows[];
  maps: WireMap[];
  lineOf: number;
  /** Sheet id and map index of each entry of `linesBySheet` (absent: none). */
  linesBySheet: [string, number][] | null;
  /** The reading's keys in their order. */
  order: string[];
}

const KINDS: RowKind[] = ['section', 'project', 'total'];
const HEAD = ['id', 'kind', 'level', 'cells'];

class Strings {
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

/** Typed arrays that grow as cells are added. */
class Cells {
  tag = new Uint8Array(1024);
  num = new Float64Array(1024);
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

function rowsToWire(rows: Row[], s: Strings): WireRows {
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
  const a = new Cells();
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
  w.cellTag = a.tag.slice(0, c);
  w.cellNum = a.num.slice(0, c);
  return w;
}

/** The compact form of a reading, and the buffers to transfer with it. */
export function toWire(r: PlanReading): { wire: WireReading; transfer: ArrayBuffer[] } {
  const s = new Strings();
  const { lineOf, linesBySheet, ...rest } = r;
  const maps: WireMap[] = [];
  const mapIndex = new Map<Map<string, number>, number>();
  const mapOf = (m: Map<string, number>): number => {
    let i = mapIndex.get(m);
    if (i !== undefined) return i;
    const keys = new Uint32Array(m.size);
    const values = new Float64Array(m.size);
    let k = 0;
    for (const [key, v] of m) {
      keys[k] = s.add(key);
      values[k++] = v;
    }
    mapIndex.set(m, (i = maps.push({ keys, values }) - 1));
    return i;
  };
  const rows = r.workbook.sheets.map((sheet) => rowsToWire(sheet.rows, s));
  const sheets = r.workbook.sheets.map((sheet) => ({ ...sheet, rows: [] }));
  const lines = mapOf(lineOf);
  const bySheet = linesBySheet ? [...linesBySheet].map(([id, m]) => [id, mapOf(m)] as const) : null;
  const wire: WireReading = {
    wire: 1,
    rest: { ...rest, workbook: { ...r.workbook, sheets } },
    strings: s.table(), // every string added
    rows,
    maps,
    lineOf: lines,
    linesBySheet: bySheet && bySheet.map(([id, m]) => [id, m]),
    order: Object.keys(r),
  };
  const transfer: ArrayBuffer[] = [wire.strings.ends.buffer as ArrayBuffer];
  for (const w of rows)
    for (const a of [w.id, w.kind, w.level, w.cellStart, w.shape, w.cellTag, w.cellNum])
      transfer.push(a.buffer as ArrayBuffer);
  for (const m of maps) transfer.push(m.keys.buffer as ArrayBuffer, m.values.buffer as ArrayBuffer);
  return { wire, transfer };
}

/** Whether a posted reading is in the compact form. */
export function isWire(r: PlanReading | WireReading): r is WireReading {
  return (r as WireReading).wire === 1;
}

function rowsFromWire(w: WireRows, str: (i: number) => string, key: (i: number) => string): Row[] {
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

/** The reading a compact form carries (see toWire). */
export function fromWire(w: WireReading): PlanReading {
  const { text, ends } = w.strings;
  const str = (i: number) => text.slice(i ? ends[i - 1] : 0, ends[i]);
  const keys = new Map<number, string>();
  const key = (i: number) => {
    let k = keys.get(i);
    if (k === undefined) keys.set(i, (k = str(i)));
    return k;
  };
  const maps = w.maps.map((m) => {
    const out = new Map<string, number>();
    for (let k = 0; k < m.keys.length; k++) out.set(str(m.keys[k]), m.values[k]);
    return out;
  });
  const sheets: AppendixSheet[] = w.rest.workbook.sheets.map((sheet, i) => ({
    ...sheet,
    rows: rowsFromWire(w.rows[i], str, key),
  }));
  const parts: Record<string, unknown> = {
    ...w.rest,
    workbook: { ...w.rest.workbook, sheets },
    lineOf: maps[w.lineOf],
  };
  if (w.linesBySheet) parts.linesBySheet = new Map(w.linesBySheet.map(([id, m]) => [id, maps[m]]));
  const reading: Record<string, unknown> = {};
  for (const k of w.order) reading[k] = parts[k];
  return reading as unknown as PlanReading;
}
