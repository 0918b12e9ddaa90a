/**
 * One local step written into the shared document: what changed from the workbook before the
 * step to the one after it (read by identity: the model is immutable and keeps unchanged parts
 * as the same objects), as register writes. A cell edit writes that cell's register only, with
 * the value it replaced; a row's shape, a sheet's header and the meta are registers of their own,
 * a plain grid sheet's rows and columns have stable ids, its rows and edited cells are registers
 * (`gridSync.ts`); orders are Yjs arrays.
 */
import type * as Y from 'yjs';
import { registerKey, sameCell, slotKey, type Written } from '../../domain/registers';
import { indexOfRows } from '../../domain/rowIndex';
import type { AppendixSheet, CellInput, Id, Row, Workbook } from '../../domain/types';
import { writeGrid } from './gridSync';
import { writeOrder } from './order';
import { GRIDS, orderName, SHEETS, type MetaValue, type SheetHeader } from './project';
import { rowRef, type RegisterIndex } from '../../domain/registerIndex';

/** Who writes, and where: the context of every register write. */
export interface Writer {
  doc: Y.Doc;
  reg: Y.Map<unknown>;
  index: RegisterIndex;
  /** This replica's slot in every register. */
  slot: string;
  /** The author's account id. */
  by: string;
  now: () => number;
  nextId: () => string;
}

/** Writes a value into a register, replacing every head this replica sees. */
export function put(w: Writer, reg: string, v: unknown, was?: CellInput, shape?: string): void {
  const seen = w.index.heads(reg).map((h) => h.id);
  const entry: Written = { v, by: w.by, at: w.now(), id: w.nextId(), seen };
  if (was !== undefined) entry.was = was;
  if (shape !== undefined) entry.shape = shape;
  for (const s of w.index.slotsOf(reg)) {
    if (s === w.slot) continue;
    const k = slotKey(reg, s);
    w.reg.delete(k);
    w.index.apply(k, undefined);
  }
  const k = slotKey(reg, w.slot);
  w.reg.set(k, entry);
  w.index.apply(k, entry);
}

/** Removes every slot of a register this replica sees (a write made meanwhile survives). */
export function drop(w: Writer, reg: string): void {
  for (const s of w.index.slotsOf(reg)) {
    const k = slotKey(reg, s);
    w.reg.delete(k);
    w.index.apply(k, undefined);
  }
}

/** A row's register value: the row without undefined fields (its cells are the row's base). */
function rowValue(r: Row, cells: Record<Id, CellInput>): Row {
  const out = { ...r, cells: { ...cells } };
  for (const k of Object.keys(out) as (keyof Row)[]) if (out[k] === undefined) delete out[k];
  return out;
}

function headerOf(s: AppendixSheet): SheetHeader {
  const { rows: _rows, ...h } = s;
  return h;
}

function headerChanged(a: AppendixSheet, b: AppendixSheet): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof AppendixSheet>;
  for (const k of keys) if (k !== 'rows' && a[k] !== b[k]) return true;
  return false;
}

function propsChanged(a: Row, b: Row): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Row>;
  for (const k of keys) if (k !== 'cells' && a[k] !== b[k]) return true;
  return false;
}

const sameIds = (a: readonly { id: Id }[], b: readonly { id: Id }[]) =>
  a.length === b.length && a.every((x, i) => x.id === b[i].id);

function addRow(w: Writer, sheetId: Id, r: Row): void {
  put(w, registerKey({ kind: 'row', sheetId, rowId: r.id }), rowValue(r, r.cells));
}

function removeRow(w: Writer, sheetId: Id, rowId: Id): void {
  drop(w, registerKey({ kind: 'row', sheetId, rowId }));
  for (const colId of [...(w.index.rowCells.get(rowRef(sheetId, rowId)) ?? [])])
    drop(w, registerKey({ kind: 'cell', sheetId, rowId, colId }));
}

/** Writes a changed row: its changed cells one by one, its shape if that changed. */
function changeRow(w: Writer, sheetId: Id, a: Row, b: Row): void {
  const keys = new Set([...Object.keys(a.cells), ...Object.keys(b.cells)]);
  for (const colId of keys) {
    const before = a.cells[colId];
    const after = b.cells[colId];
    if (sameCell(before, after)) continue;
    const reg = registerKey({ kind: 'cell', sheetId, rowId: b.id, colId });
    put(w, reg, after ?? null, before ?? null);
  }
  if (propsChanged(a, b)) {
    const rowReg = registerKey({ kind: 'row', sheetId, rowId: b.id });
    const base = w.index.value<Row>(rowReg)?.cells ?? a.cells;
    put(w, rowReg, rowValue(b, base));
  }
}

/** Writes a whole sheet (a sheet added, or the first publication). */
export function addSheet(w: Writer, s: AppendixSheet): void {
  put(w, registerKey({ kind: 'sheet', sheetId: s.id }), headerOf(s));
  for (const r of s.rows) addRow(w, s.id, r);
  writeOrder(
    w.doc.getArray<string>(orderName(s.id)),
    s.rows.map((r) => r.id),
  );
}

function removeSheet(w: Writer, s: AppendixSheet): void {
  drop(w, registerKey({ kind: 'sheet', sheetId: s.id }));
  for (const r of s.rows) removeRow(w, s.id, r.id);
  const arr = w.doc.getArray<string>(orderName(s.id));
  if (arr.length) arr.delete(0, arr.length);
}

function changeSheet(w: Writer, a: AppendixSheet, b: AppendixSheet): void {
  if (headerChanged(a, b)) put(w, registerKey({ kind: 'sheet', sheetId: b.id }), headerOf(b));
  if (a.rows === b.rows) return;
  const same = sameIds(a.rows, b.rows);
  if (same) {
    for (let i = 0; i < b.rows.length; i++)
      if (a.rows[i] !== b.rows[i]) changeRow(w, b.id, a.rows[i], b.rows[i]);
    return;
  }
  const ia = indexOfRows(a.rows);
  const ib = indexOfRows(b.rows);
  for (const r of b.rows) {
    const i = ia.get(r.id);
    if (i === undefined) addRow(w, b.id, r);
    else if (a.rows[i] !== r) changeRow(w, b.id, a.rows[i], r);
  }
  for (const r of a.rows) if (!ib.has(r.id)) removeRow(w, b.id, r.id);
  writeOrder(
    w.doc.getArray<string>(orderName(b.id)),
    b.rows.map((r) => r.id),
  );
}

/** Writes what changed from `a` to `b` (call inside a transaction). */
export function writeStep(w: Writer, a: Workbook | null, b: Workbook): void {
  if (!a || a.meta !== b.meta || a.lineage !== b.lineage) {
    const m: MetaValue = { meta: b.meta };
    if (b.lineage) m.lineage = b.lineage;
    put(w, registerKey({ kind: 'meta' }), m);
  }
  const sheetsBefore = a?.sheets ?? [];
  if (sheetsBefore !== b.sheets) {
    const old = new Map(sheetsBefore.map((s) => [s.id, s]));
    const now = new Set(b.sheets.map((s) => s.id));
    for (const s of b.sheets) {
      const p = old.get(s.id);
      if (!p) addSheet(w, s);
      else if (p !== s) changeSheet(w, p, s);
    }
    for (const s of sheetsBefore) if (!now.has(s.id)) removeSheet(w, s);
    if (!a || !sameIds(sheetsBefore, b.sheets))
      writeOrder(
        w.doc.getArray<string>(SHEETS),
        b.sheets.map((s) => s.id),
      );
  }
  const gridsBefore = a?.grids ?? [];
  const gridsAfter = b.grids ?? [];
  if (gridsBefore !== gridsAfter) {
    const old = new Map(gridsBefore.map((g) => [g.id, g]));
    const now = new Set(gridsAfter.map((g) => g.id));
    for (const g of gridsAfter) if (old.get(g.id) !== g) writeGrid(w, old.get(g.id), g);
    for (const g of gridsBefore) if (!now.has(g.id)) writeGrid(w, g, undefined);
    if (!sameIds(gridsBefore, gridsAfter))
      writeOrder(
        w.doc.getArray<string>(GRIDS),
        gridsAfter.map((g) => g.id),
      );
  }
}
