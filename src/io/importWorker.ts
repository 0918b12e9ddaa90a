/** Reads an imported file off the main thread (a module Web Worker); posts the reading or an error. */
import { type ImportReply, type ImportRequest, readRequest } from './importReading';
import { toWire, type WireReading } from './readingWire';

export type { ImportRequest };

/** What the worker posts: a reply, its reading in the compact form (readingWire.ts). */
export type PostedReply =
  Exclude<ImportReply, { kind: 'done' }> | { kind: 'done'; reading: WireReading };

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const post = (m: PostedReply, transfer: Transferable[] = []) =>
    (self as unknown as Worker).postMessage(m, transfer);
  post({ kind: 'stage', stage: 'reading' });
  const got = await readRequest(e.data);
  if (got.kind !== 'done') return post(got);
  const { wire, transfer } = toWire(got.reading);
  post({ kind: 'done', reading: wire }, transfer);
};
