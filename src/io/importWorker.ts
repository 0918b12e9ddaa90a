/** Reads an imported file off the main thread (a module Web Worker); posts the reading or an error. */
import { type ImportReply, type ImportRequest, readRequest } from './importReading';

export type { ImportReply, ImportRequest };

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const post = (m: ImportReply) => (self as unknown as Worker).postMessage(m);
  post({ kind: 'stage', stage: 'reading' });
  post(await readRequest(e.data));
};
