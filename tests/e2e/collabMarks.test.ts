/**
 * Issue 21 in the grid: two browser profiles on one shared workbook (server on loopback) see
 * each other's current cell outlined with the person's name; a cell both wrote while apart is
 * marked in the grid with both values and writers in its tooltip, and settled from the grid by
 * keyboard (Alt+K on the cell, then Enter on the value to keep).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { token } from '../../src/server/testkit';
import { collabServer } from './collabServer';
import { e2eSuite, openSample } from './harness';
import { openFromServer, SyncPanelModel } from './pages/SyncPanel';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
const server = collabServer();

const DOC = 'plan/e2e-marks/submission/gtvt';
const E = 'y2011_dtpt';
const LAN = 'Nguyễn Thị Lan (gtvt)';

/** Waits until a cell carries a class (and, when given, the name label of who is on it). */
async function marked(w: WorkbookPageModel, row: number, cls: string, on = true) {
  await w.page.waitForFunction(
    ([r, c, k, yes]) => {
      const el = document.querySelector(
        `[data-testid=plan-grid] .ag-row[row-index="${r}"]:not([row-id^="pin:"]) [col-id="${c}"]`,
      );
      return !!el && el.classList.contains(k as string) === yes;
    },
    [row, E, cls, on] as const,
    { timeout: 20_000 },
  );
}

describe('the grid shows who is where, and what was written while apart', () => {
  it("outlines the other's cell with their name; marks a conflicting cell and settles it there", async () => {
    const a = await openSample(await suite.profile(), suite.url());
    const syncA = new SyncPanelModel(a.page);
    await syncA.connect(server.url(), DOC, token('lan'));
    const pageB = await (await suite.profile()).newPage();
    pageB.setDefaultTimeout(15_000);
    pageB.on('pageerror', (e) => console.error('pageerror:', e.message));
    await openFromServer(pageB, suite.url(), server.url(), DOC, token('lan'));
    const b = new WorkbookPageModel(pageB);
    const syncB = new SyncPanelModel(pageB);

    // presence: each sees the other's current cell outlined, with the name on it
    await b.focus(1, E);
    await marked(a, 1, 'pb-presence');
    await a.page.waitForFunction(
      (name) =>
        document
          .querySelector('.ag-cell.pb-presence [data-testid=presence-label]')
          ?.getAttribute('data-names') === name,
      LAN,
    );
    await a.focus(2, E);
    await marked(b, 2, 'pb-presence');
    await b.focus(4, E);
    await marked(a, 4, 'pb-presence');
    await marked(a, 1, 'pb-presence', false); // b left that cell
    assert.equal(await a.cell(1, E).locator('[data-testid=presence-label]').count(), 0);
    assert.equal(await a.textIs(a.cell(1, E), '3.500'), '3.500'); // its figure alone again
    // the name is drawn by the cell's renderer beside its figure
    const label = a.cell(4, E).locator('[data-testid=presence-label]');
    assert.equal(await label.getAttribute('data-names'), LAN);
    assert.equal(await a.textIs(a.cell(4, E), '2.000'), '2.000'); // the cell's text: its figure

    // a and b write the same cell while apart: the cell is marked for both
    await syncA.goOffline();
    await syncB.goOffline();
    await a.type(3, E, '111');
    await b.type(3, E, '222');
    await syncA.goOnline();
    await syncB.goOnline();
    for (const w of [a, b]) await marked(w, 3, 'pb-conflict');
    await marked(a, 2, 'pb-conflict', false);

    // its tooltip names both values and who wrote them
    await a.cell(3, E).hover();
    const tip = a.page.locator('.ag-tooltip');
    await tip.waitFor();
    const text = await tip.innerText();
    assert.match(text, /111 \(Nguyễn Thị Lan\)/);
    assert.match(text, /222 \(Nguyễn Thị Lan\)/);

    // settled from the grid by keyboard: on the cell, Alt+K goes to the values; Enter keeps one
    await b.focus(3, E);
    await b.page.locator('[data-testid=cell-conflict]').waitFor();
    const focused = () =>
      b.page.evaluate(() => document.activeElement?.getAttribute('data-value') ?? null);
    // the bar listens from its first paint on: press again if the key came before
    for (let k = 0; k < 5 && !(await focused()); k++) {
      await b.page.keyboard.press('Alt+k');
      if (!(await focused())) await b.page.waitForTimeout(100);
    }
    assert.ok(['111', '222'].includes((await focused()) ?? ''));
    if ((await focused()) !== '222') await b.page.keyboard.press('Tab');
    assert.equal(await focused(), '222');
    await b.page.keyboard.press('Enter');
    for (const w of [a, b]) {
      await marked(w, 3, 'pb-conflict', false);
      assert.equal(await w.textIs(w.cell(3, E), '222'), '222');
    }
    assert.equal(await b.page.locator('[data-testid=cell-conflict]').count(), 0);
    // the focus is back on the grid
    await b.page.waitForFunction(
      () => !!document.activeElement?.closest('[data-testid=plan-grid]'),
    );
  });
});
