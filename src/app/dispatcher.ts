/**
 * The dispatcher: applies commands (pure), reads each step's delta, brings the engines along,
 * keeps the history (undo is the delta reversed), and hands every accepted step to the step
 * listeners in the order they were registered (storage, checks, views, then the UI).
 */
import { applyCommand, type Command } from '../domain/commands';
import { type Delta, diffWorkbooks, isEmptyDelta, reverseDelta } from '../domain/delta';
import { applyDeltaOnto } from '../domain/deltaOnto';
import { deltaThroughMoves, type GridMoves } from '../domain/gridMoves';
import { CommandRefused, type Refusal } from '../domain/refusals';
import type { Id, Workbook } from '../domain/types';
import type { EnginePatch, PlanEngine } from '../engine/engine';
import { applyToEngines, emptyDelta, type EngineEffects, type GridPatch } from './apply';
import { History } from './history';
import { addStepMarks } from './stepMarks';

/** A user's step, an undo, a redo, a step from another person (`remote`), or a reload. */
export type StepKind = 'do' | 'undo' | 'redo' | 'remote' | 'reload';

/** One accepted step, as every listener sees it. */
export interface StepEvent {
  kind: StepKind;
  before: Workbook;
  after: Workbook;
  delta: Delta;
  /** Rows of appendix sheets whose values changed. */
  patches: EnginePatch[];
  /** Plain grid sheets whose values or presence changed. */
  grids: GridPatch[];
  /** Rows were added, removed, moved or re-levelled somewhere. */
  structure: boolean;
  /** The sheet (appendix or grid sheet) the step changed first (null: none, or a reload). */
  sheetId: Id | null;
  /** Sheets whose unit view must be rebuilt (set by the views' listener). */
  viewsStale: Id[];
}

export type StepListener = (e: StepEvent) => void;

const emptyEffects = (): EngineEffects => ({ patches: [], grids: [] });

export type DispatchResult =
  { ok: true; effects: EngineEffects } | { ok: false; refusals: Refusal[] };

export class Dispatcher {
  readonly history = new History();
  private listeners: StepListener[] = [];

  constructor(
    private wb: Workbook,
    readonly engine: PlanEngine,
    /** A refusal when no step may be applied now (read-only, conflict). */
    private readonly locked: () => Refusal | null,
    /**
     * Takes a step without the engine (its effects), or null: the engine takes it (the engine
     * being built, the figures shown follow the step and the engine catches up after its build).
     */
    private readonly without: (after: Workbook, d: Delta) => EngineEffects | null = () => null,
  ) {}

  get workbook(): Workbook {
    return this.wb;
  }

  /** Registers a listener of accepted steps (called in registration order). */
  use(l: StepListener): () => void {
    this.listeners.push(l);
    return () => {
      this.listeners = this.listeners.filter((x) => x !== l);
    };
  }

  /** Applies a user step; a refused step changes nothing. */
  dispatch(cmd: Command, label: string): DispatchResult {
    const lock = this.locked();
    if (lock) return { ok: false, refusals: [lock] };
    let after: Workbook;
    try {
      after = applyCommand(this.wb, cmd);
    } catch (e) {
      if (e instanceof CommandRefused) return { ok: false, refusals: e.refusals };
      throw e;
    }
    const delta = diffWorkbooks(this.wb, after);
    if (isEmptyDelta(delta)) return { ok: true, effects: emptyEffects() };
    const r = this.step('do', delta, after, true);
    if (r.ok) this.history.push({ label, delta });
    return r;
  }

  /**
   * Applies a step from elsewhere: no history entry, and applied even where this user only reads.
   * `moves`: plain sheets' rows and columns it inserted or removed (by their ids in the shared
   * document), which this user's kept steps follow, so that undo and redo write the cells they
   * changed (`deltaThroughMoves`).
   */
  applyRemote(cmd: Command | null, moves?: GridMoves): DispatchResult {
    const r = cmd ? this.remoteStep(cmd) : { ok: true as const, effects: emptyEffects() };
    if (r.ok && moves?.size) this.history.mapDeltas((d) => deltaThroughMoves(d, moves));
    return r;
  }

  private remoteStep(cmd: Command): DispatchResult {
    let after: Workbook;
    try {
      after = applyCommand(this.wb, cmd);
    } catch (e) {
      if (e instanceof CommandRefused) return { ok: false, refusals: e.refusals };
      throw e;
    }
    const delta = diffWorkbooks(this.wb, after);
    if (isEmptyDelta(delta)) return { ok: true, effects: emptyEffects() };
    return this.step('remote', delta, after, true);
  }

  /** Undoes the last step; false when there is none (or it cannot be undone now). */
  undo(): boolean {
    const e = this.history.takeUndo();
    if (!e) return false;
    const ok = !this.locked() && this.again('undo', reverseDelta(e.delta));
    if (!ok) this.history.restore(e, true);
    return ok;
  }

  /** Redoes the last undone step. */
  redo(): boolean {
    const e = this.history.takeRedo();
    if (!e) return false;
    const ok = !this.locked() && this.again('redo', e.delta);
    if (!ok) this.history.restore(e, false);
    return ok;
  }

  /**
   * Takes a step of the history again (undone or redone) onto the workbook as it is now: in a
   * shared workbook, other people's steps since stay (`applyDeltaOnto`); nothing left to change
   * counts as done.
   */
  private again(kind: 'undo' | 'redo', d: Delta): boolean {
    const { after, delta } = applyDeltaOnto(this.wb, d);
    return isEmptyDelta(delta) || this.step(kind, delta, after, false).ok;
  }

  /** Replaces the workbook (another tab's edit, a take-over): engines rebuilt, history cleared. */
  reload(wb: Workbook): void {
    this.history.clear();
    this.rebuild(wb);
  }

  /** Builds the engines afresh from a workbook and tells the listeners (a reload). */
  private rebuild(wb: Workbook): void {
    const before = this.wb;
    this.engine.loadWorkbook(wb);
    this.wb = wb;
    this.emit({
      kind: 'reload',
      before,
      after: wb,
      delta: emptyDelta(),
      patches: [],
      grids: [],
      structure: true,
      sheetId: null,
      viewsStale: [],
    });
  }

  /** One step from the current workbook to `after` (`d` between them), through every listener. */
  private step(kind: StepKind, d: Delta, after: Workbook, check: boolean): DispatchResult {
    const before = this.wb;
    let r: DispatchResult;
    const taken = this.without(after, d);
    if (taken) r = { ok: true, effects: taken };
    else
      try {
        r = applyToEngines(this.engine, before, after, d, check);
      } catch (e) {
        // the formula engine failed inside the step: rebuild it from the model, which is unchanged
        this.rebuild(before);
        return { ok: false, refusals: [{ code: 'ERROR', detail: (e as Error).message }] };
      }
    if (!r.ok) return r;
    this.wb = after;
    const fx = r.effects;
    addStepMarks(before, after, d, fx);
    this.emit({
      kind,
      before,
      after,
      delta: d,
      patches: fx.patches,
      grids: fx.grids,
      structure: fx.patches.some((p) => p.structure),
      sheetId: fx.patches[0]?.sheetId ?? fx.grids[0]?.gridId ?? null,
      viewsStale: [],
    });
    return r;
  }

  private emit(e: StepEvent): void {
    for (const l of [...this.listeners]) l(e);
  }
}
