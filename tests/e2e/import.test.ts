/** Issue 5 in Chromium: drop a real .xls, correct one column in the preview, confirm, find the plan. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { e2eSuite } from './harness';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

/** Drops an .xls (the sample appendix unless named) on the start page. */
async function dropXls(
  page: Page,
  path = 'fixtures/quang-tri-2011-2015-appendix.xls',
  name = 'phu-luc-quang-tri.xls',
): Promise<void> {
  const b64 = readFileSync(path).toString('base64');
  await page.evaluate(
    ([data, file]) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], file, { type: 'application/vnd.ms-excel' }));
      const zone = document.querySelector('[data-testid=drop-zone]')!;
      zone.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
      zone.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    },
    [b64, name] as const,
  );
}

describe('importing a spreadsheet', () => {
  it('drops an .xls, corrects a column in the preview, confirms, and opens the plan with its totals', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    await page.goto(suite.url());
    await page.waitForSelector('[data-testid=workbook-list] tbody tr');
    await dropXls(page);
    await page.waitForSelector('[data-testid=import-preview]');
    // the totals come from the preview's worker, a moment after the reading
    await page.waitForSelector('[data-testid=import-summary][data-totals=ready]');
    assert.match(
      await page.locator('[data-testid=import-summary]').innerText(),
      /2 mục, 17 dự án, 3 dòng tổng; tổng cộng tính được 46\.850/,
    );
    assert.match(
      await page.locator('[data-testid=import-warnings]').innerText(),
      // the figures as the app writes figures (`,` is the decimal mark in Vietnamese)
      /nhiều số dưới cùng một cột \(3\.000; 7\.000\)/,
    );
    // the coordinating unit column is read as notes instead
    await page.selectOption('[data-testid=import-columns] tr[data-col="coord"] select', 'notes');
    await page.waitForSelector('[data-testid=import-columns] tr[data-col="notes"]');
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    const wb = new WorkbookPageModel(page);
    assert.equal(await wb.computedIs('grand', 'total', '46.850'), '46.850');
    assert.equal(
      await wb.textIs(wb.cell(1, 'notes'), 'Các đơn vị liên quan'),
      'Các đơn vị liên quan',
    );
    assert.equal(await wb.textIs(page.locator('[data-testid=checks-badge]'), '24'), '24');
    await page.close();
  });

  it('updates the preview’s total after a row is read as a ratio (computed off the page)', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    await page.goto(suite.url());
    await page.waitForSelector('[data-testid=workbook-list] tbody tr');
    await dropXls(page);
    const summary = page.locator('[data-testid=import-summary]');
    await page.waitForSelector('[data-testid=import-summary][data-totals=ready]');
    assert.match(await summary.innerText(), /17 dự án, 3 dòng tổng; tổng cộng tính được 46\.850/);
    // the first project row is read as a ratio: it is no longer added into the total
    const project = page.locator('[data-testid=import-source] select[aria-label=kind]', {
      has: page.locator('option[value=project]:checked'),
    });
    await project.first().selectOption('ratio');
    await page.waitForSelector('[data-testid=import-summary][data-totals=ready]');
    const after = await summary.innerText();
    assert.match(after, /16 dự án, 3 dòng tổng; tổng cộng tính được /);
    assert.doesNotMatch(after, /46\.850$/);
    assert.doesNotMatch(after, /đang tính/);
    await page.click('[data-testid=import-cancel]');
    await page.close();
  });

  it('shows a MoF table’s own total, or says why it has none, never 0', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    const summaryOf = async (file: string) => {
      await page.goto(suite.url());
      await page.waitForSelector('[data-testid=workbook-list] tbody tr');
      await dropXls(page, `fixtures/mof/${file}`, file);
      await page.waitForSelector('[data-testid=import-summary][data-totals=ready]');
      const text = await page.locator('[data-testid=import-summary]').innerText();
      await page.click('[data-testid=import-cancel]');
      return text;
    };
    const plan = await summaryOf('Plan_2010.xls');
    assert.match(plan, /tổng cộng tính được 492\.500\.000 \(cột «TỔNG THU NSNN TRÊN ĐỊA BÀN»\)/);
    const final = await summaryOf('Final_2009.xls');
    assert.match(final, /không có tổng cộng chung: bảng cân đối thu, chi/);
    for (const s of [plan, final]) assert.doesNotMatch(s, /tính được 0$/);
    await page.close();
  });

  it('refuses a file that is not a spreadsheet with one clear message and stores nothing', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    await page.goto(suite.url());
    await page.waitForSelector('[data-testid=workbook-list] tbody tr');
    const before = await page.locator('[data-testid=workbook-list] tbody tr').count();
    await page.setInputFiles('[data-testid=import-file]', {
      name: 'hong.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0x50, 0x4b, 3, 4, 9, 9, 9, 9]),
    });
    const err = page.locator('[data-testid=import-error]');
    await err.waitFor();
    assert.match(
      await err.innerText(),
      /^Không nhập được tệp «hong\.xlsx»: tệp bảng tính bị hỏng hoặc không đọc được/,
    );
    assert.equal(await page.locator('[data-testid=workbook-list] tbody tr').count(), before);
    await page.close();
  });
});
