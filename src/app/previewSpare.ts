/**
 * The import preview's worker started ahead (#20): while the import is at hand (the start page
 * shown), one preview worker is started in an idle period, its thread, isolate and modules loaded,
 * and the next read takes it instead of starting one while the officer waits (0.1–0.3 s of wall
 * time on this kind of machine, more when it is loaded), and its reader warmed on a small appendix
 * of its own (the code compiled, the first file's read no longer cold). Each read still has a worker of its own
 * (a spare is taken once, never reused): a read never sees another read's heap. Where there are no
 * workers nothing is started.
 */
import { whenIdle } from './inSteps';
import type { PreviewAsk } from './previewWork';

/** How long (ms) a spare waits for an idle period at most. */
const IDLE_WAIT_MS = 2_000;

let spare: Worker | null = null;
let holders = 0;
let cancelPending: (() => void) | null = null;

/** A new preview worker (previewWorker.ts). */
function started(): Worker {
  return new Worker(new URL('./previewWorker.ts', import.meta.url), { type: 'module' });
}

/** Starts a spare in the next idle period, when one is wanted and none is there or coming. */
function schedule(): void {
  if (spare || cancelPending || holders === 0 || typeof Worker === 'undefined') return;
  cancelPending = whenIdle(() => {
    cancelPending = null;
    if (holders > 0 && !spare) {
      spare = started();
      // its reader warmed on a small appendix of its own (previewWorker.ts), still in idle time
      spare.postMessage({ kind: 'warm' } satisfies PreviewAsk);
    }
  }, IDLE_WAIT_MS);
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
    cancelPending?.();
    cancelPending = null;
    spare?.terminate();
    spare = null;
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
