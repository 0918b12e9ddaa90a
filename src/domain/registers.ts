/**
 * The shared workbook as multi-value registers: every piece a person can change (the plan's
 * meta, a sheet's header, a row's shape, one cell, a plain grid sheet) is a register, and each
 * writer keeps its own slot in it. A write names the writes it replaces (the ones its writer
 * saw); the writes nobody replaced are the register's heads. One head: settled. Two or more:
 * people wrote the same thing while apart, and every value is kept until one of them settles it.
 * Pure: the storage layer maps registers onto a Yjs map, the server reads them for its audit.
 */
import type { CellInput, Id } from './types';

/** Separator between the parts of a register key (never in an id). */
export const SEP = '\u001f';
/** Separator between a register key and a writer's slot. */
export const SLOT = '\u001e';

export type Register =
  | { kind: 'meta' }
  | { kind: 'sheet'; sheetId: Id }
  | { kind: 'row'; sheetId: Id; rowId: Id }
  | { kind: 'cell'; sheetId: Id; rowId: Id; colId: Id }
  | { kind: 'grid'; gridId: Id }
  /** A row of a plain grid sheet, by its stable id: its cells as first shared, by column id. */
  | { kind: 'gridRow'; gridId: Id; rowId: Id }
  /**
   * One cell of a plain grid sheet by its row's and column's stable ids (over the row's
   * register). Documents of format 1 named it by 0-based position: `rowId`/`colId` are then
   * those numbers as texts (`storage/sync/gridV1.ts`).
   */
  | { kind: 'gridCell'; gridId: Id; rowId: Id; colId: Id };

/** One write into a register: the value, who wrote it, when, and the writes it replaced. */
export interface Written<T = unknown> {
  v: T;
  /** The writer's account id. */
  by: string;
  /** When, in ms since 1970 (the writer's clock). */
  at: number;
  /** This write's id (unique: the writer's slot and a counter). */
  id: string;
  /** Ids of the writes this one replaces: the heads its writer saw. */
  seen: string[];
  /** For a cell: the value its writer saw before writing (null: blank). */
  was?: CellInput;
  /** For a plain-sheet cell of format 1: the shape its position refers to (`gridV1.ts`). */
  shape?: string;
}

/** The key of a register. */
export function registerKey(r: Register): string {
  switch (r.kind) {
    case 'meta':
      return 'm';
    case 'sheet':
      return `s${SEP}${r.sheetId}`;
    case 'row':
      return `r${SEP}${r.sheetId}${SEP}${r.rowId}`;
    case 'cell':
      return `c${SEP}${r.sheetId}${SEP}${r.rowId}${SEP}${r.colId}`;
    case 'grid':
      return `g${SEP}${r.gridId}`;
    case 'gridRow':
      return `R${SEP}${r.gridId}${SEP}${r.rowId}`;
    case 'gridCell':
      return `G${SEP}${r.gridId}${SEP}${r.rowId}${SEP}${r.colId}`;
  }
}

/** The register a key names (null: not a register key). */
export function parseRegister(key: string): Register | null {
  const p = key.split(SEP);
  switch (p[0]) {
    case 'm':
      return p.length === 1 ? { kind: 'meta' } : null;
    case 's':
      return p.length === 2 ? { kind: 'sheet', sheetId: p[1] } : null;
    case 'r':
      return p.length === 3 ? { kind: 'row', sheetId: p[1], rowId: p[2] } : null;
    case 'c':
      return p.length === 4 ? { kind: 'cell', sheetId: p[1], rowId: p[2], colId: p[3] } : null;
    case 'g':
      return p.length === 2 ? { kind: 'grid', gridId: p[1] } : null;
    case 'R':
      return p.length === 3 ? { kind: 'gridRow', gridId: p[1], rowId: p[2] } : null;
    case 'G':
      return p.length === 4 ? { kind: 'gridCell', gridId: p[1], rowId: p[2], colId: p[3] } : null;
    default:
      return null;
  }
}

/** The key of one writer's slot in a register. */
export function slotKey(register: string, slot: string): string {
  return register + SLOT + slot;
}

/** A slot key split into its register and slot (null: not a slot key). */
export function splitSlot(key: string): { register: string; slot: string } | null {
  const i = key.lastIndexOf(SLOT);
  return i < 0 ? null : { register: key.slice(0, i), slot: key.slice(i + 1) };
}

/** Whether a stored value has the shape of a write. */
export function isWritten(x: unknown): x is Written {
  if (typeof x !== 'object' || x === null) return false;
  const w = x as Partial<Written>;
  return (
    typeof w.by === 'string' &&
    typeof w.at === 'number' &&
    typeof w.id === 'string' &&
    Array.isArray(w.seen) &&
    'v' in w
  );
}

/** Orders heads: the latest first (then by id), so every replica shows the same one. */
export function byRecency(a: Written, b: Written): number {
  return b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** The writes of a register that no other write replaced, latest first. */
export function heads<T>(writes: Iterable<Written<T>>): Written<T>[] {
  const all = [...writes];
  if (all.length <= 1) return all;
  const replaced = new Set<string>();
  for (const w of all) for (const s of w.seen) replaced.add(s);
  return all.filter((w) => !replaced.has(w.id)).sort(byRecency);
}

/** Two cell values are the same (blank is null, absent or the empty text). */
export function sameCell(a: CellInput | undefined, b: CellInput | undefined): boolean {
  const x = a === undefined || a === '' ? null : a;
  const y = b === undefined || b === '' ? null : b;
  return x === y;
}

/** Two or more values of one register kept side by side until someone settles them. */
export interface Conflict {
  key: string;
  register: Register;
  /** Every head, latest first; the first is what the sheet shows meanwhile. */
  writes: Written[];
  /** A cell written while someone else removed its row: the row is gone, the value is not. */
  orphan?: boolean;
  /** Of a plain sheet's cell still in the sheet: its 0-based position now. */
  at?: { row: number; col: number };
}
