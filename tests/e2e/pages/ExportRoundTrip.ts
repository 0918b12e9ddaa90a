/** Page model: the app's own export (Xuất Excel) saved to disk and dropped on the start page again. */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { StartPageModel } from './StartPage';

/** What an open appendix shows of its checks: the badge and every finding's text. */
export async function checksShown(page: Page): Promise<{ badge: string; findings: string[] }> {
  await page.waitForSelector('[data-testid=checks-badge]');
  return {
    badge: await page.locator('[data-testid=checks-badge]').innerText(),
    findings: await page.locator('[data-testid=finding]').allInnerTexts(),
  };
}

/** Clicks Xuất Excel, answers the stated-figures dialog with `choice` and saves the file at `path`. */
export async function exportTo(
  page: Page,
  choice: 'keep' | 'formulas',
  path: string,
): Promise<void> {
  await page.click('[data-testid=export-xlsx]');
  await page.locator('[data-testid=stated-choice]').waitFor();
  const download = page.waitForEvent('download');
  await page.click(`[data-testid=stated-${choice}]`);
  await (await download).saveAs(path);
}

/**
 * In a new page: drops the file at `path` on the start page, reads the preview's summary once its
 * totals are in, creates the workbook and waits for its grid. The page is left open.
 */
export async function importFile(
  context: BrowserContext,
  url: string,
  path: string,
): Promise<{ page: Page; summary: string }> {
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  const start = new StartPageModel(page);
  await start.goto(url);
  await start.drop(path.split('/').pop()!, readFileSync(path));
  await page.waitForSelector('[data-testid=import-summary][data-totals=ready]');
  const summary = await page.locator('[data-testid=import-summary]').innerText();
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=plan-grid] .ag-row');
  return { page, summary };
}
