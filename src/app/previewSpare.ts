/**
 * The import preview's worker started ahead (#20): while the import is at hand (the start page
 * shown), one preview worker is started in an idle period, its thread, isolate and modules loaded,
 * and the next read takes it instead of starting one while the officer waits (0.1–0.3 s of wall
 * time on this kind of machine, more when it is loaded), and its reader warmed on a small appendix
 * of its own (the code compiled, the first file's read no longer cold). Each read still has a worker of its own
 * (a spare is taken once, never reused): a read never sees another read's heap. Where there are no
 * workers nothing is started.
 *
 * Starting one is about a second of the renderer's processor time (its modules compiled on the
 * renderer's thread pool, the warm-up read, its garbage), which on two cores an open clicked at
 * the same moment shared (h215): a spare is started only once the start page has been left quiet
 * for QUIET_MS (a workbook clicked in the list soon after the page shows never meets it), and
 * never while a workbook is being opened (`holdSpareOff`).
 */
import { whenIdle } from './inSteps';
import type { PreviewAsk } from './previewWork';

/**
 * How long (ms) the import must have been at hand, with no open under way, before a spare is
 * started: longer than the page takes to be clicked into a workbook, far shorter than choosing a
 * file takes an officer.
 */
export const QUIET_MS = 2_000;

/** How long (ms) a spare waits for an idle period at most, after the quiet time. */
const IDLE_WAIT_MS = 2_000;

let spare: Worker | null = null;
let holders = 0;
/** Opens under way (`holdSpareOff`): no spare is started meanwhile. */
let opens = 0;
let cancelPending: (() => void) | null = null;

/** A new preview worker (previewWorker.ts). */
function started(): Worker {
  return new Worker(new URL('./previewWorker.ts', import.meta.url), { type: 'module' });
}

/**
 * Starts a spare after QUIET_MS and then an idle period, when one is wanted (held, no open under
 * way) and none is there or coming.
 */
function schedule(): void {
  if (spare || cancelPending || holders === 0 || opens > 0 || typeof Worker === 'undefined') return;
  let cancelIdle: (() => void) | null = null;
  const timer = setTimeout(() => {
    cancelIdle = whenIdle(() => {
      cancelPending = null;
      if (holders > 0 && opens === 0 && !spare) {
        spare = started();
        // its reader warmed on a small appendix of its own (previewWorker.ts), still in idle time
        spare.postMessage({ kind: 'warm' } satisfies PreviewAsk);
      }
    }, IDLE_WAIT_MS);
  }, QUIET_MS);
  cancelPending = () => {
    clearTimeout(timer);
    cancelIdle?.();
  };
}

/** Cancels a spare's start that is waiting for its quiet time or idle period. */
function unschedule(): void {
  cancelPending?.();
  cancelPending = null;
}

/**
 * Keeps a preview worker started ahead until the returned function is called (each holder once;
 * the spare ends when the last lets go).
 */
export function keepPreviewWarm(): () => void {
  holders++;
  schedule();
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    if (--holders > 0) return;
    unschedule();
    spare?.terminate();
    spare = null;
  };
}

/**
 * An open of a workbook is under way until the returned function is called (each once): a spare
 * there is ended (one still starting up would share the processor with the open; the page leaves
 * the start page anyway) and none is started meanwhile (one waiting for its start waits again, a
 * full quiet time, after the last open).
 */
export function holdSpareOff(): () => void {
  opens++;
  unschedule();
  spare?.terminate();
  spare = null;
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    if (--opens === 0) schedule();
  };
}

/** A preview worker for one read: the spare started ahead, or a new one. */
export function takePreviewWorker(): Worker {
  const w = spare ?? started();
  spare = null;
  return w;
}

/** A read's worker has ended (the preview closed or failed): the next read gets a spare again. */
export function previewWorkerEnded(): void {
  schedule();
}

/** Whether a spare is started (for tests). */
export function hasSpare(): boolean {
  return spare !== null;
}
