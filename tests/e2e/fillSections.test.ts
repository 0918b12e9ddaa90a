/**
 * Session 19's walk, Ctrl+D over mixed rows: a selection headed by a section (its figure a sum the
 * sheet computes) filled down leaves its projects' amounts as they were and says so; before, the
 * projects' figures in the column were cleared without a word.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { e2eSuite } from './harness';
import { StartPageModel } from './pages/StartPage';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

describe('Ctrl+D from a section row', () => {
  it('keeps the projects’ figures and the totals, with a message', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(60000); // the machine is shared: opening the sample may take a while
    const start = new StartPageModel(page);
    await start.goto(suite.url());
    await start.open('Quảng Trị');
    const wb = new WorkbookPageModel(page);
    // section 1 (row 0) over its projects: 3.500, blank, blank, 2.000, 1.000 in 2011 ĐTPT (rows 1–5)
    await wb.selectCells(0, 5, 'y2011_dtpt');
    await page.keyboard.press('Control+d');
    assert.match(await wb.messageMatching(/bỏ qua \d+ ô tự tính/), /bỏ qua 3 ô tự tính/);
    assert.equal(await wb.textIs(wb.cell(1, 'y2011_dtpt'), '3.500'), '3.500');
    assert.equal(await wb.textIs(wb.cell(5, 'y2011_dtpt'), '1.000'), '1.000');
    assert.equal(await wb.computedIs('grand', 'total', '49.850'), '49.850');
    await page.close();
  });
});
