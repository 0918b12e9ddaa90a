/** The import preview's worker side in tests: the fixture files it reads and a file read and loaded. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PreviewAnswer, type PreviewAsk, PreviewWork } from '../../src/app/previewWork';
import type { PlanReading } from '../../src/io/readPlan';
import { FIXTURE_DIRS } from './fixtureDirs';

/** Every fixture workbook a preview may be asked to read (the MoF corpus included). */
export const PREVIEW_FILES = FIXTURE_DIRS.flatMap((d) =>
  readdirSync(d)
    .filter((f) => /\.(tsv|xls|xlsx|ods)$/.test(f))
    .map((f) => join(d, f)),
);

/** A file's bytes as the page hands them to the worker. */
export const bytesOf = (f: string) => new Uint8Array(readFileSync(f));

/**
 * `f` read by a worker's PreviewWork and its engine loaded, as the preview does before it shows
 * totals; null when the reader refuses the file (it has no preview).
 */
export async function loadedPreview(
  f: string,
): Promise<{ work: PreviewWork; reading: PlanReading } | null> {
  const work = new PreviewWork();
  const got = await work.read({ name: f, bytes: bytesOf(f) });
  if (got.kind !== 'done') return null;
  await work.load();
  return { work, reading: got.reading };
}

/**
 * A Worker class that answers in this process from `work` (asks and answers cloned, each answer a
 * turn later), recording the asks in `asks`; `side.inWorker` is true while it computes, so that a
 * test's spies can tell the worker's work from the page's.
 */
export function inProcessWorker(work: PreviewWork, asks: PreviewAsk[]) {
  const side = { inWorker: false };
  class FakeWorker {
    onmessage: ((e: { data: PreviewAnswer }) => void) | null = null;
    onerror = null;
    terminate() {}
    postMessage(ask: PreviewAsk) {
      asks.push(structuredClone(ask));
      const send = (a: PreviewAnswer) =>
        setTimeout(() => this.onmessage?.({ data: structuredClone(a) }), 0);
      // a worker started ahead warms its own reader (previewWorker.ts): nothing to answer
      if (ask.kind === 'warm') return;
      void (async () => {
        await work.load();
        if (ask.kind === 'read') {
          send(await work.read(ask));
          return;
        }
        side.inWorker = true;
        try {
          send(
            ask.kind === 'totals'
              ? work.totals(ask.seq, ask.fixes)
              : work.live(ask.seq, ask.fixes, ask.ignored),
          );
        } finally {
          side.inWorker = false;
        }
      })();
    }
  }
  return { FakeWorker, side };
}
