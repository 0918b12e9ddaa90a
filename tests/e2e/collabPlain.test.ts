/**
 * Issue 21 on a plain sheet, in two browser profiles sharing one workbook (server on loopback):
 * the other person's cell is outlined with their name; two people writing different cells while
 * apart both keep their figure; the same cell written twice is marked with both values in its
 * tooltip and settled from the bar above the grid.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { token } from '../../src/server/testkit';
import { collabServer } from './collabServer';
import { e2eSuite } from './harness';
import { appendixWithNotes } from './pages/books';
import { PlainSheetModel } from './pages/PlainSheet';
import { StartPageModel } from './pages/StartPage';
import { openFromServer, SyncPanelModel } from './pages/SyncPanel';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
const server = collabServer();
const DOC = 'plan/e2e-plain/submission/gtvt';

const book = () => appendixWithNotes();

/** Waits until a plain cell carries a class (or no longer does). */
async function marked(page: Page, r: number, c: number, cls: string, on = true) {
  await page.waitForFunction(
    ([r, c, k, yes]) => {
      const el = document.querySelector(
        `[data-testid=plain-grid] .ag-row[row-index="${r}"] [col-id="${c}"]`,
      );
      return !!el && el.classList.contains(k as string) === yes;
    },
    [r, c, cls, on] as const,
    { timeout: 20_000 },
  );
}

describe('a plain sheet shared between two people', () => {
  it('merges different cells, marks the same cell with both values, shows who is where', async () => {
    const pageA = await (await suite.profile()).newPage();
    pageA.setDefaultTimeout(15_000);
    const start = new StartPageModel(pageA);
    await start.goto(suite.url());
    await start.drop('phu-tho-kem-doi-chieu.xlsx', book());
    await pageA.click('[data-testid=import-confirm]');
    await pageA.waitForSelector('[data-testid=plan-grid] .ag-row');
    const syncA = new SyncPanelModel(pageA);
    await syncA.connect(server.url(), DOC, token('lan'));

    const pageB = await (await suite.profile()).newPage();
    pageB.setDefaultTimeout(15_000);
    pageB.on('pageerror', (e) => console.error('pageerror:', e.message));
    await openFromServer(pageB, suite.url(), server.url(), DOC, token('lan'));
    const syncB = new SyncPanelModel(pageB);
    const a = new PlainSheetModel(pageA);
    const b = new PlainSheetModel(pageB);
    const wa = new WorkbookPageModel(pageA);
    const wb = new WorkbookPageModel(pageB);
    for (const s of [a, b]) {
      await s.tab('Đối chiếu');
      await s.page.waitForSelector('[data-testid=plain-grid] .ag-row');
    }

    // presence: b's cell is outlined on a's screen, with b's name on it
    await b.cell(2, 0).click();
    await marked(pageA, 2, 0, 'pb-presence');
    const label = a.cell(2, 0).locator('[data-testid=presence-label]');
    assert.match((await label.getAttribute('data-names')) ?? '', /Lan/);

    // apart (from the sync panel of the plain sheet): a writes B2; b writes B2 too, and B3
    await syncA.goOffline();
    await syncB.goOffline();
    await a.type(1, 1, '111');
    await b.type(1, 1, '222');
    await b.type(2, 1, '300');
    await syncA.goOnline();
    await syncB.goOnline();
    for (const [s, w] of [
      [a, wa],
      [b, wb],
    ] as const) {
      await marked(s.page, 1, 1, 'pb-conflict');
      assert.equal(await w.textIs(s.cell(2, 1), '300'), '300'); // b's other cell merged
    }
    await marked(pageA, 2, 1, 'pb-conflict', false);

    // the tooltip names both values
    await a.cell(1, 1).hover();
    const tip = pageA.locator('.ag-tooltip');
    await tip.waitFor();
    const text = await tip.innerText();
    assert.match(text, /111 \(Nguyễn Thị Lan\)/);
    assert.match(text, /222 \(Nguyễn Thị Lan\)/);

    // settled from the bar above b's grid: 222 kept for both, the total follows
    await b.cell(1, 1).click();
    await pageB.locator('[data-testid=cell-conflict] button[data-value="222"]').click();
    for (const [s, w] of [
      [a, wa],
      [b, wb],
    ] as const) {
      await marked(s.page, 1, 1, 'pb-conflict', false);
      assert.equal(await w.textIs(s.cell(1, 1), '222'), '222');
      assert.equal(await w.textIs(s.cell(3, 1), '522'), '522');
    }

    // the audit trail of the plain cell, from the sync panel of the plain sheet
    await a.cell(1, 1).click();
    await syncA.show();
    await pageA.click('[data-testid=sync-audit-cell]');
    const line = pageA
      .locator('[data-testid=sync-audit] tbody tr[data-kind=cell]', { hasText: '111' })
      .first();
    await line.waitFor();
    const cells = await line.locator('td').allInnerTexts();
    assert.deepEqual(cells.slice(3), ['Đối chiếu · B2', '100', '111']);
  });
});
