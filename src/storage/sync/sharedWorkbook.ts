/**
 * A workbook shared through a Yjs document. Local steps go in with `commit(before, after)`; a
 * change that arrives from elsewhere (another person, this browser's stored copy) comes out as a
 * step for the app to apply like any other (`onChange`), never as an undo step of its own user.
 * Two people writing the same cell while apart both keep their value: `conflicts()` lists them
 * until one of them `settle`s it.
 */
import * as Y from 'yjs';
import {
  type Conflict,
  parseRegister,
  registerKey,
  SEP,
  slotKey,
  type Written,
} from '../../domain/registers';
import { indexOfRows } from '../../domain/rowIndex';
import type { Id, Workbook } from '../../domain/types';
import {
  emptyDirty,
  GRIDS,
  isDirty,
  markDirty,
  Projection,
  REG,
  SHEETS,
  type WorkbookBase,
} from './project';
import { RegisterIndex } from '../../domain/registerIndex';
import { gridMoveOf, type GridMove, type GridMoves } from '../../domain/gridMoves';
import {
  gridCellKeyAt,
  gridOrder,
  gridPlaces,
  type GridPlaces,
  gridPosition,
  orphanGridCells,
} from './gridSync';
import { put, type Writer, writeStep } from './write';

/** Why the workbook changed: first read from the document, or a step from elsewhere. */
export type ChangeKind = 'load' | 'remote';

/**
 * A change from elsewhere: the workbook before and after, and the plain sheets' rows and columns
 * it inserted or removed (by their ids: the kept steps of this user follow them).
 */
export type ChangeListener = (
  kind: ChangeKind,
  before: Workbook | null,
  after: Workbook,
  moves: GridMoves,
) => void;

export interface SharedOptions {
  /** The writer's account id (every write carries it). */
  author: string;
  /** This browser's own fields of the workbook (id, dates). */
  base: WorkbookBase;
  now?: () => number;
}

export class SharedWorkbook {
  readonly index = new RegisterIndex();
  readonly reg: Y.Map<unknown>;
  private readonly projection: Projection;
  private readonly writer: Writer;
  private wb: Workbook | null = null;
  private listeners = new Set<ChangeListener>();
  private names = new WeakMap<object, string>();
  private counter = 0;
  /** Each plain sheet's row and column ids as last read (a change's moves are read against them). */
  private gridOrders = new Map<Id, { rows: Id[]; cols: Id[] }>();

  constructor(
    readonly doc: Y.Doc,
    private readonly options: SharedOptions,
  ) {
    this.reg = doc.getMap<unknown>(REG);
    this.projection = new Projection(doc, this.index);
    const slot = doc.clientID.toString(36);
    this.writer = {
      doc,
      reg: this.reg,
      index: this.index,
      slot,
      by: options.author,
      now: options.now ?? Date.now,
      nextId: () => `${slot}.${(this.counter++).toString(36)}`,
    };
    this.reg.forEach((v, k) => this.index.apply(k, v));
    this.wb = this.projection.full(options.base);
    this.readOrders((this.wb?.grids ?? []).map((g) => g.id));
    doc.on('afterTransaction', this.onTransaction);
  }

  /** The workbook as shared now (null: the document holds none yet). */
  get workbook(): Workbook | null {
    return this.wb;
  }

  /** Listens to changes that did not come from `commit`; returns the unsubscribe. */
  onChange(l: ChangeListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Puts a whole workbook into a document that holds none yet. */
  publish(wb: Workbook): void {
    if (this.projection.ready) throw new Error('the shared document already holds a workbook');
    this.doc.transact(() => writeStep(this.writer, null, wb), this);
    this.wb = wb;
  }

  /** Writes one local step (`before` is the workbook this object showed, `after` the result). */
  commit(before: Workbook, after: Workbook): void {
    if (before === after) return;
    this.doc.transact(() => writeStep(this.writer, before, after), this);
    this.wb = after;
  }

  /**
   * Takes `wb` as what the document shows now (the app's own objects after it applied a change
   * from here), so the next changes are read against them and unchanged parts keep their identity.
   */
  adopt(wb: Workbook): void {
    this.wb = wb;
  }

  /**
   * Every conflict: registers with two or more values, cells of rows someone removed (a plain
   * sheet's cell still in its sheet says where it is now: `at`).
   */
  conflicts(): Conflict[] {
    const out = [...this.index.conflicts(), ...orphanGridCells(this.doc, this.index)];
    const places = new Map<Id, GridPlaces>();
    for (let i = 0; i < out.length; i++) {
      const r = out[i].register;
      if (r.kind !== 'gridCell' || out[i].orphan) continue;
      if (!places.has(r.gridId)) places.set(r.gridId, gridPlaces(this.doc, this.index, r.gridId));
      const at = gridPosition(places.get(r.gridId)!, r.rowId, r.colId);
      out[i] = at ? { ...out[i], at } : { ...out[i], orphan: true };
    }
    const wb = this.wb;
    if (!wb) return out;
    const sheets = new Map(wb.sheets.map((s) => [s.id, s]));
    for (const [ref, cols] of this.index.rowCells) {
      const [sheetId, rowId] = ref.split(SEP);
      const s = sheets.get(sheetId);
      if (s && indexOfRows(s.rows).has(rowId)) continue;
      for (const colId of cols) {
        const key = registerKey({ kind: 'cell', sheetId, rowId, colId });
        const writes = this.index.heads(key);
        if (writes.length) out.push({ key, register: parseRegister(key)!, writes, orphan: true });
      }
    }
    return out;
  }

  /** The write a cell shows (who, when, what it replaced); undefined: as first shared. */
  cellWrite(sheetId: Id, rowId: Id, colId: Id): Written | undefined {
    return this.index.heads(registerKey({ kind: 'cell', sheetId, rowId, colId }))[0];
  }

  /** The write a plain sheet's cell shows (0-based position now); undefined: as first shared. */
  gridCellWrite(gridId: Id, row: number, col: number): Written | undefined {
    const key = gridCellKeyAt(this.doc, this.index, gridId, row, col);
    return key === null ? undefined : this.index.heads(key)[0];
  }

  /**
   * Settles a conflict with one value (one of the kept ones, or another), replacing every value
   * the register holds; an orphan cell settled with undefined is let go with its row.
   */
  settle(key: string, value: unknown): void {
    const h = this.index.heads(key);
    const r = parseRegister(key);
    const cell = r?.kind === 'cell' || r?.kind === 'gridCell';
    // a cell of a format-1 plain sheet keeps the shape its position refers to
    const shape = r?.kind === 'gridCell' ? h[0]?.shape : undefined;
    this.doc.transact(() => {
      if (value === undefined) {
        for (const s of this.index.slotsOf(key)) this.reg.delete(slotKey(key, s));
      } else put(this.writer, key, value, cell ? ((h[0]?.v ?? null) as never) : undefined, shape);
    }, 'settle');
  }

  /** Stops following the document. */
  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.listeners.clear();
  }

  private nameOf(type: object): string | undefined {
    let n = this.names.get(type);
    if (n === undefined) {
      for (const [name, t] of this.doc.share) this.names.set(t, name);
      n = this.names.get(type);
    }
    return n;
  }

  /**
   * Reads the plain sheets' row and column ids again; the moves from the ids read before (sheets
   * read for the first time, or of format 1, have none).
   */
  private readOrders(gridIds: Iterable<Id>): Map<Id, GridMove> {
    const moves = new Map<Id, GridMove>();
    for (const id of gridIds) {
      const now = gridOrder(this.doc, this.index, id);
      const was = this.gridOrders.get(id);
      if (!now) this.gridOrders.delete(id);
      else this.gridOrders.set(id, now);
      const m = was && now && gridMoveOf(was, now);
      if (m) moves.set(id, m);
    }
    return moves;
  }

  private onTransaction = (tr: Y.Transaction): void => {
    const dirty = emptyDirty();
    // plain sheets whose rows or columns may have come, gone or moved (not a cell's value)
    const ordered = new Set<Id>();
    for (const [type, keys] of tr.changed) {
      if ((type as unknown) === this.reg) {
        for (const k of keys) {
          if (k === null) continue;
          const reg = this.index.apply(k, this.reg.get(k));
          const r = reg === null ? null : parseRegister(reg);
          if (r) markDirty(dirty, r);
          if (r?.kind === 'grid' || r?.kind === 'gridRow') ordered.add(r.gridId);
        }
        continue;
      }
      const name = this.nameOf(type);
      if (name === SHEETS) dirty.sheetList = true;
      else if (name === GRIDS) dirty.gridList = true;
      else if (name?.startsWith('o' + SEP)) dirty.orders.add(name.slice(2));
      else if (name?.startsWith('gr' + SEP) || name?.startsWith('gc' + SEP)) {
        dirty.grids.add(name.slice(3));
        ordered.add(name.slice(3));
      }
    }
    const moves = this.readOrders(ordered);
    if (tr.origin === this || !isDirty(dirty)) return;
    const before = this.wb;
    const after = before
      ? this.projection.update(before, dirty)
      : this.projection.full(this.options.base);
    if (!after || after === before) return;
    this.wb = after;
    for (const l of [...this.listeners]) l(before ? 'remote' : 'load', before, after, moves);
  };
}
