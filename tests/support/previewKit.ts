/** The import preview's worker side in tests: the fixture files it reads and a file read and loaded. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PreviewWork } from '../../src/app/previewWork';
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
