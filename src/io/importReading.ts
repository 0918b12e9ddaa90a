/** What the import workers run: a file read into a plan reading, or the read's failure, as a message. */
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

/** Reads a requested file (never throws): the `done` reply with its reading, or the `error` reply. */
export async function readRequest({
  name,
  bytes,
  options,
}: ImportRequest): Promise<Exclude<ImportReply, { kind: 'stage' }>> {
  try {
    // SheetJS (its own chunk) is loaded only for a file the streaming reader leaves to it; an
    // .xlsx's parts are inflated natively first (DecompressionStream), not in JavaScript
    const reading = await withPartsInflatedAhead(bytes, () =>
      readPlanFileLoading(name, bytes, options),
    );
    return { kind: 'done', reading };
  } catch (err) {
    return {
      kind: 'error',
      message: thrownText(err),
      reason: err instanceof PlanReadError ? err.reason : null,
    };
  }
}
