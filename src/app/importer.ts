/**
 * Importing a file: read off the main thread (a Web Worker; directly where there is none), with a
 * time limit so a pathological file never hangs the page. Nothing is stored until the user confirms.
 */
import type { ImportRequest, PostedReply } from '../io/importWorker';
import { fromWire } from '../io/readingWire';
import {
  type PlanReading,
  PlanReadError,
  type ReadFailure,
  readPlanFileLoading,
  type ReadOptions,
} from '../io/readPlan';
import { READ_BUDGET_MS } from '../io/limits';
import { storageFailureOf } from './storageFailure';

/** Files larger than this are refused before reading (a plan appendix is far smaller). */
export const MAX_IMPORT_BYTES = 60 * 1024 * 1024;
/** A read of a small file that takes longer is stopped (the CLI's budget of processor time too). */
export const IMPORT_TIMEOUT_MS = READ_BUDGET_MS;
/** Wall time (ms) added per MiB of file: a page cannot see its worker's processor time, so a large file gets more. */
const MS_PER_MIB = 5_000;

/**
 * How long (ms of wall time) the read of a file of `bytes` may take before it is stopped: the
 * budget, and more for each MiB (a 100,000-project plan, 7 MiB, reads in ~2.5 s on a free core).
 */
export function importBudgetMs(bytes: number): number {
  return IMPORT_TIMEOUT_MS + Math.ceil(bytes / 2 ** 20) * MS_PER_MIB;
}

/** The error of a read stopped after `budgetMs` (its detail in whole seconds, as the message says). */
export function timedOut(budgetMs: number): ImportError {
  return { code: 'timeout', detail: String(Math.round(budgetMs / 1000)) };
}

/** Why an import failed: the reader's reason, a size or time limit, or an unexpected error. */
export type ImportError = {
  code: 'tooBig' | ReadFailure | 'unexpected' | 'storageQuota' | 'storageRefused' | 'storageOther';
  detail: string;
};

/** The import error of a failed store (confirming an import when the browser refuses to write). */
export function storeError(e: unknown): ImportError {
  const f = storageFailureOf(e);
  const code =
    f.cause === 'quota'
      ? 'storageQuota'
      : f.cause === 'refused'
        ? 'storageRefused'
        : 'storageOther';
  return { code, detail: f.detail };
}

/** Reads a file for the preview; rejects with an ImportError. */
export function readForImport(
  name: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<PlanReading> {
  if (bytes.length > MAX_IMPORT_BYTES)
    return Promise.reject<PlanReading>({
      code: 'tooBig',
      detail: String(bytes.length),
    } satisfies ImportError);
  if (typeof Worker === 'undefined')
    // SheetJS (its own chunk) is loaded only for a file the streaming reader leaves to it
    return readPlanFileLoading(name, bytes, options).catch((e: unknown) =>
      Promise.reject<PlanReading>({
        code: e instanceof PlanReadError ? e.reason : 'unexpected',
        detail: (e as Error).message,
      } satisfies ImportError),
    );
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../io/importWorker.ts', import.meta.url), {
      type: 'module',
    });
    const budget = importBudgetMs(bytes.length);
    const timer = setTimeout(() => {
      worker.terminate();
      reject(timedOut(budget));
    }, budget);
    worker.onmessage = (e: MessageEvent<PostedReply>) => {
      if (e.data.kind === 'stage') return;
      clearTimeout(timer);
      worker.terminate();
      if (e.data.kind === 'done') resolve(fromWire(e.data.reading));
      else
        reject({
          code: e.data.reason ?? 'unexpected',
          detail: e.data.message,
        } satisfies ImportError);
    };
    worker.onerror = (e) => {
      clearTimeout(timer);
      worker.terminate();
      reject({ code: 'unexpected', detail: e.message || 'worker error' } satisfies ImportError);
    };
    worker.postMessage({ name, bytes, options } satisfies ImportRequest);
  });
}

export { PlanReadError };
