/**
 * Issue 21, item 5 in Chromium: a department sends its submission to the consolidating department
 * through the collaboration server (loopback) instead of a file. Two browser profiles: the
 * department's workbook connected to its submission document sends it; the consolidation receives
 * it as a dropped file would be (matched to the unit, confirmed) and shows its figures; the
 * department edits and sends again, and the new figures replace the first ones. The unit is the
 * one the server certifies (the account's unit name): another department sending a file that
 * names another unit is refused at the intake, both units named, and nothing is received.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { sendSubmission } from '../../src/app/serverSubmissions';
import { token } from '../../src/server/testkit';
import { collabServer } from './collabServer';
import { e2eSuite, openSample } from './harness';
import { ConsolidationPageModel } from './pages/ConsolidationPage';
import { SyncPanelModel } from './pages/SyncPanel';

// the test accounts: lan of gtvt (Sở Giao thông vận tải), tuan of yte (Sở Y tế), minh consolidates
const suite = e2eSuite();
const server = collabServer();
const UNIT = 'Sở Giao thông vận tải';
const E = 'y2011_dtpt';
const amount = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

describe('a submission sent through the server', () => {
  it('reaches the consolidation as a file would; a re-send replaces its figures', async () => {
    // the department: the sample plan, connected to its submission document, sent
    const dept = await openSample(await suite.profile(), suite.url());
    const sync = new SyncPanelModel(dept.page);
    await sync.connect(server.url(), 'plan/e2e-send/submission/gtvt', token('lan'));
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
      units: [UNIT, 'Sở Y tế', 'Sở Thông tin và Truyền thông'],
    });
    // a department may not read what was sent
    assert.match(
      await c.fetchFromServer(server.url(), 'e2e-send', token('lan')),
      /chỉ đơn vị tổng hợp/,
    );
    assert.match(await c.fetchFromServer(server.url(), 'e2e-send', token('minh')), /Đã nhận 1/);
    const unit = page.locator('[data-testid=c-pending-unit]');
    assert.equal(await unit.inputValue(), UNIT);
    assert.ok(await unit.isDisabled()); // certified by the server: not to be re-assigned
    // the sample's header names the province (a copied header): taken as the sender's, noted
    assert.equal(
      await page.locator('[data-testid=c-pending-unit-warning]').innerText(),
      'Chú ý: tệp ghi đơn vị «UBND tỉnh Quảng Trị», khác với đơn vị gửi «Sở Giao thông vận tải»; hồ sơ được nhận theo đơn vị gửi.',
    );
    assert.match(
      await page.locator('[data-testid=c-pending-note]').inputValue(),
      /^Gửi qua máy chủ bởi Nguyễn Thị Lan \(Sở Giao thông vận tải\)/,
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
      ['lan', 'lan'],
    );

    // Sở Y tế sends a file naming another unit of the consolidation (Sở TT&TT): refused, both named
    const other = new Uint8Array(readFileSync('fixtures/consolidate/so-tttt.xlsx'));
    const doc = {
      url: server.url(),
      document: 'plan/e2e-send/submission/yte',
      token: token('tuan'),
    };
    assert.ok((await sendSubmission(doc, 'so-y-te.xlsx', other)).ok);
    await c.tab('board');
    assert.match(
      await c.fetchFromServer(server.url(), 'e2e-send', token('minh')),
      /^1 hồ sơ không được nhận vì ghi tên một đơn vị khác với đơn vị gửi\.$/,
    );
    const refused = page.locator('[data-testid=c-pending] tr[data-file="so-y-te.xlsx"]');
    assert.match(
      await refused.innerText(),
      /^so-y-te\.xlsx\s+Không nhận: tệp ghi đơn vị «Sở Thông tin và Truyền thông» .* tài khoản của «Sở Y tế»/,
    );
    assert.ok(await page.locator('[data-testid=c-receive]').isDisabled());
    assert.equal(await c.boardRow('Sở Y tế').getAttribute('data-state'), 'missing');
  });
});
