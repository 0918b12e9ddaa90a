/**
 * The import preview's module Web Worker: reads the file, computes the preview's totals and the
 * live totals the confirm stores (previewWork.ts).
 */
import { toWire } from '../io/readingWire';
import { type PreviewAnswer, type PreviewAsk, PreviewWork } from './previewWork';

const work = new PreviewWork();

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
  post({ kind: 'stage', stage: 'reading' });
  const got = await work.read(ask);
  if (got.kind !== 'done') return post(got);
  // the reading's bulk as typed arrays, transferred (readingWire.ts)
  const { wire, transfer } = toWire(got.reading);
  post({ kind: 'done', reading: wire }, transfer);
  // the totals' code loads meanwhile; the page asks the totals (seq 0) once it holds the reading
  void work.load();
};
