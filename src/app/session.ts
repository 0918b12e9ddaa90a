/**
 * WorkbookSession: an open workbook, put together from its parts. One edit flows one way:
 * command → dispatcher (pure apply, delta, engines, history) → step listeners in order
 * (`sessionSteps.ts`): the save queue (recorded ahead, then one IndexedDB transaction), the
 * checks, the views, then the UI.
 */
import type { GridMoves } from '../domain/gridMoves';
import type { Refusal } from '../domain/refusals';
import type { Id, Workbook } from '../domain/types';
import { SheetViews } from '../engine/sheetViews';
import type { LoadedWorkbook, WorkbookRepo } from '../storage/repo';
import { CheckRunner } from './checkRunner';
import { CheckStore } from './checkStore';
import { EngineGate } from './engineGate';
import { ENGINE_FALLBACK_MS, type EngineOptions } from './sessionEngine';
import type { Command } from './commands';
import { type DispatchResult, Dispatcher, type StepEvent } from './dispatcher';
import type { History } from './history';
import { SaveQueue, type SaveState } from './saveQueue';
import { SessionReads } from './sessionReads';
import type { StorageFailure } from './storageFailure';
import { SheetWidths } from './sheetWidths';
import { forgetOrder, markLoaded } from './rowOrder';
import { listenToSteps } from './sessionSteps';

export { flushWrites, unsavedWrites, type SaveState } from './saveQueue';
export type { DispatchResult, StepEvent } from './dispatcher';

/** What the UI hears of a step (the step event). */
export type SessionEvent = StepEvent;

export type { EngineOptions } from './sessionEngine';

export class WorkbookSession extends SessionReads {
  /** Live findings of the cross-checks. */
  readonly checks = new CheckStore();
  /** The unit and year views, computed by this session's engine. */
  readonly views: SheetViews;
  /** Column widths the user dragged (stored beside the workbook, not undo steps). */
  readonly widths: SheetWidths;
  private readonly dispatcher: Dispatcher;
  private readonly saves: SaveQueue;
  private readonly order: Map<Id, string>;
  private listeners = new Set<(e: SessionEvent) => void>();
  private storeListeners = new Set<() => void>();
  private _readOnly: boolean;
  private _version = 0;
  private unwatch?: () => void;
  /** Runs the checks' passes in idle steps (the first of a large workbook, after moved rows). */
  private readonly runner: CheckRunner;

  constructor(
    loaded: LoadedWorkbook,
    private readonly repo: WorkbookRepo | null,
    readOnly = false,
    /**
     * Show the stored figures at once and build the engine later (`whenEngineReady`, or on need);
     * options: how the build is scheduled, and its performance mark.
     */
    engine: EngineOptions = false,
  ) {
    super();
    this._readOnly = readOnly;
    const deferEngine = typeof engine === 'boolean' ? engine : engine.defer;
    const checkRows = typeof engine === 'boolean' ? undefined : engine.checkRows;
    this.runner = new CheckRunner(
      this.checks,
      {
        workbook: () => this.dispatcher.workbook,
        values: (id) => this.engine.values(id),
        engine: () => this.engine,
        done: () => this.changed(),
      },
      checkRows,
    );
    this.gate = new EngineGate(
      () => this.dispatcher.workbook,
      () => {
        if (!deferEngine) return this.runner.once();
        // a large workbook's first pass runs in idle steps after the build, never in its task
        this.runner.first();
        // after the build (which may run inside a render): the UI re-reads once it is done
        queueMicrotask(() => this.changed());
      },
      typeof engine === 'boolean' ? {} : engine,
    );
    this.order = loaded.order;
    markLoaded(loaded);
    this.saves = new SaveQueue(repo, loaded.workbook.id, loaded.rev);
    this.widths = new SheetWidths(repo, loaded.workbook.id, loaded.widths, () => !this._readOnly);
    this.dispatcher = new Dispatcher(
      loaded.workbook,
      this.engine,
      () => this.lock(),
      // while the engine is being built, a step is taken on the figures without it
      (after, d) => this.gate.take(after, d),
    );
    this.views = new SheetViews(
      () => this.gate.ensure().views,
      () => this.dispatcher.workbook,
      (sheetId, row, colId) => this.gate.value(sheetId, row, colId),
    );
    if (deferEngine) this.gate.soon(ENGINE_FALLBACK_MS);
    else this.gate.ensure();
    // step listeners, in order: storage, checks, views, then the UI's subscribers
    listenToSteps(this.dispatcher, {
      saves: this.saves,
      order: this.order,
      checks: this.checks,
      runner: this.runner,
      gate: this.gate,
      engine: () => this.engine,
      views: this.views,
    });
    this.dispatcher.use((e) => {
      this.changed();
      for (const l of this.listeners) l(e);
    });
    this.saves.onState((s) => {
      // another tab wrote first: stop; storage refused: stay editable, write nothing more
      if (s === 'conflict') this._readOnly = true;
      this.changed();
    });
  }

  /** Whether the engine is built and no pass of the checks is under way (findings up to date). */
  get checksReady(): boolean {
    return this.gate.isReady && !this.checks.passing;
  }

  /**
   * Resolves once the engine is built and the checks have run over the workbook as it is (asks
   * for the build in a later task when it has not run yet): exports and views wait for it.
   */
  whenEngineReady(): Promise<void> {
    this.gate.soon();
    return this.gate.ready.then(() => this.runner.whenDone());
  }

  get workbook(): Workbook {
    return this.dispatcher.workbook;
  }

  get history(): History {
    return this.dispatcher.history;
  }

  get saveState(): SaveState {
    return this.saves.state;
  }

  /** The stored revision when every change so far is committed (null while some wait). */
  get committedRev(): number | null {
    return this.saves.busy || this.saves.state !== 'saved' ? null : this.saves.rev;
  }

  /** Number of changes committed to storage by this session. */
  get commits(): number {
    return this.saves.commits;
  }

  /** Why storage refused a write (nothing more is written), or null. */
  get storageFailure(): StorageFailure | null {
    return this.saves.failure;
  }

  get readOnly(): boolean {
    return this._readOnly;
  }

  set readOnly(v: boolean) {
    this._readOnly = v;
    this.changed();
  }

  /** Changes whenever anything the UI shows may have changed (steps, save state, read-only). */
  get version(): number {
    return this._version;
  }

  private lock(): Refusal | null {
    if (!this._readOnly) return null;
    return { code: this.saves.state === 'conflict' ? 'conflict' : 'readOnly' };
  }

  /** Applies a user step; refused steps change nothing. */
  dispatch(cmd: Command, label: string): DispatchResult {
    return this.dispatcher.dispatch(cmd, label);
  }

  /**
   * Applies a step that came from elsewhere (another person through the shared workbook): never
   * an undo step of this user, shown even where this user may only read, and the view does not
   * move to the sheet it changed.
   */
  applyRemote(cmd: Command | null, moves?: GridMoves): DispatchResult {
    return this.dispatcher.applyRemote(cmd, moves);
  }

  /** Undoes the last step; false when there is none (or it cannot be undone). */
  undo(): boolean {
    return this.dispatcher.undo();
  }

  /** Redoes the last undone step. */
  redo(): boolean {
    return this.dispatcher.redo();
  }

  /** Resolves when every change so far is committed to storage. */
  whenSaved(): Promise<void> {
    return this.saves.whenSaved();
  }

  /** Listens to accepted steps (after storage, checks and views have had them). */
  subscribe(fn: (e: SessionEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** For `useSyncExternalStore`: called whenever `version` changes. */
  readonly subscribeStore = (fn: () => void): (() => void) => {
    this.storeListeners.add(fn);
    return () => this.storeListeners.delete(fn);
  };

  onSaveState(fn: (s: SaveState) => void): () => void {
    return this.saves.onState(fn);
  }

  private changed(): void {
    this._version++;
    for (const l of [...this.storeListeners]) l();
  }

  /**
   * Follows the stored workbook: a read-only session reloads when another tab commits; an editing
   * session that sees a foreign commit stops writing (conflict) instead of overwriting it.
   */
  watch(): void {
    if (!this.repo || this.unwatch) return;
    const repo = this.repo;
    this.unwatch = repo.watchRevision(this.workbook.id, (rev) => {
      if (rev <= this.saves.rev || this.saves.busy) return;
      if (!this._readOnly) {
        this._readOnly = true;
        this.saves.set('conflict');
        return;
      }
      void repo.load(this.workbook.id).then((loaded) => {
        if (loaded && loaded.rev > this.saves.rev && this._readOnly) this.reload(loaded);
      });
    });
  }

  /** This tab now holds the edit lock: reload the latest stored state and allow editing. */
  takeOver(latest: LoadedWorkbook): void {
    this.reload(latest);
    this._readOnly = false;
    this.saves.reset(latest.rev);
  }

  private reload(loaded: LoadedWorkbook): void {
    this.order.clear();
    forgetOrder(this.order);
    for (const [k, v] of loaded.order) this.order.set(k, v);
    markLoaded({ ...loaded, order: this.order });
    this.saves.reset(loaded.rev);
    this.widths.reset(loaded.widths);
    this.dispatcher.reload(loaded.workbook);
    // the reload built the engine (and ran the checks) from the newer workbook
    this.gate.builtElsewhere();
  }

  /** Stops following storage. */
  close(): void {
    this.runner.close();
    this.gate.cancel();
    this.unwatch?.();
    this.unwatch = undefined;
    this.listeners.clear();
    this.storeListeners.clear();
    this.saves.close();
  }
}
