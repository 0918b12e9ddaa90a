/**
 * The state of one open tracking of a year's execution: the annual plan, its live figures in the
 * engine, the history of the user's edits (each one undoable) and saving every change to
 * IndexedDB. An edit flows one way: patch → model + engine → history → storage. The session
 * (execution.ts) names the user's edits and imports reports over it.
 */
import { type AnnualPlan, type ExecLine, lineKey } from '../domain/execution';
import { asOfDate, disbursedToDate, targetAt } from '../domain/executionFigures';
import { ExecutionEngine, type GroupKind, type LiveFigures } from '../engine/execution';
import type { ExecutionRepo } from '../storage/executions';
import { type ExecSaveState, TrackingSaver } from './executionStore';
import { EngineLag } from './executionLag';
import { inSteps, type Step } from './inSteps';
import type { ImportSummary } from './executionImport';
import {
  type ExecPatch,
  type ExecRefusal,
  inverseOf,
  patchPlan,
  refusalOf,
} from './executionPatch';

type Entry = { label: string; redo: ExecPatch; undo: ExecPatch };

/**
 * From this many projects a tracking's engine is built in idle-time steps after it opens (100,000
 * projects: ~12 s of engine build), edits taken meanwhile; below, with the session (~0.5 s at 5,000).
 */
export const BUILD_IN_STEPS_PROJECTS = 5000;

/** Milliseconds of engine build per task before the page gets the thread back. */
const BUILD_BUDGET_MS = 8;

/** A tracking open for work: its model, engine, history and saving (the session builds on it). */
export class TrackingCore {
  /** Imports in steps under way (edits, undo and redo wait for them: refused meanwhile). */
  protected imports = 0;
  protected closed = false;
  plan: AnnualPlan;
  lastImport: ImportSummary | null;
  protected past: Entry[] = [];
  protected future: Entry[] = [];
  protected index = new Map<string, number>();
  protected listeners = new Set<() => void>();
  /** Stores every change; what to store next is `saver.pending`. */
  protected readonly saver: TrackingSaver;
  /** The engine's build under way in steps (null: built). */
  private buildStep: Step | null = null;
  /** The edits the engine being built has not taken yet. */
  private readonly lag = new EngineLag();
  /** Resolves once the engine is built (at once, or after its steps). */
  readonly ready: Promise<void>;
  /** The last of the engine's build and the imports in steps (the next import waits for it). */
  protected lastSteps: Promise<unknown> = Promise.resolve();

  constructor(
    readonly workbookId: string,
    plan: AnnualPlan,
    repo: ExecutionRepo | null,
    lastImport: ImportSummary | null = null,
    /** The engine of its live figures (tests and the benchmark give one of another block size). */
    readonly engine: ExecutionEngine = new ExecutionEngine(),
    /**
     * Whether the engine is built in idle-time steps (by default from BUILD_IN_STEPS_PROJECTS); a
     * number is the milliseconds of build per step (tests: 0, one piece of the build per step).
     */
    stepped: boolean | number = plan.projects.length >= BUILD_IN_STEPS_PROJECTS,
  ) {
    this.plan = plan;
    this.lastImport = lastImport;
    this.saver = new TrackingSaver(
      repo,
      workbookId,
      lastImport,
      () => this,
      () => this.notify(),
    );
    this.reindex();
    if (stepped !== false) {
      this.buildStep = this.engine.loadSteps(plan, this.target());
      const budget = stepped === true ? BUILD_BUDGET_MS : stepped;
      this.ready = inSteps((deadline) => this.building(deadline), budget);
      this.lastSteps = this.ready.catch(() => undefined);
    } else {
      this.engine.load(plan, this.target());
      this.ready = Promise.resolve();
    }
  }

  /**
   * A step of the engine's build (true once built, or closed): once built, the edits made
   * meanwhile are written and the views are told (every figure is there, sub-sections too). A
   * failed step builds the engine at once from the tracking of now.
   */
  private building(deadline: number): boolean {
    if (this.closed || !this.buildStep) return true;
    try {
      if (!this.buildStep(deadline)) return false;
      this.lag.catchUp(this.engine, this.plan, (k) => this.line(k), this.target());
    } catch (e) {
      console.error('execution engine build failed, built again at once', e);
      this.engine.load(this.plan, this.target());
    }
    this.buildStep = null;
    this.notify();
    return true;
  }

  /** Whether the engine is still being built (the live figures wait; edits are taken). */
  get engineBuilding(): boolean {
    return this.buildStep !== null;
  }

  /** Builds the rest of the engine at once (a report recorded at once; tests). */
  finishBuild(): void {
    if (this.buildStep) this.building(Infinity);
  }

  /** Indexes the tracking's lines by key (after its lines are laid out anew). */
  protected reindex(): void {
    this.index = new Map(this.plan.lines.map((l, i) => [lineKey(l.projectId, l.source), i]));
  }

  /** Where saving stands. */
  get saveState(): ExecSaveState {
    return this.saver.state;
  }

  /** Changes stored so far (tests wait for it). */
  get commits(): number {
    return this.saver.commits;
  }

  /** The target rate at the tracking's as-of date. */
  target(plan = this.plan): number | null {
    const at = asOfDate(plan);
    return at ? targetAt(plan.targets, plan.year, at) : null;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  protected notify(): void {
    for (const fn of this.listeners) fn();
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** The line of a key (undefined when the tracking has none). */
  line(key: string): ExecLine | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.plan.lines[i];
  }

  /**
   * The live figures of a project × source line as the views show them: none while a report is
   * recorded in steps (the engine is then part old, part new; the views say a report is coming).
   */
  lineFigures(key: string): LiveFigures | undefined {
    return this.imports || this.buildStep ? undefined : this.engine.line(key);
  }

  /** A project's live figures over its sources as the views show them (none while importing or building). */
  projectFigures(projectId: string): LiveFigures | undefined {
    return this.imports || this.buildStep ? undefined : this.engine.project(projectId);
  }

  /**
   * A group's live figures as the views show them: none while importing or building.
   */
  groupFigures(kind: GroupKind, key: string): LiveFigures | undefined {
    return this.imports || this.buildStep ? undefined : this.engine.group(kind, key);
  }

  /** Applies a patch to the model and the engine (no history, no validation). */
  protected apply(p: ExecPatch): void {
    const { plan, inputs, touched } = patchPlan(this.plan, this.index, p);
    this.plan = plan;
    this.saver.pending.applied(p, plan.updatedAt);
    if (this.buildStep) return this.lag.note(p, touched);
    if (p.periods) this.engine.setToDate(plan, this.target());
    else
      for (const key of touched) {
        const d = disbursedToDate(plan, key);
        inputs.push(
          { key, field: 'ytdPlan', value: d.plan },
          { key, field: 'ytdCarry', value: d.carry },
        );
      }
    if (inputs.length) this.engine.setInputs(inputs);
    if (p.targets && !p.periods) this.engine.setTarget(this.target());
  }

  /** One user step: validated, applied, recorded for undo, stored. */
  edit(p: ExecPatch, label: string): { ok: true } | { ok: false; why: ExecRefusal } {
    const why = this.imports ? 'importing' : refusalOf(this.plan, p);
    if (why) return { ok: false, why };
    const undo = inverseOf(this.plan, this.index, p);
    this.apply(p);
    this.past.push({ label, redo: p, undo });
    if (this.past.length > 500) this.past.shift();
    this.future = [];
    this.changed();
    return { ok: true };
  }

  undo(): boolean {
    if (this.imports) return false;
    const e = this.past.pop();
    if (!e) return false;
    this.apply(e.undo);
    this.future.push(e);
    this.changed();
    return true;
  }

  redo(): boolean {
    if (this.imports) return false;
    const e = this.future.pop();
    if (!e) return false;
    this.apply(e.redo);
    this.past.push(e);
    this.changed();
    return true;
  }

  protected changed(): void {
    this.saver.changed();
  }

  /** Resolves once every change so far is stored. */
  whenSaved(): Promise<void> {
    return this.saver.whenSaved();
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.engine.destroy();
  }
}
