/**
 * WorkbookSession: the workbook store. One edit flows one way: command → model + engine in one
 * batch → history → storage in one transaction → patches to the listeners (the grid).
 */
import type { CheckValues } from '../domain/checks';
import { applyCommand } from '../domain/commands';
import { applyDelta, type Delta, diffWorkbooks, isEmptyDelta, reverseDelta } from '../domain/delta';
import { CommandRefused, type Refusal } from '../domain/refusals';
import type { Id, Workbook } from '../domain/types';
import { type EnginePatch, type EngineValue, PlanEngine } from '../engine/engine';
import { GridEngine } from '../engine/gridEngine';
import type { SheetLayout } from '../engine/layout';
import { SheetViews } from '../engine/sheetViews';
import {
  ConflictError,
  type LoadedWorkbook,
  type StoredChange,
  type WorkbookRepo,
} from '../storage/repo';
import { applyToEngines, type EngineEffects, type GridPatch } from './apply';
import { CheckStore } from './checkStore';
import type { Command } from './commands';
import { History } from './history';
import { storedChange } from './storedChange';
import { touchesUnits } from './viewSync';

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
  /** The sheet (appendix or grid sheet) the step changed first; null for a reload. */
  sheetId?: Id | null;
}

export type DispatchResult =
  { ok: true; effects: EngineEffects } | { ok: false; refusals: Refusal[] };

interface ModelState {
  wb: Workbook;
  engine: PlanEngine;
  gridEngine: GridEngine;
  /** Storage order key of every row. */
  order: Map<Id, string>;
}

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
    const locked = this.locked();
    if (locked) return locked;
    let after: Workbook;
    try {
      after = applyCommand(this.st.wb, cmd);
    } catch (e) {
      if (e instanceof CommandRefused) return { ok: false, refusals: e.refusals };
      throw e;
    }
    const delta = diffWorkbooks(this.st.wb, after);
    if (isEmptyDelta(delta)) return { ok: true, effects: { patches: [], grids: [] } };
    const r = this.step(delta, after, true);
    if (r.ok) this.history.push({ label, delta });
    return r;
  }

  /** Undoes the last step; false when there is none (or it cannot be undone). */
  undo(): boolean {
    const e = this.history.takeUndo();
    if (!e) return false;
    const ok = !this.locked() && this.replay(reverseDelta(e.delta));
    if (!ok) this.history.restore(e, true);
    return ok;
  }

  /** Redoes the last undone step. */
  redo(): boolean {
    const e = this.history.takeRedo();
    if (!e) return false;
    const ok = !this.locked() && this.replay(e.delta);
    if (!ok) this.history.restore(e, false);
    return ok;
  }

  private replay(d: Delta): boolean {
    return this.step(d, applyDelta(this.st.wb, d), false).ok;
  }

  private locked(): DispatchResult | null {
    if (!this.readOnly) return null;
    return {
      ok: false,
      refusals: [{ code: this._saveState === 'conflict' ? 'conflict' : 'readOnly' }],
    };
  }

  /** One step from the current workbook to `after` (`d` between them), through every consumer. */
  private step(d: Delta, after: Workbook, check: boolean): DispatchResult {
    const before = this.st.wb;
    let r: DispatchResult;
    try {
      r = applyToEngines(this.st.engine, this.st.gridEngine, before, after, d, check);
    } catch (e) {
      // the formula engine failed inside the step: rebuild it from the model, which is unchanged
      this.st.engine.loadWorkbook(before);
      this.st.gridEngine.load(before.grids ?? []);
      this.views.reset();
      return { ok: false, refusals: [{ code: 'ERROR', detail: (e as Error).message }] };
    }
    if (!r.ok) return r;
    const fx = r.effects;
    this.st.wb = after;
    const { stale } = this.views.afterStep((id) => touchesUnits(d, after, id), before.meta);
    const sheetId = fx.patches[0]?.sheetId ?? fx.grids[0]?.gridId ?? null;
    this.lastSheetId = sheetId ?? this.lastSheetId;
    this.checks.update(after, this.st.engine, fx.patches, !!d.meta);
    this.persist(storedChange(d, after, this.st.order));
    const structure = fx.patches.some((p) => p.structure);
    const event: SessionEvent = {
      patches: fx.patches,
      structure,
      grids: fx.grids,
      viewsStale: stale,
      sheetId,
    };
    for (const l of this.listeners) l(event);
    return r;
  }

  private persist(change: StoredChange): void {
    if (!this.repo) return;
    const repo = this.repo;
    const id = this.st.wb.id;
    this.pending++;
    inFlight++;
    this.setSave('saving');
    // the write starts in the next task, after the grid has shown the edit (its structured clone
    // of the changed rows would otherwise delay the totals on screen)
    this.queue = this.queue.then(nextTask).then(async () => {
      try {
        this.rev = await repo.commit(id, this.rev, change);
        inFlight--;
        this.commits++;
        if (--this.pending === 0 && this._saveState === 'saving') this.setSave('saved');
      } catch (e) {
        inFlight--;
        this.pending--;
        this.readOnly = true;
        this.setSave(e instanceof ConflictError ? 'conflict' : 'error');
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
