/**
 * The session's formula engine and whether it is built yet. Building HyperFormula over a large
 * workbook takes seconds; until it is built, the figures the grid shows come from the stored rows,
 * evaluated without the engine by PlainValues (the very contents the engine would hold, with its
 * arithmetic: the same figures). Whatever needs the engine itself (the views, a plain grid sheet's
 * formulas, a sheet PlainValues cannot evaluate) builds it first, at once: nothing ever reads a
 * half-built engine. Asked for soon, the build runs in short tasks (PlanEngine.loadInSteps), so
 * typing is never held for it: an edit made meanwhile is taken on the figures without the engine
 * (plainStep.ts) and the build goes on in its steps; once it is done, the engine is brought from
 * the workbook it was built from to the workbook as it is then, in one step (the edits' net delta,
 * as a batch of commands is), and only then do the checks read it.
 */
import type { CheckValues } from '../domain/checks';
import { type Delta, diffWorkbooks } from '../domain/delta';
import type { Id, Workbook } from '../domain/types';
import { type EngineEffects, type EngineValue, PlanEngine } from '../engine/engine';
import { inputColumn, layoutOf, type SheetLayout } from '../engine/layout';
import { hasFormula } from '../engine/leanTexts';
import { PlainValues } from '../engine/plainValues';
import { applyToEngines } from './apply';
import { plainStep } from './plainStep';

/** Below this many rows the engine is built with the session (the open is fast either way). */
export const DEFER_ENGINE_ROWS = 5000;

/** Whether a workbook is large enough for its engine to be built after its grid is shown. */
export function defersEngine(wb: Workbook): boolean {
  let n = 0;
  for (const s of wb.sheets) n += s.rows.length;
  return n >= DEFER_ENGINE_ROWS;
}

/** Milliseconds of build steps per task before the page gets the thread back. */
const STEP_BUDGET_MS = 8;

/** How a gate schedules its build (tests hold the build mid-way with their own). */
export interface GateOptions {
  /** Milliseconds of build steps per task (at least one step runs in each). */
  budget?: number;
  /** The performance mark once the engine is built (null: none; a warm-up's session). */
  mark?: string | null;
}

/** -0 as 0 (the engine never gives out -0; a number format would show `-0`). */
const noSign = <T>(v: T): T => (v === 0 ? (0 as T) : v);

export class EngineGate {
  readonly engine = new PlanEngine();
  /** Resolves once the engine is built (and `onBuilt` has run). */
  readonly ready: Promise<void>;
  private resolveReady!: () => void;
  private built = false;
  private building = false;
  private plain = new Map<Id, PlainValues | null>();
  private layouts = new Map<Id, SheetLayout>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The build under way in steps (null: not started, or done). */
  private steps: Iterator<void, void, void> | null = null;
  /** The workbook the build under way in steps started from. */
  private from: Workbook | null = null;
  /** Whether the workbook held no formula when the first step came before the build. */
  private formulaFree: boolean | undefined;
  private readonly budget: number;
  private readonly mark: string | null;
  /** Build steps run so far, and steps taken without the engine (for tests). */
  readonly counts = { buildSteps: 0, deferred: 0 };

  constructor(
    /** The workbook as it is now. */
    private readonly wb: () => Workbook,
    /** Runs right after the build, before anything else reads the engine (the full checks). */
    private readonly onBuilt: () => void,
    options: GateOptions = {},
  ) {
    this.budget = options.budget ?? STEP_BUDGET_MS;
    this.mark = options.mark === undefined ? 'pb:engine-ready' : options.mark;
    this.ready = new Promise((r) => (this.resolveReady = r));
  }

  /** Whether the engine is built. */
  get isReady(): boolean {
    return this.built;
  }

  /** The engine, built now if it is not yet (the caller needs it at once). */
  ensure(): PlanEngine {
    if (this.built || this.building) return this.engine;
    this.building = true;
    clearTimeout(this.timer);
    try {
      if (this.steps) while (!this.steps.next().done);
      else this.engine.loadWorkbook((this.from = this.wb()));
      this.catchUp();
    } finally {
      this.building = false;
      this.steps = null;
    }
    this.finish();
    return this.engine;
  }

  /**
   * Takes a step (`after`, `d` from the workbook as it is now) without the engine while it is not
   * built: the figures shown follow it and the build goes on in its steps. Null when the engine is
   * built or the step needs it (it is then built at once, before the step): the caller brings
   * the engine along as usual.
   */
  take(after: Workbook, d: Delta): EngineEffects | null {
    if (this.built || this.building) return null;
    const now = this.wb();
    this.formulaFree ??= !hasFormula(now.sheets, now.grids ?? []);
    const fx = this.formulaFree ? plainStep(this.plain, after, d) : null;
    if (fx) {
      for (const sd of d.sheets) if (sd.header) this.layouts.delete(sd.sheetId);
      this.counts.deferred++;
      return fx;
    }
    this.ensure();
    return null;
  }

  /** The engine built from an older workbook (edits came meanwhile) is brought to the current one. */
  private catchUp(): void {
    const from = this.from;
    const now = this.wb();
    this.from = null;
    if (!from || from === now) return;
    try {
      applyToEngines(this.engine, from, now, diffWorkbooks(from, now), false);
    } catch {
      this.engine.loadWorkbook(now); // the engine failed inside the step: built again, whole
    }
  }

  /** The engine was built by someone else (a reload rebuilt it from a newer workbook). */
  builtElsewhere(): void {
    if (this.built) return;
    clearTimeout(this.timer);
    this.steps = null;
    this.from = null;
    this.finish(false);
  }

  private finish(own = true): void {
    this.built = true;
    this.plain.clear();
    this.layouts.clear();
    if (own) this.onBuilt();
    if (this.mark) globalThis.performance?.mark?.(this.mark);
    this.resolveReady();
  }

  /** Builds the engine in short tasks from `delay` ms from now (a sooner call wins). */
  soon(delay = 0): void {
    if (this.built) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.step(), delay);
  }

  /** Runs build steps for STEP_BUDGET_MS, then lets the page have the thread until the next task. */
  private step(): void {
    if (this.built || this.building) return;
    const t0 = performance.now();
    this.building = true;
    let done: boolean;
    try {
      this.steps ??= this.engine.loadInSteps((this.from = this.wb()));
      do {
        done = !!this.steps.next().done;
        this.counts.buildSteps++;
      } while (!done && performance.now() - t0 < this.budget);
      if (done) this.catchUp();
    } catch (e) {
      this.steps = null; // the next need builds it whole
      throw e;
    } finally {
      this.building = false;
    }
    if (!done) {
      this.timer = setTimeout(() => this.step(), 0);
      return;
    }
    this.steps = null;
    this.finish();
  }

  /** Nothing more is scheduled (the session closed). */
  cancel(): void {
    clearTimeout(this.timer);
    this.steps = null;
  }

  /** The sheet's figures without the engine (null when only the engine computes them). */
  private plainOf(sheetId: Id): PlainValues | null {
    let p = this.plain.get(sheetId);
    if (p === undefined) {
      const sheet = this.wb().sheets.find((s) => s.id === sheetId);
      p = sheet ? PlainValues.of(sheet) : null;
      this.plain.set(sheetId, p);
      globalThis.performance?.mark?.('pb:figures');
    }
    return p;
  }

  /** Computed value of a visible cell (as PlanEngine.value). */
  value(sheetId: Id, row: number, colId: Id): EngineValue {
    if (this.built) return this.engine.value(sheetId, row, colId);
    const p = this.plainOf(sheetId);
    return p ? noSign(p.value(row, colId)) : this.ensure().value(sheetId, row, colId);
  }

  /** Computed total for a source (null: all) in a column or a year group (as PlanEngine.total). */
  total(sheetId: Id, source: string | null, colId: Id): EngineValue {
    if (this.built) return this.engine.total(sheetId, source, colId);
    const p = this.plainOf(sheetId);
    return p ? noSign(p.total(source, colId)) : this.ensure().total(sheetId, source, colId);
  }

  /** The computed side of a sheet (as PlanEngine.values). */
  values(sheetId: Id): CheckValues {
    if (this.built) return this.engine.values(sheetId);
    const p = this.plainOf(sheetId);
    return p ? p.values() : this.ensure().values(sheetId);
  }

  /** Layout of a sheet (as PlanEngine.layout). */
  layout(sheetId: Id): SheetLayout {
    if (this.built) return this.engine.layout(sheetId);
    let l = this.layouts.get(sheetId);
    if (!l) {
      const sheet = this.wb().sheets.find((s) => s.id === sheetId);
      if (!sheet) return this.ensure().layout(sheetId);
      this.layouts.set(sheetId, (l = layoutOf(sheet)));
    }
    return l;
  }

  /** Raw content of an input cell (as PlanEngine.raw: the model's own content before the build). */
  raw(sheetId: Id, row: number, colId: Id): number | string | null {
    if (this.built) return this.engine.raw(sheetId, row, colId);
    const sheet = this.wb().sheets.find((s) => s.id === sheetId);
    if (!sheet) return this.ensure().raw(sheetId, row, colId);
    const r = sheet.rows[row];
    if (!r) return this.ensure().raw(sheetId, row, colId);
    if (inputColumn(this.layout(sheetId), r, colId) === undefined) return null;
    // what the engine would hold (layout.ts inputContent), read back as PlanEngine.raw does
    const own = r.cells[colId];
    if (typeof own === 'string') return own === '' ? null : own;
    return typeof own === 'number' && Number.isFinite(own) ? own : null;
  }
}
