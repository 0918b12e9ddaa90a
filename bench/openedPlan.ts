/**
 * The set-up the focused browser benches share: a generated plan of `n` projects imported into a
 * fresh Chromium page of the built app and opened, its views ready.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { generatePlan } from '../src/domain/generate';
import { serializePlanbook } from '../src/io/planbookFile';
import { launch, serveDist } from '../tests/e2e/harness';
import { importPlanbook, openOnce } from './app';

/** An opened generated plan; `done` closes the browser and the server. */
export interface OpenedPlan {
  page: Page;
  context: BrowserContext;
  done: () => Promise<void>;
}

/**
 * Opens a generated plan of `n` projects from the app built in `dist` (default: ./dist), then
 * waits `settleMs` milliseconds after its views are ready.
 */
export async function openGeneratedPlan(
  n: number,
  dist: string | undefined,
  settleMs: number,
): Promise<OpenedPlan> {
  const wb = generatePlan({ projects: n });
  const file = join(mkdtempSync(join(tmpdir(), 'pb-opened-')), `plan-${n}.planbook`);
  writeFileSync(file, serializePlanbook(wb));
  const srv = await serveDist(dist);
  const { context, close } = await launch();
  const page = await context.newPage();
  page.setDefaultTimeout(600_000);
  const id = await importPlanbook(page, srv.url, file, wb.meta.title);
  await openOnce(page, srv.url, id, false);
  await page.waitForFunction(() => performance.getEntriesByName('pb:views-ready').length > 0);
  // a large plan's open copy, written in idle steps after its first open, read by the next opens
  // (a build without it never marks it: OPEN_COPY_WAIT_MS, default 90 s, lost once)
  await page
    .waitForFunction(() => performance.getEntriesByName('pb:open-copy').length > 0, null, {
      timeout: Number(process.env.OPEN_COPY_WAIT_MS ?? 90_000),
    })
    .catch(() => undefined);
  await page.waitForTimeout(settleMs);
  return {
    page,
    context,
    done: async () => {
      await close();
      await srv.close();
    },
  };
}
