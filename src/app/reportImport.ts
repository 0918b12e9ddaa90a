/**
 * Reading a disbursement report for a tracking: off the main thread (a Web Worker; directly where
 * there is none), within the import's size and time limits, and pairing its lines with the
 * tracking's projects there too when the tracking is given. Nothing is stored here.
 */
import type { AnnualPlan } from '../domain/execution';
import { type Prematch, pairingInput } from '../domain/executionPrematch';
import type { ReportReading } from '../domain/executionReport';
import type { ReportReply, ReportRequest } from '../io/reportWorker';
import { PlanReadError } from '../io/readPlan';
import { readReportFileLoading } from '../io/report/readReport';
import { type ImportError, importBudgetMs, MAX_IMPORT_BYTES, timedOut } from './importer';

/** A reading with its pairing, made with the tracking `basis` (the session checks it still holds). */
export interface PairedReading {
  reading: ReportReading;
  pre?: { basis: AnnualPlan; result: Prematch | null };
}

/** Reads a report file for the year `year`; rejects with an ImportError. */
export async function readReportForImport(
  name: string,
  bytes: Uint8Array,
  year: number,
): Promise<ReportReading> {
  return (await readAndPair(name, bytes, year)).reading;
}

/**
 * Reads a report file for a tracking and pairs its lines with the tracking's projects beside the
 * reading (in the worker: the main thread only records); rejects with an ImportError.
 */
export function readAndPair(
  name: string,
  bytes: Uint8Array,
  year: number,
  plan?: AnnualPlan,
): Promise<PairedReading> {
  if (bytes.length > MAX_IMPORT_BYTES)
    return Promise.reject<PairedReading>({
      code: 'tooBig',
      detail: String(bytes.length),
    } satisfies ImportError);
  if (typeof Worker === 'undefined')
    // SheetJS (its own chunk) is loaded only for a file the streaming reader leaves to it
    return readReportFileLoading(name, bytes, year).then(
      (reading) => ({ reading }),
      (e: unknown) =>
        Promise.reject<PairedReading>({
          code: e instanceof PlanReadError ? e.reason : 'unexpected',
          detail: (e as Error).message,
        } satisfies ImportError),
    );
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../io/reportWorker.ts', import.meta.url), {
      type: 'module',
    });
    const budget = importBudgetMs(bytes.length);
    const timer = setTimeout(() => {
      worker.terminate();
      reject(timedOut(budget));
    }, budget);
    worker.onmessage = (e: MessageEvent<ReportReply>) => {
      clearTimeout(timer);
      worker.terminate();
      if (e.data.kind === 'done')
        resolve({
          reading: e.data.reading,
          ...(plan && e.data.pre !== undefined ? { pre: { basis: plan, result: e.data.pre } } : {}),
        });
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
    worker.postMessage({
      name,
      bytes,
      year,
      ...(plan ? { plan: pairingInput(plan) } : {}),
    } satisfies ReportRequest);
  });
}
