/**
 * One open tracking of a year's execution (its state, history and saving in executionCore.ts): the
 * user's edits by name, the last imported report with the lines left to pair, the pairs made.
 */
import type { SheetDisplay } from '../domain/display';
import { type AnnualPlan, type ExecPeriod, type TargetPoint } from '../domain/execution';
import { importOutside, linesToPair, type OutsideLine } from '../domain/executionOutside';
import type { ReportLine, ReportReading } from '../domain/executionReport';
import type { PairedReading } from './reportImport';
import { addPeriodPatch, nextEnd, pastePatch, removePeriodPatch } from './executionEdits';
import type { ExecSaveState } from './executionStore';
import { TrackingCore } from './executionCore';
import {
  engineSteps,
  IMPORT_STEPS,
  type ImportSteps,
  type ImportSummary,
  pairPatch,
  type Recorded,
  recordSteps,
  repairPatch,
} from './executionImport';
import { inSteps, type Step } from './inSteps';
import { adoptPeriod, type ExecField, type ExecPatch, type ExecRefusal } from './executionPatch';

export type { ExecField, ExecPatch, ExecRefusal, ImportSummary };

export type { Group, GroupKind, LiveFigures } from '../engine/execution';

export type { ExecSaveState };

/**
 * One open tracking as the user works on it: the named edits (each one undo step), reports
 * imported (a load, never an undo step: at once or in steps) with the lines left to pair, and the
 * pairs made afterwards.
 */
export class ExecutionSession extends TrackingCore {
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
   * and lines are still those it paired with (else the pairing is made again here). An engine
   * still being built is built at once first.
   */
  importReport(r: ReportReading, pre?: PairedReading['pre']): ImportSummary | null {
    this.finishBuild();
    const rec = this.recordingOf(r, pre);
    if (!rec) return null;
    const before = this.plan;
    rec.step(Infinity);
    const got = rec.result();
    this.engineUpdate(before, got)(Infinity);
    return this.recorded(before, got);
  }

  /**
   * A report is being recorded in steps (or waits for one): the tracking shown is the one before
   * it, and the engine's figures are a mix of both (`lineFigures` and the others give none).
   */
  get importing(): boolean {
    return this.imports > 0;
  }

  /**
   * `importReport` in steps of about `steps.budget` ms (the page keeps its turns: the recording in
   * the model, then the engine's update), one import after the other; resolves with what
   * `importReport` returns (null too when the session was closed meanwhile). The tracking is the
   * one before until all is in, then the new one at once; the views are told when it starts (the
   * figures wait) and once all is in.
   */
  importReportInSteps(
    r: ReportReading,
    pre?: PairedReading['pre'],
    steps: Partial<ImportSteps> = {},
  ): Promise<ImportSummary | null> {
    const o = { ...IMPORT_STEPS, ...steps };
    this.imports++;
    this.notify();
    const run = async (): Promise<ImportSummary | null> => {
      const rec = this.closed ? null : this.recordingOf(r, pre, o.matches);
      if (!rec) return null;
      const before = this.plan;
      let got: Recorded | null = null;
      let engine: Step | null = null;
      await inSteps((deadline) => {
        if (this.closed) return true;
        if (!engine) {
          if (!rec.step(deadline)) return false;
          got = rec.result();
          engine = this.engineUpdate(before, got, o.rows);
        }
        return engine(deadline);
      }, o.budget);
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
  private recordingOf(r: ReportReading, pre?: PairedReading['pre'], firstMatches?: number) {
    const fresh =
      pre &&
      pre.basis.projects === this.plan.projects &&
      pre.basis.pairs === this.plan.pairs &&
      pre.basis.lines === this.plan.lines;
    return recordSteps(
      this.plan,
      r,
      nextEnd(this.plan),
      fresh ? pre.result : undefined,
      firstMatches,
    );
  }

  /**
   * The step updating the engine to a recorded report (the session's tracking stays `before`
   * until `recorded`); a failed step puts the engine back as it was before.
   */
  private engineUpdate(before: AnnualPlan, got: Recorded, rowUnit?: number): Step {
    const relaid = got.split || got.plan.sources.join('|') !== before.sources.join('|');
    const step = engineSteps(this.engine, got, relaid, this.target(got.plan), rowUnit);
    return (deadline: number): boolean => {
      try {
        return step(deadline);
      } catch (e) {
        this.engine.load(before, this.target(before));
        throw e;
      }
    };
  }

  /** The last report's lines that no project holds (left to pair or marked as not in the plan). */
  outsideLines(): OutsideLine[] {
    return this.lastImport ? importOutside(this.lastImport, this.plan.pairs) : [];
  }

  /** The last report's lines the user has still to pair or confirm, as the model's pairs leave them. */
  toPair(): { unmatched: ReportLine[]; doubtful: ImportSummary['doubtful'] } {
    return this.lastImport
      ? linesToPair(this.lastImport, this.plan.pairs)
      : { unmatched: [], doubtful: [] };
  }

  /** A report is in the model and the engine: the tracking switched, its summary kept, the history cleared, stored. */
  private recorded(before: AnnualPlan, got: Recorded) {
    this.plan = got.plan;
    if (got.split) this.reindex();
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
    const patch = pairPatch(this.plan, this.lastImport, line, projectId);
    return this.edit(patch, projectId ? 'exec.pair' : 'exec.dismiss');
  }

  /**
   * Moves a line of the last report paired by a similar name (`from`) to another project, or marks
   * it as not in the plan (`projectId` ''): the first project loses the line's figures of the
   * period, the other gains them; remembered for the next reports. One undo step.
   */
  repair(line: ReportLine, from: string, projectId: string) {
    const imp = this.lastImport;
    if (!imp || from === projectId) return { ok: true as const };
    return this.edit(repairPatch(this.plan, imp, line, from, projectId), 'exec.pair');
  }
}
