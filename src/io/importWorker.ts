/** Reads an imported file off the main thread (a module Web Worker); posts the reading or an error. */
import {
  PlanReadError,
  type ReadFailure,
  type readPlanFile,
  readPlanFileLoading,
  type ReadOptions,
} from './readPlan';
import { thrownText } from './sheets';
import { withPartsInflatedAhead } from './partsInflate';

export interface ImportRequest {
  name: string;
  bytes: Uint8Array;
  options?: ReadOptions;
}

export type ImportReply =
  | { kind: 'stage'; stage: 'reading' }
  | { kind: 'done'; reading: ReturnType<typeof readPlanFile> }
  | { kind: 'error'; message: string; reason: ReadFailure | null };

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const post = (m: ImportReply) => (self as unknown as Worker).postMessage(m);
  post({ kind: 'stage', stage: 'reading' });
  try {
    // SheetJS (its own chunk) is loaded only for a file the streaming reader leaves to it; an
    // .xlsx's parts are inflated natively first (DecompressionStream), not in JavaScript
    const { name, bytes, options } = e.data;
    const reading = await withPartsInflatedAhead(bytes, () =>
      readPlanFileLoading(name, bytes, options),
    );
    post({ kind: 'done', reading });
  } catch (err) {
    post({
      kind: 'error',
      message: thrownText(err),
      reason: err instanceof PlanReadError ? err.reason : null,
    });
  }
};
