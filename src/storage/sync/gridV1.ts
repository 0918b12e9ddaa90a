/**
 * Plain sheets as documents of format 1 held them (before the format gate): the sheet's register
 * (`grid`) held its name, merges and base cells with a shape id, and each edited cell was a
 * `gridCell` register named by its 0-based position (`rowId`/`colId` are those numbers as texts)
 * carrying the shape it refers to; a document older still holds only the sheet's register. Such a
 * sheet is read as it was; the first step a client of format 2 writes to it turns it into rows
 * and columns with stable ids (`migrateV1`), the same ones whoever does it (ids and the slot come
 * from positions), so two people doing it while apart write the same thing. Cells kept with two
 * values, or written against another shape, are not folded: they stay as they are, listed as
 * conflicts (their position names no row of the new layout), never lost.
 */
import { type Conflict, registerKey, SEP, slotKey, type Written } from '../../domain/registers';
import type { RegisterIndex } from '../../domain/registerIndex';
import type { CellInput, GridSheet, Id } from '../../domain/types';
import { writeOrder } from './order';
import { drop, type Writer } from './write';

/** What a plain sheet's register held in format 1: the sheet (its base cells) and a shape id. */
export type GridValueV1 = GridSheet & { shape?: string };

/** Whether a plain sheet's register value is of format 1 (it holds the cells). */
export const isV1 = (v: unknown): v is GridValueV1 =>
  typeof v === 'object' && v !== null && Array.isArray((v as GridSheet).cells);

/** The slot every migration writes in (the same for everyone: see above). */
export const MIGRATION_SLOT = 'v1';
/** The stable id a format-1 row or column takes (from its position). */
export const v1Id = (k: number): Id => `v1.${k}`;

const sheetKey = (gridId: Id) => registerKey({ kind: 'grid', gridId });

/** Whether a format-1 cell write belongs to the sheet's shape and lies within it. */
function placed(base: GridValueV1, h: Written, row: number): boolean {
  return (h.shape ?? '') === (base.shape ?? '') && row < base.cells.length;
}

/** A cell register's position (format 1), or null. */
function position(key: string): { row: number; col: number } | null {
  const p = key.split(SEP);
  const row = Number(p[2]);
  const col = Number(p[3]);
  return Number.isInteger(row) && Number.isInteger(col) && row >= 0 && col >= 0
    ? { row, col }
    : null;
}

/** Format-1 cell registers: the placed ones (single head) and the others. */
function cellsOf(index: RegisterIndex, gridId: Id, base: GridValueV1) {
  const folded: { key: string; row: number; col: number; v: CellInput }[] = [];
  const kept: string[] = [];
  for (const key of index.gridCells.get(gridId) ?? []) {
    const h = index.heads(key);
    const p = position(key);
    if (!h.length) continue;
    if (p && h.length === 1 && placed(base, h[0], p.row))
      folded.push({ key, ...p, v: h[0].v as CellInput });
    else kept.push(key);
  }
  return { folded, kept };
}

/** A format-1 plain sheet as the document shows it: its base with every placed cell over it. */
export function readGridV1(index: RegisterIndex, gridId: Id, base: GridValueV1): GridSheet {
  const cells = base.cells.map((r) => r.slice());
  for (const key of index.gridCells.get(gridId) ?? []) {
    const h = index.heads(key)[0];
    const p = position(key);
    if (!h || !p || !placed(base, h, p.row)) continue;
    const line = cells[p.row];
    while (line.length <= p.col) line.push(null);
    line[p.col] = h.v as CellInput;
  }
  const { shape: _s, ...g } = { ...base, cells };
  return g;
}

/** Format-1 cell writes with no place (the sheet was reshaped meanwhile) as orphan conflicts. */
export function orphansV1(index: RegisterIndex, gridId: Id, base: GridValueV1): Conflict[] {
  const out: Conflict[] = [];
  for (const key of index.gridCells.get(gridId) ?? []) {
    const writes = index.heads(key);
    const p = position(key);
    if (!writes.length || index.conflicted.has(key) || (p && placed(base, writes[0], p.row)))
      continue;
    const [, , rowId, colId] = key.split(SEP);
    out.push({ key, register: { kind: 'gridCell', gridId, rowId, colId }, writes, orphan: true });
  }
  return out;
}

/**
 * Writes a value in the migration slot (a deterministic id: the same whoever migrates), replacing
 * the shown head only (a sheet kept with two values stays a conflict).
 */
function putFixed(w: Writer, reg: string, v: unknown, id: string): void {
  const head = w.index.heads(reg)[0];
  const seen = head ? [head.id] : [];
  for (const s of w.index.slotsOf(reg)) {
    const k = slotKey(reg, s);
    if (s === MIGRATION_SLOT || w.index.slots.get(reg)?.get(s) !== head) continue;
    w.reg.delete(k);
    w.index.apply(k, undefined);
  }
  const entry: Written = { v, by: w.by, at: w.now(), id, seen };
  const k = slotKey(reg, MIGRATION_SLOT);
  w.reg.set(k, entry);
  w.index.apply(k, entry);
}

/**
 * Turns a format-1 plain sheet into rows and columns with stable ids (call inside a
 * transaction); returns the sheet as it showed (the positions are the new ids' order).
 */
export function migrateV1(w: Writer, gridId: Id, base: GridValueV1, names: GridNames): GridSheet {
  const shown = readGridV1(w.index, gridId, base);
  const tag = `${MIGRATION_SLOT}.${w.index.heads(sheetKey(gridId))[0]?.id ?? ''}`;
  const { folded } = cellsOf(w.index, gridId, base);
  const width = shown.cells.reduce((m, r) => Math.max(m, r.length), 0);
  const colIds = Array.from({ length: width }, (_, c) => v1Id(c));
  const rowIds = shown.cells.map((_, r) => v1Id(r));
  const { cells: _c, shape: _s, ...head } = base;
  putFixed(w, sheetKey(gridId), head, tag);
  shown.cells.forEach((row, r) => {
    const cells: Record<Id, CellInput> = {};
    row.forEach((v, c) => {
      if (v !== null && v !== '') cells[colIds[c]] = v;
    });
    putFixed(w, registerKey({ kind: 'gridRow', gridId, rowId: rowIds[r] }), { cells }, tag);
  });
  for (const f of folded) drop(w, f.key);
  writeOrder(w.doc.getArray<string>(names.rows(gridId)), rowIds);
  writeOrder(w.doc.getArray<string>(names.cols(gridId)), colIds);
  return shown;
}

/** The names of a plain sheet's row and column orders in the document. */
export interface GridNames {
  rows: (gridId: Id) => string;
  cols: (gridId: Id) => string;
}
