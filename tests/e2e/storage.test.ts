/**
 * Storage full: once IndexedDB refuses every write with QuotaExceededError, an edit
 * shows the cause, the workbook stays editable and can be saved as a .planbook file, confirming an
 * import says why nothing was created, and what was saved before is intact after a reload.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { e2eSuite, openSample } from './harness';
import { StartPageModel } from './pages/StartPage';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();

describe('storage full', () => {
  it('names the cause, keeps editing in memory with a .planbook to save, refuses the import with a reason, keeps what was saved', async () => {
    const context = await suite.profile();
    const wb = await openSample(context, suite.url());
    const page = wb.page;
    const commits = await wb.commits();
    await wb.type(2, 'y2011_dtpt', '1.111');
    await wb.waitSaved(commits);

    // the storage is full from now on: every IndexedDB write of the page fails as on a full quota
    // (Chromium 156 ignores DevTools' Storage.overrideQuotaForOrigin, so the quota is simulated)
    await page.evaluate(() => {
      const w = window as unknown as { __storageFull?: boolean };
      w.__storageFull = true;
      for (const method of ['put', 'add'] as const) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (
          this: IDBObjectStore,
          ...a: [unknown, IDBValidKey?]
        ) {
          if (w.__storageFull)
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.apply(this, a);
        };
      }
    });

    await wb.type(3, 'y2011_dtpt', '2.222');
    const banner = page.locator('[data-testid=storage-failure]');
    await banner.waitFor();
    assert.match(await banner.innerText(), /Bộ nhớ của trình duyệt đã đầy/);
    assert.equal(await wb.saveState(), 'error');
    assert.equal(await page.locator('[data-testid=readonly-banner]').count(), 0);
    // still editable, in memory
    await wb.type(4, 'y2011_dtpt', '3.333');
    assert.equal(await wb.textIs(wb.cell(4, 'y2011_dtpt'), '3.333'), '3.333');
    const download = page.waitForEvent('download');
    await page.click('[data-testid=save-to-file]');
    const file = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
      workbook: { sheets: { rows: { cells: Record<string, unknown> }[] }[] };
    };
    const rows = file.workbook.sheets[0].rows;
    assert.deepEqual(
      [2, 3, 4].map((i) => rows[i].cells.y2011_dtpt),
      [1111, 2222, 3333],
    );

    // an import confirmed now says why nothing was created
    await page.click('text=← Các sổ');
    const start = new StartPageModel(page);
    await page.waitForSelector('[data-testid=workbook-list] tbody tr');
    const before = await start.titles();
    await start.drop(
      'phu-tho.xlsx',
      readFileSync('fixtures/shapes/phu-tho-2018-2020.xlsx') as Buffer,
    );
    await page.click('[data-testid=import-confirm]');
    const error = page.locator('[data-testid=import-error]');
    await error.waitFor();
    assert.match(await error.innerText(), /bộ nhớ của trình duyệt đã đầy/);
    assert.deepEqual(await start.titles(), before);

    // what was saved before the storage filled is intact (a new page: IndexedDB as it is stored)
    const again = await context.newPage();
    again.setDefaultTimeout(15000);
    const start2 = new StartPageModel(again);
    await start2.goto(suite.url());
    await start2.open('Quảng Trị');
    const wb2 = new WorkbookPageModel(again);
    assert.equal(await wb2.textIs(wb2.cell(2, 'y2011_dtpt'), '1.111'), '1.111');
    assert.equal(await wb2.textIs(wb2.cell(3, 'y2011_dtpt'), ''), ''); // the refused edit
    await page.close();
    await again.close();
  });
});
