/**
 * What a step changed, read by one identity comparison of the workbook before and after it (the
 * model is immutable and keeps unchanged rows as the same objects). The same delta feeds the
 * engine, the checks, the views, storage and history; undo is the delta reversed.
 */
import { gridCell } from './grid';
import { orderedChanges, reordered } from './deltaRows';
import { indexOfRows, shareIndex } from './rowIndex';
import { replacedFrom } from './rowsReplaced';
import type { AppendixSheet, CellInput, GridSheet, Id, PlanMeta, Row, Workbook } from './types';

/** A row added (before null), removed (after null) or changed. */
export interface RowChange {
  id: Id;
  before: Row | null;
  after: Row | null;
}

/** Changes inside an appendix sheet present before and after the step. */
export interface SheetDelta {
  sheetId: Id;
  /** Row ids in order before and after, when rows were added, removed or moved. */
  order?: { before: readonly Id[]; after: readonly Id[] };
  rows: RowChange[];
  /** The sheet before and after, when a field other than its rows changed (name, columns…). */
  header?: { before: AppendixSheet; after: AppendixSheet };
}

/** One changed cell of a plain grid sheet (0-based). */
export interface GridCellChange {
  r: number;
  c: number;
  before: CellInput;
  after: CellInput;
}

/** Changes inside a plain grid sheet present before and after the step. */
export interface GridDelta {
  gridId: Id;
  cells: GridCellChange[];
  /** Row arrays before and after (the model's own objects), to restore them exactly. */
  rowArrays: { r: number; before: CellInput[] | undefined; after: CellInput[] | undefined }[];
  length?: { before: number; after: number };
  header?: { before: GridSheet; after: GridSheet };
}

/** A list of sheets before and after (null: the workbook had no such list). */
export interface ListChange {
  before: readonly Id[] | null;
  after: readonly Id[] | null;
}

export interface Delta {
  meta?: { before: PlanMeta; after: PlanMeta };
  /** Appendix sheet ids in order, when sheets were added, removed or reordered. */
  sheetList?: ListChange;
  /** Whole sheets added (as they are after) and removed (as they were before). */
  added: AppendixSheet[];
  removed: AppendixSheet[];
  sheets: SheetDelta[];
  gridList?: ListChange;
  gridsAdded: GridSheet[];
  gridsRemoved: GridSheet[];
  grids: GridDelta[];
}

/** Whether the step changed nothing. */
export function isEmptyDelta(d: Delta): boolean {
  return (
    !d.meta &&
    !d.sheetList &&
    !d.gridList &&
    !d.added.length &&
    !d.removed.length &&
    !d.sheets.length &&
    !d.gridsAdded.length &&
    !d.gridsRemoved.length &&
    !d.grids.length
  );
}

function headerChanged<T extends object>(a: T, b: T, skip: keyof T): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof T>;
  for (const k of keys) if (k !== skip && a[k] !== b[k]) return true;
  return false;
}

/** The changes inside one appendix sheet (identity of rows first, ids only where order changed). */
export function diffSheet(a: AppendixSheet, b: AppendixSheet): SheetDelta | null {
  const d: SheetDelta = { sheetId: b.id, rows: [] };
  if (headerChanged(a, b, 'rows')) d.header = { before: a, after: b };
  const at = a.rows !== b.rows ? replacedFrom(a.rows, b.rows) : undefined;
  if (at) {
    // rows replaced in place (a cell edit's): those rows only
    for (const i of at)
      if (a.rows[i] !== b.rows[i])
        d.rows.push({ id: a.rows[i].id, before: a.rows[i], after: b.rows[i] });
  } else if (a.rows !== b.rows) {
    let sameOrder = a.rows.length === b.rows.length;
    for (let i = 0; sameOrder && i < a.rows.length; i++) {
      const ra = a.rows[i];
      const rb = b.rows[i];
      if (ra === rb) continue;
      if (ra.id !== rb.id) sameOrder = false;
      else d.rows.push({ id: ra.id, before: ra, after: rb });
    }
    if (!sameOrder) {
      d.rows = orderedChanges(a.rows, b.rows);
      d.order = { before: a.rows.map((r) => r.id), after: b.rows.map((r) => r.id) };
    }
  }
  return d.header || d.order || d.rows.length ? d : null;
}

/** The changes inside one plain grid sheet. */
export function diffGrid(a: GridSheet, b: GridSheet): GridDelta | null {
  const d: GridDelta = { gridId: b.id, cells: [], rowArrays: [] };
  if (headerChanged(a, b, 'cells')) d.header = { before: a, after: b };
  if (a.cells !== b.cells) {
    if (a.cells.length !== b.cells.length)
      d.length = { before: a.cells.length, after: b.cells.length };
    const n = Math.max(a.cells.length, b.cells.length);
    for (let r = 0; r < n; r++) {
      const ra = a.cells[r];
      const rb = b.cells[r];
      if (ra === rb) continue;
      d.rowArrays.push({ r, before: ra, after: rb });
      const w = Math.max(ra?.length ?? 0, rb?.length ?? 0);
      for (let c = 0; c < w; c++) {
        const before = gridCell(a, r, c);
        const after = gridCell(b, r, c);
        if (before !== after) d.cells.push({ r, c, before, after });
      }
    }
  }
  return d.header || d.length || d.rowArrays.length ? d : null;
}

function listChange<T extends { id: Id }>(
  a: readonly T[] | undefined,
  b: readonly T[] | undefined,
): ListChange | undefined {
  const ia = a?.map((x) => x.id) ?? null;
  const ib = b?.map((x) => x.id) ?? null;
  if (ia === null && ib === null) return undefined;
  if (ia && ib && ia.length === ib.length && ia.every((id, k) => id === ib[k])) return undefined;
  return { before: ia, after: ib };
}

/** What changed from `a` to `b` (`b` derived from `a` by pure edits). */
export function diffWorkbooks(a: Workbook, b: Workbook): Delta {
  const d: Delta = {
    added: [],
    removed: [],
    sheets: [],
    gridsAdded: [],
    gridsRemoved: [],
    grids: [],
  };
  if (a.meta !== b.meta) d.meta = { before: a.meta, after: b.meta };
  if (a.sheets !== b.sheets) {
    d.sheetList = listChange(a.sheets, b.sheets);
    const before = new Map(a.sheets.map((s) => [s.id, s]));
    const now = new Set(b.sheets.map((s) => s.id));
    for (const s of b.sheets) {
      const old = before.get(s.id);
      if (!old) d.added.push(s);
      else if (old !== s) {
        const sd = diffSheet(old, s);
        if (sd) d.sheets.push(sd);
      }
    }
    for (const s of a.sheets) if (!now.has(s.id)) d.removed.push(s);
  }
  if (a.grids !== b.grids) {
    d.gridList = listChange(a.grids, b.grids);
    const before = new Map((a.grids ?? []).map((g) => [g.id, g]));
    const now = new Set((b.grids ?? []).map((g) => g.id));
    for (const g of b.grids ?? []) {
      const old = before.get(g.id);
      if (!old) d.gridsAdded.push(g);
      else if (old !== g) {
        const gd = diffGrid(old, g);
        if (gd) d.grids.push(gd);
      }
    }
    for (const g of a.grids ?? []) if (!now.has(g.id)) d.gridsRemoved.push(g);
  }
  return d;
}

const swap = <T>(x: { before: T; after: T }) => ({ before: x.after, after: x.before });

/** The delta that undoes `d`. */
export function reverseDelta(d: Delta): Delta {
  return {
    ...(d.meta ? { meta: swap(d.meta) } : {}),
    ...(d.sheetList ? { sheetList: swap(d.sheetList) } : {}),
    added: d.removed,
    removed: d.added,
    sheets: d.sheets.map((s) => ({
      sheetId: s.sheetId,
      rows: s.rows.map((r) => ({ id: r.id, before: r.after, after: r.before })),
      ...(s.order ? { order: swap(s.order) } : {}),
      ...(s.header ? { header: swap(s.header) } : {}),
    })),
    ...(d.gridList ? { gridList: swap(d.gridList) } : {}),
    gridsAdded: d.gridsRemoved,
    gridsRemoved: d.gridsAdded,
    grids: d.grids.map((g) => ({
      gridId: g.gridId,
      cells: g.cells.map((c) => ({ r: c.r, c: c.c, before: c.after, after: c.before })),
      rowArrays: g.rowArrays.map((x) => ({ r: x.r, before: x.after, after: x.before })),
      ...(g.length ? { length: swap(g.length) } : {}),
      ...(g.header ? { header: swap(g.header) } : {}),
    })),
  };
}

/** The sheet `d` leads to from `s` (the state `d` was read from). */
export function patchSheet(s: AppendixSheet, d: SheetDelta): AppendixSheet {
  const head = d.header ? d.header.after : s;
  let rows: Row[];
  if (d.order) rows = reordered(s.rows, d);
  else {
    rows = s.rows.slice();
    const index = indexOfRows(s.rows);
    for (const r of d.rows) if (r.after) rows[index.get(r.id)!] = r.after;
    // the same ids in the same order (an undo or redo of cell edits): one index for both lists,
    // not a new 100,000-entry map per step
    shareIndex(s.rows, rows);
  }
  return { ...head, rows };
}

/** The plain grid sheet `d` leads to from `g` (the state `d` was read from). */
export function patchGrid(g: GridSheet, d: GridDelta): GridSheet {
  const head = d.header ? d.header.after : g;
  const cells = g.cells.slice();
  for (const x of d.rowArrays) if (x.after) cells[x.r] = x.after;
  if (d.length) cells.length = d.length.after;
  return { ...head, cells };
}

function patchList<T extends { id: Id }>(
  list: readonly T[] | undefined,
  change: ListChange | undefined,
  added: readonly T[],
  removed: readonly T[],
  patched: Map<Id, T>,
): T[] | undefined {
  const byId = new Map<Id, T>((list ?? []).map((x) => [x.id, x]));
  for (const x of removed) byId.delete(x.id);
  for (const x of added) byId.set(x.id, x);
  for (const [id, x] of patched) byId.set(id, x);
  if (!change) return list?.map((x) => byId.get(x.id)!);
  return change.after?.map((id) => byId.get(id)!);
}

/** The workbook `d` leads to from `wb` (the state the delta was read from). */
export function applyDelta(wb: Workbook, d: Delta): Workbook {
  const out: Workbook = { ...wb };
  if (d.meta) out.meta = d.meta.after;
  if (d.sheetList || d.sheets.length || d.added.length || d.removed.length) {
    const patched = new Map<Id, AppendixSheet>();
    for (const sd of d.sheets) {
      const s = wb.sheets.find((x) => x.id === sd.sheetId);
      if (!s) throw new Error(`sheet ${sd.sheetId} not found`);
      patched.set(s.id, patchSheet(s, sd));
    }
    out.sheets = patchList(wb.sheets, d.sheetList, d.added, d.removed, patched) ?? [];
  }
  if (d.gridList || d.grids.length || d.gridsAdded.length || d.gridsRemoved.length) {
    const patched = new Map<Id, GridSheet>();
    for (const gd of d.grids) {
      const g = wb.grids?.find((x) => x.id === gd.gridId);
      if (!g) throw new Error(`grid sheet ${gd.gridId} not found`);
      patched.set(g.id, patchGrid(g, gd));
    }
    const grids = patchList(wb.grids, d.gridList, d.gridsAdded, d.gridsRemoved, patched);
    if (grids) out.grids = grids;
    else delete out.grids;
  }
  return out;
}

/** Row ids of a sheet delta, changed or added, in the order they are after the step. */
export function changedRows(d: SheetDelta): Row[] {
  return d.rows.flatMap((r) => (r.after ? [r.after] : []));
}
