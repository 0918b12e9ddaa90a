/**
 * Issue 21, item 5 in Chromium: a department sends its submission to the consolidating department
 * through the collaboration server (loopback) instead of a file. Two browser profiles: the
 * department's workbook connected to its submission document sends it; the consolidation receives
 * it as a dropped file would be (matched to the unit, confirmed) and shows its figures; the
 * department edits and sends again, and the new figures replace the first ones.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Account } from '../../src/server/accounts';
import { ACCOUNTS, token } from '../../src/server/testkit';
import { collabServer } from './collabServer';
import { e2eSuite, openSample } from './harness';
import { ConsolidationPageModel } from './pages/ConsolidationPage';
import { SyncPanelModel } from './pages/SyncPanel';

// a department whose account is named as the consolidation names the unit
const SGT: Account = { id: 'sgt', name: 'Sở Giao thông vận tải', unit: 'gtvt', role: 'department' };
const suite = e2eSuite();
const server = collabServer([...ACCOUNTS, SGT]);
const UNIT = 'Sở Giao thông vận tải';
const E = 'y2011_dtpt';
const amount = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

describe('a submission sent through the server', () => {
  it('reaches the consolidation as a file would; a re-send replaces its figures', async () => {
    // the department: the sample plan, connected to its submission document, sent
    const dept = await openSample(await suite.profile(), suite.url());
    const sync = new SyncPanelModel(dept.page);
    await sync.connect(server.url(), 'plan/e2e-send/submission/gtvt', token('sgt'));
    assert.match(await sync.sendSubmission(), /^Đã gửi «.+\.xlsx» lúc /);

    // the consolidating department receives it
    const page = await (await suite.profile()).newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => console.error('pageerror:', e.message));
    await page.goto(suite.url());
    await page.waitForSelector('[data-testid=workbook-list] tbody tr');
    const c = new ConsolidationPageModel(page);
    await c.create({
      title: 'Tổng hợp kế hoạch CNTT 2011–2015',
      firstYear: 2011,
      years: 5,
      units: [UNIT, 'Sở Y tế'],
    });
    // a department may not read what was sent
    assert.match(
      await c.fetchFromServer(server.url(), 'e2e-send', token('lan')),
      /chỉ đơn vị tổng hợp/,
    );
    assert.match(await c.fetchFromServer(server.url(), 'e2e-send', token('minh')), /Đã nhận 1/);
    const unit = page.locator('[data-testid=c-pending-unit]');
    assert.equal(await unit.inputValue(), UNIT);
    assert.match(
      await page.locator('[data-testid=c-pending-note]').inputValue(),
      /^Gửi qua máy chủ bởi Sở Giao thông vận tải \(gtvt\)/,
    );
    await page.click('[data-testid=c-receive]');
    await page.waitForSelector(`[data-testid=c-board] tr[data-unit="${UNIT}"][data-state=in]`);
    await c.tab('appendix');
    const first = amount(await c.total(`${E}:r`).innerText());
    assert.ok(first > 0);
    // nothing new sent: nothing to receive
    assert.match(await c.fetchFromServer(server.url(), 'e2e-send', token('minh')), /Không có/);

    // the department changes a figure (3.500 → 4.000) and sends again
    await dept.type(1, E, '4000');
    await sync.waitSaved();
    assert.match(await sync.sendSubmission(), /^Đã gửi/);
    assert.match(await c.fetchFromServer(server.url(), 'e2e-send', token('minh')), /Đã nhận 1/);
    assert.match(await page.locator('[data-testid=c-pending-diff]').innerText(), /3\.500.*4\.000/s);
    await page.click('[data-testid=c-receive]');
    const want = (first + 500).toLocaleString('vi-VN');
    assert.equal(await c.textIs(c.total(`${E}:r`), want), want);
    await c.tab('board');
    const history = page.locator(`[data-testid=c-board] tr[data-unit="${UNIT}"]`);
    assert.equal(await history.count(), 1);

    // the audit trail of the department's document names both sends
    const sends = await server.server().store.audit({
      doc: 'plan/e2e-send/submission/gtvt',
      kind: 'submit',
    });
    assert.deepEqual(
      sends.map((s) => s.account),
      ['sgt', 'sgt'],
    );
  });
});
