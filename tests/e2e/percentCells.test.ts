/**
 * Percent cells in Chromium: Plan_2014.xls (the Ministry's M01, the deficit as a share of GDP in a
 * `0.0%` cell holding 0.053) dropped, previewed and confirmed shows `5,3%` in the grid (before:
 * `0,053`); the editor opens with `5,3%`; typing 5,5 stores 5,5%.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { e2eSuite } from './harness';
import { StartPageModel } from './pages/StartPage';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
const COL = 'y2014_total';

describe('percent cells', () => {
  it('Plan_2014 M01: the deficit share shows 5,3% and takes 5,5 as 5,5%', async () => {
    const context = await suite.profile();
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    const start = new StartPageModel(page);
    await start.goto(suite.url());
    await start.drop('Plan_2014.xls', readFileSync('fixtures/mof/Plan_2014.xls'));
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    const wb = new WorkbookPageModel(page);
    const row = page
      .locator('[data-testid=plan-grid] .ag-row:not([row-id^="pin:"])', {
        hasText: 'Tỷ lệ bội chi ngân sách so GDP',
      })
      .first();
    await row.waitFor();
    const index = Number(await row.getAttribute('row-index'));
    assert.equal(await wb.textIs(wb.cell(index, COL), '5,3%'), '5,3%');
    await wb.focus(index, COL);
    await page.keyboard.press('F2');
    const input = page.locator('input.pb-editor');
    await input.waitFor({ timeout: 5000 });
    assert.equal(await input.inputValue(), '5,3%');
    await page.keyboard.press('Escape');
    await wb.type(index, COL, '5,5');
    assert.equal(await wb.textIs(wb.cell(index, COL), '5,5%'), '5,5%');
    await page.close();
  });
});
