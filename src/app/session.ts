/**
 * WorkbookSession: the workbook store. One edit flows one way: command → model + engine in one
 * batch → history → storage in one transaction → patches to the listeners (the grid).
 */
import type { CheckValues } from '../domain/checks';
import type { Id, Workbook } from '../domain/types';
import { type EnginePatch, type EngineValue, PlanEngine } from '../engine/engine';
import { GridEngine } from '../engine/gridEngine';
import type { SheetLayout } from '../engine/layout';
import {
  ConflictError,
  type LoadedWorkbook,
  type StoredChange,
  type WorkbookRepo,
} from '../storage/repo';
import { applyCommand, type Effects, emptyEffects, type ModelState } from './apply';
import type { GridPatch } from './applyGrid';
import { SheetViews } from '../engine/sheetViews';
import { touchesUnits } from './viewSync';
import { CheckStore } from './checkStore';
import { type Command, CommandRefused, type Refusal } from './commands';
import { History } from './history';
import { type StorageFailure, storageFailureOf } from './storageFailure';

/** Resolves in the next task (after the current event and its rendering work). */
/** Resolvers of writes waiting for the next task (`flush` starts them at once). */
const waiting = new Set<() => void>();

function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      waiting.delete(go);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(go, 0);
    waiting.add(go);
  });
}

/** Starts every write still waiting for its task now (the page is going away). */
export function flushWrites(): void {
  for (const go of [...waiting]) go();
}

/** Writes started and not yet committed, over every session of the page. */
let inFlight = 0;

/** Whether some edit is not committed to storage yet (leaving the page now could lose it). */
export function unsavedWrites(): boolean {
  return inFlight > 0;
}

export type SaveState = 'saved' | 'saving' | 'error' | 'conflict';

export interface SessionEvent {
  patches: EnginePatch[];
  /** Rows were added, removed, moved or re-levelled: the sheet's row list changed. */
  structure: boolean;
  /** The whole workbook was reloaded (another tab's edit, a restore). */
  reload?: boolean;
  /** Plain grid sheets whose values or presence changed. */
  grids?: GridPatch[];
  /** Sheets whose unit view must be rebuilt (a new unit, merged units). */
  viewsStale?: Id[];
}

export type DispatchResult = { ok: true; effects: Effects } | { ok: false; refusals: Refusal[] };

export class WorkbookSession {
  readonly history = new History();
  /** Live findings of the cross-checks. */
  readonly checks = new CheckStore();
  private st: ModelState;
  private rev: number;
  private listeners = new Set<(e: SessionEvent) => void>();
  private saveListeners = new Set<(s: SaveState) => void>();
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private _saveState: SaveState = 'saved';
  /** The sheet the last applied step changed (the view follows undo and redo there). */
  lastSheetId: Id | null = null;
  /** Number of changes committed to storage by this session. */
  commits = 0;
  /**
   * Why storage refused a write: from then on nothing more is written (what is stored stays as it
   * was), the workbook stays editable here, and the user is offered a .planbook file.
   */
  storageFailure: StorageFailure | null = null;
  /** The unit and year views, computed by this session's engine. */
  readonly views: SheetViews;
  private unwatch?: () => void;

  constructor(
    loaded: LoadedWorkbook,
    private readonly repo: WorkbookRepo | null,
    public readOnly = false,
  ) {
    const engine = new PlanEngine();
    engine.loadWorkbook(loaded.workbook);
    const gridEngine = new GridEngine();
    gridEngine.load(loaded.workbook.grids ?? []);
    this.st = { wb: loaded.workbook, engine, gridEngine, order: loaded.order };
    this.views = new SheetViews(
      () => this.st.engine.views,
      () => this.st.wb,
      (sheetId, row, colId) => this.st.engine.value(sheetId, row, colId),
    );
    this.rev = loaded.rev;
    this.checks.full(this.st.wb, engine);
  }

  get workbook(): Workbook {
    return this.st.wb;
  }

  get saveState(): SaveState {
    return this._saveState;
  }

  /** Applies a user step; refused steps change nothing. */
  dispatch(cmd: Command, label: string): DispatchResult {
    const r = this.run(cmd);
    if (r.ok) this.history.push({ label, redo: cmd, undo: r.inverse });
    return r.ok ? { ok: true, effects: r.effects } : r;
  }

  /**
   * Applies a step that came from elsewhere (another person through the shared workbook): never
   * an undo step of this user, and the view does not move to the sheet it changed.
   */
  applyRemote(cmd: Command): DispatchResult {
    const keep = this.lastSheetId;
    const ro = this.readOnly;
    this.readOnly = false; // what others wrote is shown even where this user may only read
    let r: ReturnType<WorkbookSession['run']>;
    try {
      r = this.run(cmd);
    } finally {
      this.readOnly = ro;
      this.lastSheetId = keep;
    }
    return r.ok ? { ok: true, effects: r.effects } : r;
  }

  /** Undoes the last step; false when there is none (or it cannot be undone). */
  undo(): boolean {
    const e = this.history.takeUndo();
    if (!e) return false;
    const r = this.run(e.undo);
    if (!r.ok) this.history.restore(e, true);
    return r.ok;
  }

  /** Redoes the last undone step. */
  redo(): boolean {
    const e = this.history.takeRedo();
    if (!e) return false;
    const r = this.run(e.redo);
    if (r.ok) e.undo = r.inverse;
    else this.history.restore(e, false);
    return r.ok;
  }

  private run(
    cmd: Command,
  ): { ok: true; inverse: Command; effects: Effects } | { ok: false; refusals: Refusal[] } {
    if (this.readOnly)
      return {
        ok: false,
        refusals: [{ code: this._saveState === 'conflict' ? 'conflict' : 'readOnly' }],
      };
    const fx = emptyEffects();
    const metaBefore = this.st.wb.meta;
    try {
      const inverse = applyCommand(this.st, cmd, fx);
      const { stale } = this.views.afterStep((id) => touchesUnits(cmd, id), metaBefore);
      this.lastSheetId = fx.patches[0]?.sheetId ?? fx.grids[0]?.gridId ?? this.lastSheetId;
      this.checks.update(this.st.wb, this.st.engine, fx.patches, fx.meta);
      this.persist(fx);
      const structure = fx.patches.some((p) => p.structure);
      const grids = fx.grids;
      const event = { patches: fx.patches, structure, grids, viewsStale: stale };
      for (const l of this.listeners) l(event);
      return { ok: true, inverse, effects: fx };
    } catch (e) {
      if (e instanceof CommandRefused) return { ok: false, refusals: e.refusals };
      throw e;
    }
  }

  private persist(fx: Effects): void {
    if (!this.repo || this.storageFailure) return;
    const change: StoredChange = { putRows: [], deleteRows: fx.deleted };
    for (const [sheetId, ids] of fx.putRows) {
      const sheet = this.st.wb.sheets.find((s) => s.id === sheetId)!;
      for (const row of sheet.rows) {
        if (ids.has(row.id))
          change.putRows.push({ sheetId, row, order: this.st.order.get(row.id)! });
      }
    }
    if (fx.meta) change.meta = this.st.wb.meta;
    if (fx.sheets) change.sheets = this.st.wb.sheets;
    if (fx.grids.length) change.grids = this.st.wb.grids ?? [];
    const repo = this.repo;
    const id = this.st.wb.id;
    this.pending++;
    inFlight++;
    this.setSave('saving');
    // the write starts in the next task, after the grid has shown the edit (its structured clone
    // of the changed rows would otherwise delay the totals on screen)
    this.queue = this.queue.then(nextTask).then(async () => {
      try {
        if (this.storageFailure) throw this.storageFailure; // never a later change without this one
        this.rev = await repo.commit(id, this.rev, change);
        inFlight--;
        this.commits++;
        if (--this.pending === 0 && this._saveState === 'saving') this.setSave('saved');
      } catch (e) {
        inFlight--;
        this.pending--;
        if (e instanceof ConflictError) {
          this.readOnly = true;
          this.setSave('conflict');
        } else {
          this.storageFailure ??= storageFailureOf(e);
          this.setSave('error');
        }
      }
    });
  }

  /** Resolves when every change so far is committed to storage. */
  whenSaved(): Promise<void> {
    return this.queue;
  }

  /** Computed value of a visible cell. */
  value(sheetId: Id, row: number, colId: Id): EngineValue {
    return this.st.engine.value(sheetId, row, colId);
  }

  /** Computed total for a source (null: all) in a column or a year group. */
  total(sheetId: Id, source: string | null, colId: Id): EngineValue {
    return this.st.engine.total(sheetId, source, colId);
  }

  /** The computed side of a sheet (checks, exports). */
  values(sheetId: Id): CheckValues {
    return this.st.engine.values(sheetId);
  }

  /** Computed value of a plain grid sheet's cell (0-based). */
  gridValue(gridId: Id, r: number, c: number): EngineValue {
    return this.st.gridEngine.value(gridId, r, c);
  }

  /** Raw content of an input cell (formula text or value). */
  raw(sheetId: Id, row: number, colId: Id): number | string | null {
    return this.st.engine.raw(sheetId, row, colId);
  }

  layout(sheetId: Id): SheetLayout {
    return this.st.engine.layout(sheetId);
  }

  subscribe(fn: (e: SessionEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  onSaveState(fn: (s: SaveState) => void): () => void {
    this.saveListeners.add(fn);
    return () => this.saveListeners.delete(fn);
  }

  private setSave(s: SaveState): void {
    this._saveState = s;
    for (const l of this.saveListeners) l(s);
  }

  /**
   * Follows the stored workbook: a read-only session reloads when another tab commits; an editing
   * session that sees a foreign commit stops writing (conflict) instead of overwriting it.
   */
  watch(): void {
    if (!this.repo || this.unwatch) return;
    const repo = this.repo;
    this.unwatch = repo.watchRevision(this.st.wb.id, (rev) => {
      if (rev <= this.rev || this.pending > 0) return;
      if (!this.readOnly) {
        this.readOnly = true;
        this.setSave('conflict');
        return;
      }
      void repo.load(this.st.wb.id).then((loaded) => {
        if (loaded && loaded.rev > this.rev && this.readOnly) this.reload(loaded);
      });
    });
  }

  /** This tab now holds the edit lock: reload the latest stored state and allow editing. */
  takeOver(latest: LoadedWorkbook): void {
    this.reload(latest);
    this.readOnly = false;
    this.setSave('saved');
  }

  private reload(loaded: LoadedWorkbook): void {
    this.st.engine.loadWorkbook(loaded.workbook);
    this.st.gridEngine.load(loaded.workbook.grids ?? []);
    this.views.reset();
    this.st = { ...this.st, wb: loaded.workbook, order: loaded.order };
    this.rev = loaded.rev;
    this.checks.full(this.st.wb, this.st.engine);
    this.history.clear();
    for (const l of this.listeners) l({ patches: [], structure: true, reload: true });
  }

  /** Stops following storage. */
  close(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    this.listeners.clear();
    this.saveListeners.clear();
  }
}
