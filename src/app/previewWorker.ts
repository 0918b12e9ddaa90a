/**
 * The import preview's module Web Worker: reads the file, computes the preview's totals and the
 * live totals the confirm stores (previewWork.ts).
 */
import { toWire } from '../io/readingWire';
import { readRequest } from '../io/importReading';
import sample from '../../fixtures/quang-tri-2011-2015-appendix.xlsx.b64?raw';
import { type PreviewAnswer, type PreviewAsk, PreviewWork } from './previewWork';

const work = new PreviewWork();
/** The warm-up read (asked of a worker started ahead), which a read waits for: one read at a time. */
let warming: Promise<unknown> = Promise.resolve();

/**
 * Reads a small real appendix (22 rows, never posted): the reader's code compiled and its types
 * seen before the officer's file comes, in an idle period rather than while the officer waits.
 */
function warmUp(): Promise<unknown> {
  const text = atob(sample.replace(/\s+/g, ''));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return readRequest({ name: 'warm.xlsx', bytes });
}

self.onmessage = async (e: MessageEvent<PreviewAsk>) => {
  const post = (m: PreviewAnswer, transfer: Transferable[] = []) =>
    (self as unknown as Worker).postMessage(m, transfer);
  const ask = e.data;
  if (ask.kind === 'totals') {
    await work.load();
    return post(work.totals(ask.seq, ask.fixes));
  }
  if (ask.kind === 'live') {
    await work.load();
    return post(work.live(ask.seq, ask.fixes, ask.ignored));
  }
  if (ask.kind === 'warm') {
    warming = warmUp().catch(() => undefined); // a failed warm-up never fails the read after it
    return;
  }
  post({ kind: 'stage', stage: 'reading' });
  await warming;
  const got = await work.read(ask);
  if (got.kind !== 'done') return post(got);
  // the reading's bulk as typed arrays, transferred (readingWire.ts)
  const { wire, transfer } = toWire(got.reading);
  post({ kind: 'done', reading: wire }, transfer);
  // the totals' code loads meanwhile; the page asks the totals (seq 0) once it holds the reading
  void work.load();
};
