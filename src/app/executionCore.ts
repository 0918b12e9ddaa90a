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
import type { ImportSummary } from './executionImport';
import {
  type ExecPatch,
  type ExecRefusal,
  inverseOf,
  patchPlan,
  refusalOf,
} from './executionPatch';

type Entry = { label: string; redo: ExecPatch; undo: ExecPatch };

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

  constructor(
    readonly workbookId: string,
    plan: AnnualPlan,
    repo: ExecutionRepo | null,
    lastImport: ImportSummary | null = null,
    /** The engine of its live figures (tests and the benchmark give one of another block size). */
    readonly engine: ExecutionEngine = new ExecutionEngine(),
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
    this.engine.load(plan, this.target());
    this.buildSectionsLater();
  }

  private sectionsTimer: ReturnType<typeof setTimeout> | null = null;

  /** Fills the engine's sub-section rows in small steps after a build (a view asking builds all). */
  protected buildSectionsLater(): void {
    if (this.sectionsTimer) clearTimeout(this.sectionsTimer);
    const step = () => {
      this.sectionsTimer = null;
      if (!this.engine.buildSections(40)) this.sectionsTimer = setTimeout(step, 0);
    };
    this.sectionsTimer = setTimeout(step, 0);
  }

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
    return this.imports ? undefined : this.engine.line(key);
  }

  /** A project's live figures over its sources as the views show them (none while importing). */
  projectFigures(projectId: string): LiveFigures | undefined {
    return this.imports ? undefined : this.engine.project(projectId);
  }

  /** A group's live figures as the views show them (none while importing). */
  groupFigures(kind: GroupKind, key: string): LiveFigures | undefined {
    return this.imports ? undefined : this.engine.group(kind, key);
  }

  /** Applies a patch to the model and the engine (no history, no validation). */
  protected apply(p: ExecPatch): void {
    const { plan, inputs, touched } = patchPlan(this.plan, this.index, p);
    this.plan = plan;
    this.saver.pending.applied(p, plan.updatedAt);
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
    if (this.sectionsTimer) clearTimeout(this.sectionsTimer);
    this.listeners.clear();
    this.engine.destroy();
  }
}
