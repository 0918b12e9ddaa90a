/**
 * Long work written once and run either at once or in pieces: a generator that pauses (`yield`)
 * between pieces of about `PIECE` items. `runAll` runs it to the end in one go (what the plain
 * functions do); the app runs it a few pieces per turn of the page (app/inSteps `stepsOf`), so
 * both give the same result by construction.
 */

/** Work that pauses between pieces and returns a T at the end. */
export type Steps<T> = Generator<void, T, void>;

/** Items between two pauses (a few milliseconds' worth of the cheapest loops at most). */
export const PIECE = 2048;

/** Whether the loop at item `i` should pause (every `every` items: a power of two, `PIECE` unless told). */
export const pauseAt = (i: number, every = PIECE): boolean => (i & (every - 1)) === every - 1;

/** Runs `steps` to the end at once; returns its result. */
export function runAll<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Work already done: steps with no pause that return `value`. */
// eslint-disable-next-line require-yield
export function* done<T>(value: T): Steps<T> {
  return value;
}
