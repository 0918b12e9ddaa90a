/** Reads a disbursement report off the main thread (a module Web Worker); posts the reading or an error. */
import type { ReportReading } from '../domain/executionReport';
import { PlanReadError, type ReadFailure } from './readPlan';
import { readReportFileLoading } from './report/readReport';
import { thrownText } from './sheets';

export interface ReportRequest {
  name: string;
  bytes: Uint8Array;
  year?: number;
}

export type ReportReply =
  | { kind: 'done'; reading: ReportReading }
  | { kind: 'error'; message: string; reason: ReadFailure | null };

self.onmessage = async (e: MessageEvent<ReportRequest>) => {
  const post = (m: ReportReply) => (self as unknown as Worker).postMessage(m);
  try {
    // SheetJS (its own chunk) is loaded only for a file the streaming reader leaves to it
    post({
      kind: 'done',
      reading: await readReportFileLoading(e.data.name, e.data.bytes, e.data.year),
    });
  } catch (err) {
    post({
      kind: 'error',
      message: thrownText(err),
      reason: err instanceof PlanReadError ? err.reason : null,
    });
  }
};
