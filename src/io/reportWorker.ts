/**
 * Reads a disbursement report off the main thread (a module Web Worker) and, given a tracking's
 * projects, pairs its lines with them; posts the reading (and pairing) or an error.
 */
import { type PairingInput, type Prematch, prematch } from '../domain/executionPrematch';
import type { ReportReading } from '../domain/executionReport';
import { PlanReadError, type ReadFailure } from './readPlan';
import { readReportFileLoading } from './report/readReport';
import { thrownText } from './sheets';

export interface ReportRequest {
  name: string;
  bytes: Uint8Array;
  year?: number;
  /** The tracking to pair the lines with (the pairing is then posted with the reading). */
  plan?: PairingInput;
}

export type ReportReply =
  | { kind: 'done'; reading: ReportReading; pre?: Prematch | null }
  | { kind: 'error'; message: string; reason: ReadFailure | null };

self.onmessage = async (e: MessageEvent<ReportRequest>) => {
  const post = (m: ReportReply) => (self as unknown as Worker).postMessage(m);
  try {
    // SheetJS (its own chunk) is loaded only for a file the streaming reader leaves to it
    const reading = await readReportFileLoading(e.data.name, e.data.bytes, e.data.year);
    // one message: the pairs refer to the reading's own lines
    post({
      kind: 'done',
      reading,
      ...(e.data.plan ? { pre: prematch(e.data.plan, reading) } : {}),
    });
  } catch (err) {
    post({
      kind: 'error',
      message: thrownText(err),
      reason: err instanceof PlanReadError ? err.reason : null,
    });
  }
};
