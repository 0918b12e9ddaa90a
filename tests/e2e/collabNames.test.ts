/**
 * Sync names in Chromium (h170): a writer is named by the name the server certified for their
 * account, also when this browser never saw them online (a fresh profile, nothing learnt
 * before) and for this person's own writes; the panel names this person likewise. Lan shares,
 * goes offline; Thu opens the document, writes and leaves; Lan writes the same cell offline and
 * comes back: the conflict's tooltip says both names.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACCOUNTS, token } from '../../src/server/testkit';
import { collabServer } from './collabServer';
import { e2eSuite, openSample } from './harness';
import { openFromServer, SyncPanelModel } from './pages/SyncPanel';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
const server = collabServer([
  ...ACCOUNTS,
  { id: 'u-3f9a2c', name: 'Đỗ Thu', unit: 'gtvt', role: 'department' },
]);

const DOC = 'plan/e2e-names/submission/gtvt';
const E = 'y2011_dtpt';

describe('the people of a shared workbook, by name', () => {
  it('names a colleague never seen online and this person’s own writes', async () => {
    const a = await openSample(await suite.profile(), suite.url());
    const syncA = new SyncPanelModel(a.page);
    await syncA.connect(server.url(), DOC, token('lan'));
    await a.focus(2, E);
    // this person, in the panel: their certified name and unit, not the account id
    await a.page.waitForFunction(() =>
      document.querySelector('[data-testid=sync-people] li')?.textContent?.includes('Nguyễn'),
    );
    const [me] = await syncA.people();
    assert.match(me, /^Nguyễn Thị Lan \(gtvt\) \(bạn\)/);
    await syncA.goOffline();

    const pageB = await (await suite.profile()).newPage();
    pageB.setDefaultTimeout(15_000);
    pageB.on('pageerror', (e) => console.error('pageerror:', e.message));
    await openFromServer(pageB, suite.url(), server.url(), DOC, token('u-3f9a2c'));
    const b = new WorkbookPageModel(pageB);
    const syncB = new SyncPanelModel(pageB);
    await b.type(3, E, '222');
    await syncB.show();
    await syncB.waitSaved();
    await syncB.goOffline();

    await a.type(3, E, '111');
    await syncA.goOnline();
    await a.page.waitForFunction(
      (c) =>
        !!document
          .querySelector(
            `[data-testid=plan-grid] .ag-row[row-index="3"]:not([row-id^="pin:"]) [col-id="${c}"]`,
          )
          ?.classList.contains('pb-conflict'),
      E,
      { timeout: 20_000 },
    );
    // Thu was never online while Lan was: only Lan is in the panel
    assert.equal((await syncA.people()).length, 1);
    await a.cell(3, E).hover();
    const tip = a.page.locator('.ag-tooltip');
    await tip.waitFor();
    const text = await tip.innerText();
    assert.match(text, /111 \(Nguyễn Thị Lan\)/);
    assert.match(text, /222 \(Đỗ Thu\)/);
  });
});
