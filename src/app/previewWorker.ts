/** The import preview's module Web Worker: reads the file and computes the preview's totals (previewWork.ts). */
import { type PreviewAnswer, type PreviewAsk, PreviewWork } from './previewWork';

const work = new PreviewWork();

self.onmessage = async (e: MessageEvent<PreviewAsk>) => {
  const post = (m: PreviewAnswer) => (self as unknown as Worker).postMessage(m);
  const ask = e.data;
  if (ask.kind === 'totals') return post(work.totals(ask.seq, ask.fixes));
  post({ kind: 'stage', stage: 'reading' });
  const got = await work.read(ask);
  post(got);
  // the preview shows its reading while the totals are computed
  if (got.kind === 'done') post(work.totals(0, []));
};
