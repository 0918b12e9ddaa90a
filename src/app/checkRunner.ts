/**
 * Runs the checks' passes in idle steps (CheckStore.begin/again, step): the first pass after a
 * large workbook's engine is built, and the pass a structural step starts in a large workbook;
 * never in the task of the step or of the build, so typing is never blocked by it.
 */
import type { Id, Workbook } from '../domain/types';
import type { CheckValues } from '../domain/checks';
import type { PlanEngine } from '../engine/engine';
import { CheckStore } from './checkStore';
import { STEP_BUDGET_MS, whenIdle } from './inSteps';

/** What the runner reads of its session. */
export interface CheckSource {
  workbook: () => Workbook;
  values: (sheetId: Id) => CheckValues;
  engine: () => PlanEngine;
  /** Called once a pass is done (its findings now show). */
  done: () => void;
}

export class CheckRunner {
  /** Cancels the next step (null: none scheduled). */
  private stop: (() => void) | null = null;
  private waiting: (() => void)[] = [];
  private closed = false;
  /** Resolves once the first pass is done (after the engine's build). */
  private readonly firstDone: Promise<void>;
  private resolveFirst!: () => void;

  constructor(
    readonly checks: CheckStore,
    private readonly from: CheckSource,
    /** Rows per step (tests take smaller steps). */
    private readonly rows?: number,
  ) {
    if (rows) checks.stepRows = rows;
    this.firstDone = new Promise((r) => (this.resolveFirst = r));
  }

  /** Every finding at once, in this task (a small workbook's first pass, a reload). */
  once(): void {
    this.checks.full(this.from.workbook(), this.from.engine());
    this.resolveFirst();
    this.settle();
  }

  /**
   * The first pass in idle steps (marks `pb:checks-start` and, once done, `pb:checks-ready`);
   * edits made meanwhile are followed (CheckStore.update).
   */
  first(): void {
    this.checks.begin();
    globalThis.performance?.mark?.('pb:checks-start');
    this.follow();
  }

  /** Schedules the steps of a pass under way, if any and none is scheduled yet. */
  follow(): void {
    if (this.closed || this.stop || !this.checks.passing) return this.settle();
    this.stop = whenIdle(() => this.run(), 200);
  }

  private run(): void {
    this.stop = null;
    if (this.closed) return;
    const deadline = performance.now() + STEP_BUDGET_MS;
    let done: boolean;
    do done = this.checks.step(this.from.workbook(), this.from.values, this.rows);
    while (!done && performance.now() < deadline);
    if (!done) return this.follow();
    globalThis.performance?.mark?.('pb:checks-ready');
    this.resolveFirst();
    this.from.done();
    this.settle();
  }

  private settle(): void {
    if (this.checks.passing) return;
    const w = this.waiting;
    this.waiting = [];
    for (const f of w) f();
  }

  /** Resolves once the first pass is done and no pass is under way. */
  whenDone(): Promise<void> {
    return this.firstDone.then(() =>
      this.checks.passing ? new Promise((r) => this.waiting.push(r)) : undefined,
    );
  }

  /** Stops running steps (the session closed). */
  close(): void {
    this.closed = true;
    this.stop?.();
    this.stop = null;
  }
}
