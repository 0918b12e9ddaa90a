/**
 * A plan reading in a compact form for posting from the import worker to the page (#20): the
 * appendices' rows and the row line maps as typed arrays over one string table, transferred (not
 * cloned) with the message, instead of a graph of 100,000 row objects and two maps of 100,000
 * entries that the page's structured-clone read rebuilt one property at a time (0.5–0.95 s at
 * 100,000 projects). The rest of the reading (metadata, columns, sources, warnings) is small and
 * travels as it is. `fromWire(toWire(r))` is the reading `r` again: the same values, the same key
 * order, the same shared map (the one appendix's line map is `lineOf` too).
 */
import type { AppendixSheet } from '../domain/types';
import type { PlanReading } from './readPlan';
import { rowsFromWire, rowsToWire, type StringTable, Strings, type WireRows } from './wireRows';

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
