/** How the CLI reads an input file: directly, or in a worker thread it stops after a time limit. */
import { Worker } from 'node:worker_threads';
import { type PlanReading, PlanReadError, readPlanFile } from '../io/readPlan';

/** Reads a plan file; rejects with a PlanReadError (a clear, one-line reason). */
export type PlanReader = (file: string, bytes: Uint8Array) => Promise<PlanReading>;

/** Reads in this thread (tests, small inputs). */
export const readDirect: PlanReader = (file, bytes) => {
  try {
    return Promise.resolve(readPlanFile(file, bytes));
  } catch (e) {
    return Promise.reject(e as Error);
  }
};

/** What the worker thread answers. */
export type WorkerReply =
  { ok: true; reading: PlanReading } | { ok: false; planError: boolean; message: string };

/** Reads in this thread and answers as the worker does. */
export function readForWorker(file: string, bytes: Uint8Array): WorkerReply {
  try {
    return { ok: true, reading: readPlanFile(file, bytes) };
  } catch (e) {
    return { ok: false, planError: e instanceof PlanReadError, message: (e as Error).message };
  }
}

/**
 * Reads in a worker thread running `script` (the bundled CLI itself), stopped after `limitMs`: a
 * damaged file that sends the spreadsheet parser into a loop cannot hang the command.
 */
export function readInWorker(script: URL, limitMs: number): PlanReader {
  return (file, bytes) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(script, { workerData: { file, bytes } });
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(
          new PlanReadError(
            `reading took longer than ${Math.round(limitMs / 1000)} s and was stopped (the file may be damaged)`,
          ),
        );
      }, limitMs);
      worker.once('message', (m: WorkerReply) => {
        clearTimeout(timer);
        void worker.terminate();
        if (m.ok) resolve(m.reading);
        else reject(m.planError ? new PlanReadError(m.message) : new Error(m.message));
      });
      worker.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
}
