/**
 * One open tracking of a year's execution: the annual plan, its live figures in the engine, the
 * history of the user's edits (each one undoable), the last imported report with the lines left to
 * pair, and saving every change to IndexedDB. An edit flows one way: patch → model + engine → history
 * → storage; an import of a report is a load (never an undo step).
 */
import type { SheetDisplay } from '../domain/display';
import {
  type AnnualPlan,
  type ExecLine,
  type ExecPeriod,
  lineKey,
  type TargetPoint,
} from '../domain/execution';
import { asOfDate, disbursedToDate, targetAt } from '../domain/executionFigures';
import type { ReportLine, ReportReading } from '../domain/executionReport';
import type { PairedReading } from './reportImport';
import { ExecutionEngine, type GroupKind, type LiveFigures } from '../engine/execution';
import type { ExecutionRepo } from '../storage/executions';
import { addPeriodPatch, nextEnd, pastePatch, removePeriodPatch } from './executionEdits';
import { type ExecSaveState, TrackingSaver } from './executionStore';
import {
  engineSteps,
  type ImportSummary,
  pairPatch,
  type Recorded,
  recordSteps,
  repairPatch,
} from './executionImport';
import { inSteps, STEP_BUDGET_MS, type Step } from './inSteps';
import {
  adoptPeriod,
  type ExecField,
  type ExecPatch,
  type ExecRefusal,
  inverseOf,
  patchPlan,
  refusalOf,
} from './executionPatch';

export type { ExecField, ExecPatch, ExecRefusal, ImportSummary };

export type { Group, GroupKind, LiveFigures } from '../engine/execution';

export type { ExecSaveState };

type Entry = { label: string; redo: ExecPatch; undo: ExecPatch };

export class ExecutionSession {
  plan: AnnualPlan;
  lastImport: ImportSummary | null;
  private past: Entry[] = [];
  private future: Entry[] = [];
  private index = new Map<string, number>();
  private listeners = new Set<() => void>();
  /** Stores every change; what to store next is `saver.pending`. */
  private readonly saver: TrackingSaver;

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
  private buildSectionsLater(): void {
    if (this.sectionsTimer) clearTimeout(this.sectionsTimer);
    const step = () => {
      this.sectionsTimer = null;
      if (!this.engine.buildSections(40)) this.sectionsTimer = setTimeout(step, 0);
    };
    this.sectionsTimer = setTimeout(step, 0);
  }

  private reindex(): void {
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

  private notify(): void {
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
  private apply(p: ExecPatch): void {
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

  /** Sets a line's allocation figure (the year's plan, the carry-over, the figures to N−1). */
  setLine(key: string, field: ExecField, value: number) {
    return this.edit({ lines: [{ key, field, value }] }, `exec.${field}`);
  }

  /** Sets a period's disbursement of a line (part: of the year's plan or of the carry-over). */
  setDisbursed(periodId: string, key: string, part: 'plan' | 'carry', value: number | null) {
    const had = this.plan.disbursed[periodId]?.[key] ?? { plan: null, carry: null };
    const next = { ...had, [part]: value };
    return this.edit(
      {
        disbursed: [
          { periodId, key, value: next.plan === null && next.carry === null ? null : next },
        ],
      },
      'exec.disbursed',
    );
  }

  /**
   * Pastes a block of figures (rows of the grid by line key, columns by field) as one undo step:
   * allocations, and the period's disbursement of the year's plan or of the carry-over.
   */
  pasteCells(
    periodId: string | null,
    cells: { key: string; col: ExecField | 'ytdPlan' | 'ytdCarry'; value: number | null }[],
  ) {
    const r = pastePatch(this.plan, (key) => !!this.line(key), periodId, cells);
    return r.ok ? this.edit(r.patch, 'exec.paste') : r;
  }

  /**
   * Adds an empty period by hand: a month (`end` its last day) or a quarter (`end` 31/03, 30/06,
   * 30/09 or 31/12 of the year). Figures are cumulative from 01/01, so a quarter is the checkpoint
   * at its last day and the months inside it are earlier checkpoints; a period of the other kind
   * ending on the same day is refused (`periodSameEnd`: quarter I and March are one checkpoint).
   * The same period again changes nothing. One undo step.
   */
  addPeriod(
    end: string,
    kind: ExecPeriod['kind'] = 'month',
  ): { ok: true } | { ok: false; why: ExecRefusal } {
    const r = addPeriodPatch(this.plan, end, kind);
    if (!r.ok || !r.patch) return r.ok ? { ok: true } : r;
    return this.edit(r.patch, kind === 'quarter' ? 'exec.addQuarter' : 'exec.addPeriod');
  }

  /** Removes a period and its figures (one undo step; the undo brings both back). */
  removePeriod(id: string): { ok: true } | { ok: false; why: ExecRefusal } {
    const patch = removePeriodPatch(this.plan, id);
    return patch ? this.edit(patch, 'exec.removePeriod') : { ok: true };
  }

  /** How the views show amounts (display unit, decimals): one undo step, stored with the tracking. */
  setDisplay(display: SheetDisplay | null) {
    const d = display && Object.keys(display).length ? display : null;
    return this.edit({ display: d }, 'exec.display');
  }

  setTargets(targets: TargetPoint[]) {
    return this.edit(
      { targets: [...targets].sort((a, b) => (a.date < b.date ? -1 : 1)) },
      'exec.targets',
    );
  }

  /**
   * Records a report read from a file as its period's figures (a load: the history is cleared).
   * Returns what was matched and what is left to pair, or null when no table has disbursement.
   * `pre`: the pairing a worker made beside the reading, used while the tracking's projects, pairs
   * and lines are still those it paired with (else the pairing is made again here).
   */
  importReport(r: ReportReading, pre?: PairedReading['pre']): ImportSummary | null {
    const rec = this.recordingOf(r, pre);
    if (!rec) return null;
    const before = this.plan;
    rec.step(Infinity);
    const got = rec.result();
    this.engineUpdate(before, got)(Infinity);
    return this.recorded(before, got);
  }

  /** Imports in steps under way (edits, undo and redo wait for them: refused meanwhile). */
  private imports = 0;
  private lastSteps: Promise<unknown> = Promise.resolve();
  private closed = false;

  /**
   * A report is being recorded in steps (or waits for one): the tracking shown is the one before
   * it, and the engine's figures are a mix of both (`lineFigures` and the others give none).
   */
  get importing(): boolean {
    return this.imports > 0;
  }

  /**
   * `importReport` in steps of about `budget` ms (the page keeps its turns: the recording in the
   * model, then the engine's update), one import after the other; resolves with what
   * `importReport` returns (null too when the session was closed meanwhile). The tracking is the
   * one before until all is in, then the new one at once; the views are told when it starts (the
   * figures wait) and once all is in.
   */
  importReportInSteps(
    r: ReportReading,
    pre?: PairedReading['pre'],
    budget = STEP_BUDGET_MS,
  ): Promise<ImportSummary | null> {
    this.imports++;
    this.notify();
    const run = async (): Promise<ImportSummary | null> => {
      const rec = this.closed ? null : this.recordingOf(r, pre);
      if (!rec) return null;
      const before = this.plan;
      let got: Recorded | null = null;
      let engine: Step | null = null;
      await inSteps((deadline) => {
        if (this.closed) return true;
        if (!engine) {
          if (!rec.step(deadline)) return false;
          got = rec.result();
          engine = this.engineUpdate(before, got);
        }
        return engine(deadline);
      }, budget);
      return this.closed || !got ? null : this.recorded(before, got);
    };
    const done = this.lastSteps.then(run).finally(() => {
      this.imports--;
      if (!this.closed) this.notify();
    });
    this.lastSteps = done.catch(() => undefined);
    return done;
  }

  /** A report's recording in the model (null: no table has disbursement); `pre` as in importReport. */
  private recordingOf(r: ReportReading, pre?: PairedReading['pre']) {
    const fresh =
      pre &&
      pre.basis.projects === this.plan.projects &&
      pre.basis.pairs === this.plan.pairs &&
      pre.basis.lines === this.plan.lines;
    return recordSteps(this.plan, r, nextEnd(this.plan), fresh ? pre.result : undefined);
  }

  /**
   * The step updating the engine to a recorded report (the session's tracking stays `before`
   * until `recorded`); a failed step puts the engine back as it was before.
   */
  private engineUpdate(before: AnnualPlan, got: Recorded): Step {
    const relaid = got.split || got.plan.sources.join('|') !== before.sources.join('|');
    const step = engineSteps(this.engine, got, relaid, this.target(got.plan));
    return (deadline: number): boolean => {
      try {
        return step(deadline);
      } catch (e) {
        this.engine.load(before, this.target(before));
        this.buildSectionsLater();
        throw e;
      }
    };
  }

  /** A report is in the model and the engine: the tracking switched, its summary kept, the history cleared, stored. */
  private recorded(before: AnnualPlan, got: Recorded) {
    this.plan = got.plan;
    if (got.split) this.reindex();
    if (got.split || got.plan.sources.join('|') !== before.sources.join('|'))
      this.buildSectionsLater();
    this.lastImport = got.summary;
    // the period's figures are the import's own: later edits change them in place
    for (const x of got.plan.periods)
      if (x.end === got.summary.end) adoptPeriod(got.plan.disbursed[x.id]);
    this.past = [];
    this.future = [];
    this.saver.pending.recorded(before, got.plan);
    this.changed();
    return this.lastImport;
  }

  /**
   * Pairs a line of the last report with a project (its figures join the report's period), or
   * marks it as not in the plan (`projectId` ''); remembered for the next reports. One undo step.
   */
  pair(line: ReportLine, projectId: string) {
    const imp = this.lastImport;
    const patch = pairPatch(this.plan, imp, line, projectId);
    const r = this.edit(patch, projectId ? 'exec.pair' : 'exec.dismiss');
    if (r.ok && imp) {
      this.lastImport = {
        ...imp,
        unmatched: imp.unmatched.filter((l) => l !== line && l.line !== line.line),
      };
      this.changed();
    }
    return r;
  }

  /**
   * Moves a line of the last report paired by a similar name (`from`) to another project, or marks
   * it as not in the plan (`projectId` ''): the first project loses the line's figures of the
   * period, the other gains them; remembered for the next reports. One undo step.
   */
  repair(line: ReportLine, from: string, projectId: string) {
    const imp = this.lastImport;
    if (!imp || from === projectId) return { ok: true as const };
    const r = this.edit(repairPatch(this.plan, imp, line, from, projectId), 'exec.pair');
    if (r.ok) {
      this.lastImport = { ...imp, doubtful: imp.doubtful.filter((d) => d.line !== line) };
      this.changed();
    }
    return r;
  }

  private changed(): void {
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
