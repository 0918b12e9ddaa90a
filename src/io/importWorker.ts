/** Reads an imported file off the main thread (a module Web Worker); posts the reading or an error. */
import './sheetJsEager'; // reads here cannot wait for SheetJS to load
import { PlanReadError, type ReadFailure, readPlanFile, type ReadOptions } from './readPlan';
import { thrownText } from './sheets';

export interface ImportRequest {
  name: string;
  bytes: Uint8Array;
  options?: ReadOptions;
}

export type ImportReply =
  | { kind: 'stage'; stage: 'reading' }
  | { kind: 'done'; reading: ReturnType<typeof readPlanFile> }
  | { kind: 'error'; message: string; reason: ReadFailure | null };

self.onmessage = (e: MessageEvent<ImportRequest>) => {
  const post = (m: ImportReply) => (self as unknown as Worker).postMessage(m);
  post({ kind: 'stage', stage: 'reading' });
  try {
    post({ kind: 'done', reading: readPlanFile(e.data.name, e.data.bytes, e.data.options) });
  } catch (err) {
    post({
      kind: 'error',
      message: thrownText(err),
      reason: err instanceof PlanReadError ? err.reason : null,
    });
  }
};
