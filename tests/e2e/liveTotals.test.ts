/**
 * Live totals (h157): a department's appendix whose section and total figures are SUM formulas
 * over their blocks is imported; the officer revises one project and the sections and the total
 * follow it, nothing is found. A figure that disagrees at import stays stated and is found; the
 * checks pane lets every stated figure of the sheet go at once, one undoable step.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { e2eSuite } from './harness';
import { ChecksPaneModel } from './pages/ChecksPane';
import { StartPageModel } from './pages/StartPage';
import { WorkbookPageModel } from './pages/WorkbookPage';
import { plan, withSums } from '../support/liveTotalsFiles';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

const col = 'y2025_dtpt';

/** Imports a file (preview confirmed) and waits for the grid. */
async function imported(name: string, bytes: Uint8Array): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  const start = new StartPageModel(page);
  await start.goto(suite.url());
  await start.drop(name, Buffer.from(bytes));
  await page.waitForSelector('[data-testid=import-summary][data-totals=ready]');
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=plan-grid] .ag-row');
  return page;
}

describe('imported totals that add up follow later edits', () => {
  it('import → edit a project → the sections and the total follow, no finding', async () => {
    const page = await imported('phu-luc-sum.xlsx', withSums());
    const wb = new WorkbookPageModel(page);
    const checks = new ChecksPaneModel(page);
    // rows: Tổng cộng, I, 1, Dự án A, Dự án B
    for (const r of [0, 1, 2]) assert.equal(await wb.textIs(wb.cell(r, col), '9.000'), '9.000');
    await page.waitForSelector('[data-testid=no-findings]');
    await wb.type(3, col, '3.500');
    await wb.type(3, 'stated', '3.600');
    for (const r of [0, 1, 2]) assert.equal(await wb.textIs(wb.cell(r, col), '8.500'), '8.500');
    await page.waitForSelector('[data-testid=no-findings]');
    assert.equal(await checks.count(), 0);
    await page.close();
  });

  it('a figure that disagrees stays stated and is found; all let go at once, undoably', async () => {
    // section 1 states 8.000 over projects adding up to 9.000; I and the total restate it
    const page = await imported(
      'phu-luc-sai.xlsx',
      plan([
        [8000, 300, 8300],
        [8000, 300, 8300],
        [8000, 300, 8300],
      ]),
    );
    const wb = new WorkbookPageModel(page);
    const checks = new ChecksPaneModel(page);
    const section = await checks.rowId(2);
    await checks.finding(section, col).waitFor();
    assert.match(
      await checks.finding(section, col).innerText(),
      /Số ghi 8\.000 · Tính được 9\.000/,
    );
    assert.match(await wb.textMatches(wb.cell(2, col), /8\.000/), /8\.000/);
    await checks.acceptAllComputed();
    for (const r of [0, 1, 2]) assert.equal(await wb.textIs(wb.cell(r, col), '9.000'), '9.000');
    await wb.action('undo');
    await checks.finding(section, col).waitFor();
    assert.match(await wb.textMatches(wb.cell(1, col), /8\.000/), /8\.000/);
    await wb.action('redo');
    await checks.finding(section, col).waitFor({ state: 'detached' });
    await wb.type(4, col, '5.500');
    for (const r of [0, 1, 2]) assert.equal(await wb.textIs(wb.cell(r, col), '9.500'), '9.500');
    await page.close();
  });
});
