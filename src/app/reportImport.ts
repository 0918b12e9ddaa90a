/**
 * Reading a disbursement report for a tracking: off the main thread (a Web Worker; directly where
 * there is none), within the import's size and time limits. Nothing is stored here.
 */
import type { ReportReading } from '../domain/executionReport';
import type { ReportReply, ReportRequest } from '../io/reportWorker';
import { PlanReadError } from '../io/readPlan';
import { readReportFileLoading } from '../io/report/readReport';
import { type ImportError, IMPORT_TIMEOUT_MS, MAX_IMPORT_BYTES } from './importer';

/** Reads a report file for the year `year`; rejects with an ImportError. */
export function readReportForImport(
  name: string,
  bytes: Uint8Array,
  year: number,
): Promise<ReportReading> {
  if (bytes.length > MAX_IMPORT_BYTES)
    return Promise.reject<ReportReading>({
      code: 'tooBig',
      detail: String(bytes.length),
    } satisfies ImportError);
  if (typeof Worker === 'undefined')
    // SheetJS (its own chunk) is loaded only for a file the streaming reader leaves to it
    return readReportFileLoading(name, bytes, year).catch((e: unknown) =>
      Promise.reject<ReportReading>({
        code: e instanceof PlanReadError ? e.reason : 'unexpected',
        detail: (e as Error).message,
      } satisfies ImportError),
    );
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../io/reportWorker.ts', import.meta.url), {
      type: 'module',
    });
    const timer = setTimeout(() => {
      worker.terminate();
      reject({ code: 'timeout', detail: String(IMPORT_TIMEOUT_MS) } satisfies ImportError);
    }, IMPORT_TIMEOUT_MS);
    worker.onmessage = (e: MessageEvent<ReportReply>) => {
      clearTimeout(timer);
      worker.terminate();
      if (e.data.kind === 'done') resolve(e.data.reading);
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
    worker.postMessage({ name, bytes, year } satisfies ReportRequest);
  });
}
