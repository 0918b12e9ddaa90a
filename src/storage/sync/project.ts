/**
 * The workbook a shared document shows: its registers read into the plan model, rebuilt only
 * where a change touched it (unchanged sheets and rows stay the same objects, so the step that
 * carries a remote change into the app is as small as the change).
 *
 * Layout of the document: `reg` (a map of register slots, `domain/registers.ts`), `sheets` and
 * `grids` (arrays of sheet ids), one `o␟sheetId` array per appendix sheet (its row ids), and
 * `gr␟gridId` / `gc␟gridId` per plain sheet (its row and column ids, `gridSync.ts`).
 */
import type * as Y from 'yjs';
import { registerKey, SEP, type Register } from '../../domain/registers';
import { indexOfRows, shareIndex } from '../../domain/rowIndex';
import {
  type AppendixSheet,
  type CellInput,
  type GridSheet,
  type Id,
  isBlankInput,
  type PlanMeta,
  type Row,
  type Workbook,
} from '../../domain/types';
import { readGrid } from './gridSync';
import { readOrder } from './order';
import { rowRef, type RegisterIndex } from '../../domain/registerIndex';

export const REG = 'reg';
export const SHEETS = 'sheets';
export const GRIDS = 'grids';
/** The name of the array holding a sheet's row ids. */
export const orderName = (sheetId: Id): string => 'o' + SEP + sheetId;

/** What the meta register holds. */
export interface MetaValue {
  meta: PlanMeta;
  lineage?: Id;
}
/** What a sheet register holds: the sheet without its rows. */
export type SheetHeader = Omit<AppendixSheet, 'rows'>;

/** The fields of a workbook that are this browser's own, not shared. */
export type WorkbookBase = Pick<Workbook, 'id' | 'createdAt' | 'updatedAt'>;

/** What a transaction touched, by part of the workbook. */
export interface Dirty {
  meta: boolean;
  sheetList: boolean;
  gridList: boolean;
  headers: Set<Id>;
  orders: Set<Id>;
  rows: Map<Id, Set<Id>>;
  grids: Set<Id>;
}

export function emptyDirty(): Dirty {
  return {
    meta: false,
    sheetList: false,
    gridList: false,
    headers: new Set(),
    orders: new Set(),
    rows: new Map(),
    grids: new Set(),
  };
}

/** Marks the part of the workbook a register belongs to. */
export function markDirty(d: Dirty, r: Register): void {
  switch (r.kind) {
    case 'meta':
      d.meta = true;
      return;
    case 'sheet':
      d.headers.add(r.sheetId);
      return;
    case 'grid':
    case 'gridRow':
    case 'gridCell':
      d.grids.add(r.gridId);
      return;
    case 'row':
    case 'cell': {
      let set = d.rows.get(r.sheetId);
      if (!set) d.rows.set(r.sheetId, (set = new Set()));
      set.add(r.rowId);
    }
  }
}

export function isDirty(d: Dirty): boolean {
  return (
    d.meta ||
    d.sheetList ||
    d.gridList ||
    d.headers.size + d.orders.size + d.rows.size + d.grids.size > 0
  );
}

/** Reads the shared document into the plan model. */
export class Projection {
  constructor(
    private readonly doc: Y.Doc,
    private readonly index: RegisterIndex,
  ) {}

  /** Whether the document holds a workbook yet (its meta register was written). */
  get ready(): boolean {
    return this.index.heads(registerKey({ kind: 'meta' })).length > 0;
  }

  /** A row as the document shows it: its register, every cell register over it (null: none). */
  row(sheetId: Id, rowId: Id): Row | null {
    const base = this.index.value<Row>(registerKey({ kind: 'row', sheetId, rowId }));
    if (!base) return null;
    const cells: Record<Id, CellInput> = { ...base.cells };
    for (const colId of this.index.rowCells.get(rowRef(sheetId, rowId)) ?? []) {
      const h = this.index.heads(registerKey({ kind: 'cell', sheetId, rowId, colId }));
      if (!h.length) continue;
      const v = h[0].v as CellInput;
      if (isBlankInput(v)) delete cells[colId];
      else cells[colId] = v;
    }
    return { ...base, cells };
  }

  private rowIds(sheetId: Id): Id[] {
    const arr = this.doc.getArray<string>(orderName(sheetId));
    return readOrder(
      arr,
      (rowId) => this.index.heads(registerKey({ kind: 'row', sheetId, rowId })).length > 0,
    );
  }

  private header(sheetId: Id): SheetHeader | undefined {
    return this.index.value<SheetHeader>(registerKey({ kind: 'sheet', sheetId }));
  }

  private sheet(
    sheetId: Id,
    prev: AppendixSheet | undefined,
    d: Dirty | null,
  ): AppendixSheet | null {
    const head = !prev || !d || d.headers.has(sheetId) ? this.header(sheetId) : prev;
    if (!head) return null;
    const changed = d?.rows.get(sheetId);
    let rows: Row[];
    if (prev && d && !d.orders.has(sheetId) && !changed) rows = prev.rows;
    else if (prev && d && !d.orders.has(sheetId)) {
      rows = prev.rows.slice();
      const at = indexOfRows(prev.rows);
      let gone = false;
      for (const rowId of changed!) {
        const i = at.get(rowId);
        const r = this.row(sheetId, rowId);
        if (i === undefined || !r) gone = true;
        else rows[i] = r;
      }
      if (gone) return this.sheet(sheetId, prev, { ...d, orders: new Set([sheetId]) });
      shareIndex(prev.rows, rows); // same ids in the same order: one index for both
    } else {
      const old = prev ? indexOfRows(prev.rows) : null;
      rows = this.rowIds(sheetId).map((rowId) => {
        const i = old?.get(rowId);
        return i !== undefined && !changed?.has(rowId) ? prev!.rows[i] : this.row(sheetId, rowId)!;
      });
    }
    if (head === prev && rows === prev.rows) return prev;
    const { rows: _drop, ...fields } = head as AppendixSheet;
    return { ...fields, rows } as AppendixSheet;
  }

  private grid(gridId: Id): GridSheet | undefined {
    return readGrid(this.doc, this.index, gridId);
  }

  private hasGrid(gridId: Id): boolean {
    return this.index.heads(registerKey({ kind: 'grid', gridId })).length > 0;
  }

  /** The whole workbook (null: nothing shared yet). */
  full(base: WorkbookBase): Workbook | null {
    if (!this.ready) return null;
    const m = this.index.value<MetaValue>(registerKey({ kind: 'meta' }))!;
    const sheetIds = readOrder(this.doc.getArray<string>(SHEETS), (id) => !!this.header(id));
    const gridIds = readOrder(this.doc.getArray<string>(GRIDS), (id) => this.hasGrid(id));
    const wb: Workbook = {
      ...base,
      meta: m.meta,
      sheets: sheetIds.map((id) => this.sheet(id, undefined, null)!),
    };
    if (m.lineage) wb.lineage = m.lineage;
    if (gridIds.length) wb.grids = gridIds.map((id) => this.grid(id)!);
    return wb;
  }

  /** The workbook after a change (`prev` as it was before; unchanged parts kept). */
  update(prev: Workbook, d: Dirty): Workbook {
    const out: Workbook = { ...prev };
    let changed = false;
    if (d.meta) {
      const m = this.index.value<MetaValue>(registerKey({ kind: 'meta' }));
      if (m && m.meta !== prev.meta) {
        out.meta = m.meta;
        changed = true;
      }
      if (m && (m.lineage ?? undefined) !== prev.lineage) {
        if (m.lineage) out.lineage = m.lineage;
        else delete out.lineage;
        changed = true;
      }
    }
    const touched = new Set<Id>([...d.headers, ...d.orders, ...d.rows.keys()]);
    if (d.sheetList || touched.size) {
      const byId = new Map(prev.sheets.map((s) => [s.id, s]));
      const ids = d.sheetList
        ? readOrder(this.doc.getArray<string>(SHEETS), (id) => !!this.header(id))
        : prev.sheets.map((s) => s.id).filter((id) => !d.headers.has(id) || this.header(id));
      const sheets = ids.flatMap((id) => {
        const p = byId.get(id);
        if (p && !touched.has(id)) return [p];
        const s = this.sheet(id, p, p ? d : null);
        return s ? [s] : [];
      });
      if (sheets.length !== prev.sheets.length || sheets.some((s, i) => s !== prev.sheets[i])) {
        out.sheets = sheets;
        changed = true;
      }
    }
    if (d.gridList || d.grids.size) {
      const ids = d.gridList
        ? readOrder(this.doc.getArray<string>(GRIDS), (id) => this.hasGrid(id))
        : (prev.grids ?? []).map((g) => g.id).filter((id) => this.hasGrid(id));
      const old = prev.grids ?? [];
      const kept = new Map(old.map((g) => [g.id, g]));
      const grids = ids.map((id) => (!d.grids.has(id) && kept.get(id)) || this.grid(id)!);
      if (grids.length !== old.length || grids.some((g, i) => g !== old[i])) {
        if (grids.length) out.grids = grids;
        else delete out.grids;
        changed = true;
      }
    }
    return changed ? out : prev;
  }
}
