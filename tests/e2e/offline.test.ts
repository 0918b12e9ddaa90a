/**
 * The installed app: it works offline after the first visit (the service worker precaches the
 * build), and an update waits for the user's word, then writes a pending edit before reloading.
 */
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DIST, e2eSuite, serveDist } from './harness';
import { StartPageModel } from './pages/StartPage';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();

/** Visits `url` and reloads once the service worker is ready, so that it controls the page. */
async function controlled(page: Page, url: string): Promise<void> {
  page.setDefaultTimeout(20_000);
  await page.goto(url);
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

describe('offline install', () => {
  it('works offline after the first visit: start page, the sample plan, an edit saved', async () => {
    const context = await suite.profile();
    const page = await context.newPage();
    await controlled(page, suite.url());
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel=manifest]');
      return link ? ((await (await fetch(link.href)).json()) as { name: string }) : null;
    });
    assert.equal(manifest?.name, 'Sổ kế hoạch vốn — Planbook');
    await context.setOffline(true);
    await page.reload();
    const start = new StartPageModel(page);
    await page.waitForSelector('[data-testid=workbook-list] tbody tr');
    await start.open('Quảng Trị');
    const wb = new WorkbookPageModel(page);
    const commits = await wb.commits();
    await wb.type(2, 'y2011_dtpt', '4.321');
    await wb.waitSaved(commits);
    assert.equal(await wb.textIs(wb.cell(2, 'y2011_dtpt'), '4.321'), '4.321');
    // a new page, still offline
    const again = await context.newPage();
    await again.goto(suite.url());
    await again.waitForSelector('[data-testid=workbook-list] tbody tr');
    await context.setOffline(false);
  });

  it('applies an update only when asked, and an edit still being written when asked is kept', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'planbook-dist-'));
    cpSync(DIST, copy, { recursive: true });
    const srv = await serveDist(copy);
    // a fresh profile on the copy's origin (a context of the file's Chromium)
    const context = await suite.profile(srv.url);
    after(async () => {
      await context.close();
      await srv.close();
    });
    const page = await context.newPage();
    await controlled(page, srv.url);
    const start = new StartPageModel(page);
    await page.waitForSelector('[data-testid=workbook-list] tbody tr');
    await start.open('Quảng Trị');
    const wb = new WorkbookPageModel(page);
    // a new build is published: the service worker installs it and waits
    appendFileSync(join(copy, 'sw.js'), '\n// a new build\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.locator('[data-testid=update-ready]').waitFor();
    assert.equal(await wb.textIs(wb.cell(2, 'y2011_dtpt'), ''), ''); // nothing reloaded by itself
    // an edit, and the update applied before the edit is written
    await wb.focus(3, 'y2011_dtpt');
    await page.keyboard.type('5.555');
    await page.keyboard.press('Enter');
    await page.click('[data-testid=update-apply]');
    await page.waitForEvent('load');
    await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    const after2 = new WorkbookPageModel(page);
    assert.equal(await after2.textIs(after2.cell(3, 'y2011_dtpt'), '5.555'), '5.555');
    assert.equal(await page.locator('[data-testid=update-ready]').count(), 0);
    const sw = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL,
    );
    assert.match(sw ?? '', /sw\.js$/);
  });
});
