/**
 * Cells no department filled stay blank in the consolidated table (they showed 0): a sum of blanks
 * is blank, a sum holding a 0 a department typed is 0 (issue h163, item 1).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { departmentFile } from '../support/consolidationBlank';
import { e2eSuite } from './harness';
import { ConsolidationPageModel } from './pages/ConsolidationPage';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

/** A department's file as the page model drops it. */
const submission = (unit: string, name: string, dtpt: number, sn: number | null) =>
  Buffer.from(departmentFile(unit, name, dtpt, sn).bytes);

describe('blank cells of the consolidated table', () => {
  it('shows blank where no department filled a cell and 0 where one typed 0', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(suite.url());
    await page.waitForSelector('[data-testid=workbook-list] tbody tr');
    const c = new ConsolidationPageModel(page);
    await c.create({
      title: 'Tổng hợp 2026',
      firstYear: 2026,
      years: 2,
      units: ['Sở Y tế', 'Sở Nội vụ'],
    });
    await c.receive([
      { name: 'so-y-te.xlsx', bytes: submission('Sở Y tế', 'Bệnh án điện tử', 3000, null) },
      { name: 'so-noi-vu.xlsx', bytes: submission('Sở Nội vụ', 'Số hóa hồ sơ', 500, 0) },
    ]);
    await c.tab('appendix');
    await page.waitForSelector('[data-testid=c-grid] .ag-row');
    const ehr = await c.rowKey('Bệnh án điện tử');
    const records = await c.rowKey('Số hóa hồ sơ');
    // Sở Y tế left its SN blank, Sở Nội vụ typed 0
    assert.equal(await c.textIs(c.cell(ehr, 'y2026_dtpt:r'), '3.000'), '3.000');
    assert.equal(await c.textIs(c.cell(ehr, 'y2026_sn:r'), ''), '');
    assert.equal(await c.textIs(c.cell(ehr, 'y2026_sn:p'), ''), '');
    assert.equal(await c.textIs(c.cell(records, 'y2026_sn:r'), '0'), '0');
    assert.equal(await c.textIs(c.cell(records, 'y2026_sn:p'), '0'), '0');
    // the grand total: blank + 0 is 0; 2027, which nobody filled, is blank
    assert.equal(await c.textIs(c.total('y2026_sn:r'), '0'), '0');
    assert.equal(await c.textIs(c.total('y2027_dtpt:r'), ''), '');
    assert.equal(await c.textIs(c.total('y2027_dtpt:p'), ''), '');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
