/**
 * Issue 21 in Chromium: three browser profiles edit one workbook through the collaboration
 * server on loopback; one works offline for a while (the app's switch, then its network cut) and
 * all converge; two write the same cell while apart and both values are shown, one of them keeps
 * one for everyone.
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

const DOC = 'plan/e2e/submission/gtvt';
const E = 'y2011_dtpt';

describe('three officers, one workbook, one server', () => {
  it('edit, one offline for a while, all converge; a cell written by two while apart keeps both', async () => {
    const a = await openSample(await suite.profile(), suite.url());
    const syncA = new SyncPanelModel(a.page);
    await syncA.connect(server.url(), DOC, token('lan'));

    const pages: WorkbookPageModel[] = [];
    for (let k = 0; k < 2; k++) {
      const page = await (await suite.profile()).newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (e) => console.error('pageerror:', e.message));
      await openFromServer(page, suite.url(), server.url(), DOC, token('lan'));
      pages.push(new WorkbookPageModel(page));
    }
    const [b, c] = pages;
    const [syncB, syncC] = [new SyncPanelModel(b.page), new SyncPanelModel(c.page)];
    const all = [a, b, c];
    const shows = async (row: number, col: string, text: string) => {
      for (const w of all) assert.equal(await w.textIs(w.cell(row, col), text), text);
    };
    await shows(1, E, '3.500'); // the shared figures, everywhere

    await a.type(1, E, '4000');
    await shows(1, E, '4.000');

    // c works offline for a while
    await syncC.goOffline();
    await c.type(4, E, '2100');
    await b.type(2, E, '55');
    assert.equal(await a.textIs(a.cell(2, E), '55'), '55');
    assert.equal(await a.textIs(a.cell(4, E), '2.000'), '2.000'); // c's edit has not left c
    await syncC.goOnline();
    await shows(4, E, '2.100');
    await shows(2, E, '55');

    // c's network is cut (Chromium's offline emulation), not the app's switch: c keeps working,
    // its edit waits unsent, and arrives once the network is back
    await c.page.context().setOffline(true);
    await c.type(5, E, '1500');
    await b.type(6, E, '1200');
    assert.equal(await a.textIs(a.cell(6, E), '1.200'), '1.200');
    assert.equal(await c.text(c.cell(6, E)), ''); // nothing reaches c either
    assert.equal(await a.text(a.cell(5, E)), '1.000');
    await c.page.waitForSelector('[data-testid=sync-status][data-saved=false]');
    await c.page.context().setOffline(false);
    await syncC.waitSaved();
    await shows(5, E, '1.500');
    await shows(6, E, '1.200');

    // b and c write the same cell while both are offline
    await syncB.goOffline();
    await syncC.goOffline();
    await b.type(3, E, '111');
    await c.type(3, E, '222');
    await syncB.goOnline();
    await syncC.goOnline();
    for (const s of [syncB, syncC]) {
      await s.waitConflicts(1);
      assert.deepEqual(await s.conflicts(), [['111', '222']]);
    }
    const shown = await b.text(b.cell(3, E));
    assert.ok(['111', '222'].includes(shown));
    for (const w of all) assert.equal(await w.textIs(w.cell(3, E), shown), shown); // the same meanwhile

    await syncB.keep('111');
    for (const s of [syncA, syncB, syncC]) await s.waitConflicts(0);
    await shows(3, E, '111');

    // presence: a sees the two others
    await syncA.show();
    await a.page.waitForFunction(
      () => document.querySelectorAll('[data-testid=sync-people] li').length === 3,
    );

    // the audit trail of the cell a edited
    await a.focus(1, E);
    await a.page.click('[data-testid=sync-audit-cell]');
    const line = a.page.locator('[data-testid=sync-audit] tbody tr[data-kind=cell]').first();
    await line.waitFor();
    const cells = await line.locator('td').allInnerTexts();
    assert.deepEqual(cells.slice(4), ['3.500', '4.000']);
    assert.match(cells[1], /^Nguyễn Thị Lan \(gtvt\)$/); // the account’s certified name
    assert.equal(cells[2], 'Sửa ô'); // the kind of line, worded
  });
});
