/** Issue 8 in Chromium: the unit and year views and their charts follow an edit on the project sheet. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { e2eSuite, openSample } from './harness';
import { ViewsPageModel } from './pages/ViewsPage';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

describe('views by unit and by year', () => {
  it('follow an edit of an amount, with their charts; a ceiling flags the year', async () => {
    const wb = await openSample(context, suite.url());
    const { page } = wb;
    const views = new ViewsPageModel(page);
    await views.units();
    assert.equal(await views.unitCell('VP UBND tỉnh', 'total'), '11.000');
    assert.equal(await views.unitCell('VP UBND tỉnh', 'y2013_dtpt'), '3.500');
    const unitsBefore = await views.chart('units-chart');
    assert.deepEqual(unitsBefore[0], ['Vốn ĐTPT', [31600, 8000, 0, 0, 0]]);
    await views.years();
    assert.equal(await views.yearCell(2013, 'amount-ĐTPT'), '11.500');

    // the data centre project (VP UBND tỉnh), 2013 ĐTPT: 1.000 → 1.500
    await views.backToSheet();
    await wb.type(2, 'y2013_dtpt', '1.500');
    await views.units();
    assert.equal(await views.unitCell('VP UBND tỉnh', 'total'), '11.500');
    assert.equal(await views.unitCell('VP UBND tỉnh', 'y2013_dtpt'), '4.000');
    assert.deepEqual((await views.chart('units-chart'))[0], ['Vốn ĐTPT', [31600, 8500, 0, 0, 0]]);
    await views.years();
    assert.equal(await views.yearCell(2013, 'amount-ĐTPT'), '12.000');
    assert.equal(await views.yearCell(2013, 'amount-all'), '14.450');
    const years = await views.chart('years-chart');
    assert.deepEqual(years[0], ['Vốn ĐTPT', [6500, 11000, 12000, 7000, 3600]]);

    // a ceiling of 11.000 for 2013 ĐTPT: the plan exceeds it by 1.000
    await page.fill('[data-testid="ceiling-2013-ĐTPT"]', '11.000');
    await page.press('[data-testid="ceiling-2013-ĐTPT"]', 'Enter');
    await page.waitForSelector('[data-testid=years-table] tr[data-year="2013"] td.pb-over');
    assert.equal(await views.yearCell(2013, 'gap-ĐTPT'), '-1.000');
    assert.deepEqual((await views.chart('years-chart')).at(-1), [
      'Trần vốn ĐTPT',
      [null, null, 11000, null, null],
    ]);
    // shown in tỷ đồng, as the sheet's grid (the plan keeps triệu đồng); a ceiling typed in tỷ
    await page.selectOption('[data-testid=years-view] [data-testid=display-unit]', 'tỷ đồng');
    await page.waitForFunction(() =>
      document
        .querySelector(
          '[data-testid=years-table] tr[data-year="2013"] td[data-field="amount-ĐTPT"]',
        )
        ?.textContent?.includes('12'),
    );
    assert.equal(await views.yearCell(2013, 'amount-ĐTPT'), '12');
    assert.equal(await views.yearCell(2013, 'gap-ĐTPT'), '-1');
    assert.equal(await page.inputValue('[data-testid="ceiling-2013-ĐTPT"]'), '11');
    assert.deepEqual((await views.chart('years-chart'))[0], ['Vốn ĐTPT', [6.5, 11, 12, 7, 3.6]]);
    await page.fill('[data-testid="ceiling-2013-ĐTPT"]', '11,5');
    await page.press('[data-testid="ceiling-2013-ĐTPT"]', 'Enter');
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid=years-table] tr[data-year="2013"] td[data-field="gap-ĐTPT"]')
        ?.textContent?.includes('-0,5'),
    );
    assert.deepEqual((await views.chart('years-chart')).at(-1), [
      'Trần vốn ĐTPT',
      [null, null, 11.5, null, null],
    ]);
    await views.units();
    assert.equal(await views.unitCell('VP UBND tỉnh', 'total'), '11,5');
    await views.years();

    // the chart downloads as a PNG
    const download = page.waitForEvent('download');
    await page.click('[data-testid=years-chart-png]');
    const d = await download;
    assert.equal(d.suggestedFilename(), 'von-theo-nam.png');
    const { readFileSync } = await import('node:fs');
    assert.deepEqual([...readFileSync(await d.path()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    // back to the plan's unit (the profile's sample is shared with the next test)
    const commits = await wb.commits();
    await page.selectOption('[data-testid=years-view] [data-testid=display-unit]', '');
    await wb.waitSaved(commits);
    assert.equal(await views.yearCell(2013, 'amount-ĐTPT'), '12.000');
    await page.close();
  });

  it('lists a unit’s projects, merges two units under one name, and undoes the merge', async () => {
    const wb = await openSample(context, suite.url());
    const { page } = wb;
    const views = new ViewsPageModel(page);
    await views.units();
    await page
      .locator('[data-testid=units-table] tr[data-unit="VP UBND tỉnh"] button.pb-link')
      .click();
    assert.equal(await page.locator('[data-testid=unit-projects] li').count(), 6);
    await page.check(
      '[data-testid=units-table] tr[data-unit="Thanh tra tỉnh"] input[type=checkbox]',
    );
    await page.check('[data-testid=units-table] tr[data-unit="Sở Nội vụ"] input[type=checkbox]');
    await page.fill('[data-testid=merge-name]', 'Khối nội chính');
    await page.click('[data-testid=merge-units]');
    await page.waitForSelector('[data-testid=units-table] tr[data-unit="Khối nội chính"]');
    assert.equal(await views.unitCell('Khối nội chính', 'count'), '2');
    assert.equal(await views.unitCell('Khối nội chính', 'total'), '800');
    assert.equal(
      await page.locator('[data-testid=units-table] tr[data-unit="Sở Nội vụ"]').count(),
      0,
    );
    await page.locator('[data-testid=views-title]').click();
    await page.keyboard.press('Control+z');
    await page.waitForSelector('[data-testid=units-table] tr[data-unit="Sở Nội vụ"]');
    assert.equal(await views.unitCell('Sở Nội vụ', 'total'), '500');
    await page.close();
  });
});
