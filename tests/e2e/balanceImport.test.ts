/**
 * A balance table in Chromium: the MoF's Plan_2014.xls opens on M01 (revenue, expenditure, deficit);
 * the preview adds no total and the grid pins no `Tổng cộng`; the ministries' sheet N07 keeps it,
 * until its top row is renamed a deficit (at once, undone at once).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { e2eSuite } from './harness';
import { StartPageModel } from './pages/StartPage';
import { TotalsPageModel } from './pages/TotalsPage';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

describe('importing a balance table', () => {
  it('shows no grand total in the preview and pins none on M01, one on N07', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    const start = new StartPageModel(page);
    await start.goto(suite.url());
    await start.drop('Plan_2014.xls', readFileSync('fixtures/mof/Plan_2014.xls'));
    await page.waitForSelector('[data-testid=import-summary][data-totals=ready]');
    const summary = await page.locator('[data-testid=import-summary]').innerText();
    // before: `… 0 dòng tổng; tổng cộng tính được 2.013.400` (revenue + expenditure + deficit)
    assert.match(summary, /0 dòng tổng; không có tổng cộng chung: bảng cân đối/);
    assert.doesNotMatch(summary, /tính được/);
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    const totals = new TotalsPageModel(page);
    await page.waitForSelector('[data-testid=plan-grid] .ag-row [col-id=name] >> text=Thu nội địa');
    assert.equal(await totals.pinnedRows().count(), 0);
    assert.equal(await totals.rowsNamed('Tổng cộng'), 0);
    await page.click('[data-testid=sheet-tabs] button:text-is("N07")');
    await page.waitForSelector('[data-testid=plan-grid] .ag-row[row-id^="pin:"]');
    assert.equal(await totals.rowsNamed('Tổng cộng'), 1);
    // the top-level section renamed a deficit: a balance table now, its computed totals go at
    // once (before: at the next structural step); undo brings them back
    const pins = await totals.pinnedRows().count();
    const wb = new WorkbookPageModel(page);
    await wb.type(0, 'name', 'Bội chi ngân sách nhà nước');
    assert.equal(await totals.pinnedCountIs(0), 0);
    await page.keyboard.press('Control+z');
    assert.equal(await totals.pinnedCountIs(pins), pins);
    assert.equal(await totals.rowsNamed('Tổng cộng'), 1);
    await page.close();
  });
});
