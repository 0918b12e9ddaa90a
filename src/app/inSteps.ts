/**
 * Running a long piece of work in steps so the page stays responsive: each step does what fits
 * before a deadline, then the page gets its turn (an idle callback where there is one, else a
 * timeout) before the next step.
 */

/** A step: does some of the work before `deadline` (a `performance.now()` time, ms); true when all is done. */
export type Step = (deadline: number) => boolean;

/** The budget of one step (ms): long enough to keep the per-step costs small, short enough not to be felt. */
export const STEP_BUDGET_MS = 10;

type IdleScope = {
  requestIdleCallback?: (fn: () => void, o?: { timeout: number }) => number;
  cancelIdleCallback?: (h: number) => void;
};

/**
 * Runs `fn` in the page's next idle period (at the latest after `timeoutMs`), or after a timeout
 * where there are no idle callbacks; returns what cancels it.
 */
export function whenIdle(fn: () => void, timeoutMs: number): () => void {
  const w = globalThis as IdleScope;
  if (typeof w.requestIdleCallback === 'function') {
    const h = w.requestIdleCallback(fn, { timeout: timeoutMs });
    return () => w.cancelIdleCallback?.(h);
  }
  const h = setTimeout(fn, 0);
  return () => clearTimeout(h);
}

type FrameScope = {
  requestAnimationFrame?: (fn: () => void) => number;
  cancelAnimationFrame?: (h: number) => void;
  document?: { visibilityState?: string };
};

/**
 * Runs `fn` once after the page's next paint where the page draws (a task queued from the frame's
 * callback runs after the paint), at the latest after `maxWaitMs` (a page that stops drawing);
 * in the next task where it does not draw (hidden, no frames); returns what cancels it.
 */
export function afterPaint(fn: () => void, maxWaitMs: number): () => void {
  const w = globalThis as FrameScope;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  const cancel = () => {
    clearTimeout(timer);
    if (frame !== undefined) w.cancelAnimationFrame?.(frame);
    frame = undefined;
  };
  const go = () => {
    cancel();
    fn();
  };
  if (typeof w.requestAnimationFrame === 'function' && w.document?.visibilityState === 'visible') {
    frame = w.requestAnimationFrame(() => {
      frame = undefined;
      clearTimeout(timer);
      timer = setTimeout(go, 0);
    });
    timer = setTimeout(go, maxWaitMs);
  } else timer = setTimeout(go, 0);
  return cancel;
}

/** Gives the page its turn, then runs `fn`. */
const later = (fn: () => void): void => void whenIdle(fn, 50);

/**
 * Runs `step` until it says it is done, one call per turn of the page with a deadline `budget` ms
 * after its start (the first call at once); rejects with what a step throws.
 */
export function inSteps(step: Step, budget = STEP_BUDGET_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const run = () => {
      try {
        if (step(performance.now() + budget)) resolve();
        else later(run);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
    run();
  });
}

/**
 * A range of `total` items done in chunks sized to a step's time left: the next chunk's size comes
 * from how fast the last ones went (`first` items the first time), a multiple of `unit` items
 * (ends on its boundaries: work shared by a unit's items is done once), one unit at least.
 */
export class Chunks {
  done = 0;
  private perMs = 0;

  constructor(
    readonly total: number,
    private readonly first = 1024,
    private readonly unit = 64,
  ) {}

  /** Runs `work(from, to)` on chunks until all are done (true) or the deadline has passed (false). */
  run(deadline: number, work: (from: number, to: number) => void): boolean {
    while (this.done < this.total) {
      const now = performance.now();
      if (now >= deadline) return false;
      const size =
        deadline === Infinity
          ? this.total
          : this.perMs
            ? this.perMs * (deadline - now)
            : this.first;
      const units = Math.max(1, Math.round(size / this.unit));
      const to = Math.min(this.total, this.done + units * this.unit);
      work(this.done, to);
      const took = performance.now() - now;
      this.perMs = (to - this.done) / Math.max(took, 0.05);
      this.done = to;
    }
    return true;
  }
}

/**
 * Runs work written as pausing steps (domain/steps) a few pieces per turn of the page, each turn
 * until `budget` ms have passed; resolves with its result. `stale` is asked before each turn: when
 * it says the inputs changed, the work is dropped and the promise rejects with `StaleWork`.
 */
export function stepsOf<T>(
  steps: Generator<void, T, void>,
  budget = STEP_BUDGET_MS,
  stale?: () => boolean,
): Promise<T> {
  let result: T | undefined;
  return inSteps((deadline) => {
    if (stale?.()) throw new StaleWork();
    do {
      const r = steps.next();
      if (r.done) {
        result = r.value;
        return true;
      }
    } while (performance.now() < deadline);
    return false;
  }, budget).then(() => result as T);
}

/** Work dropped because what it read changed meanwhile. */
export class StaleWork extends Error {
  constructor() {
    super('stale');
  }
}
