/**
 * Receiving is not an undo step, in Chromium: a proposal edited, a re-submission received, undo
 * takes back the proposal (the re-submission stays); the re-submission removed (Gỡ bản nộp) after a
 * confirmation naming what goes and what comes back; undo then takes back the user's edit only.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { e2eSuite } from './harness';
import { ConsolidationPageModel } from './pages/ConsolidationPage';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});
const file = (name: string) => ({ name, bytes: readFileSync(`fixtures/consolidate/${name}`) });
const TTTT = 'Sở Thông tin và Truyền thông';

describe('receiving and removing a submission', () => {
  it('undo never undoes a reception; a wrong file is removed by Gỡ bản nộp', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    page.on('pageerror', (e) => console.error('pageerror:', e.message));
    await page.goto(suite.url());
    await page.waitForSelector('[data-testid=workbook-list] tbody tr');
    const c = new ConsolidationPageModel(page);
    await c.create({ title: 'Tổng hợp gỡ bản nộp', firstYear: 2026, years: 3, units: [TTTT] });
    const requested = () => c.boardRow(TTTT).locator('[data-testid=c-board-requested]');
    const fileName = () => c.boardRow(TTTT).locator('td >> nth=3');

    await c.receive([file('so-tttt.xlsx')]);
    assert.equal(await page.locator('[data-testid=c-undo]').isDisabled(), true);
    await c.tab('appendix');
    const key = await c.rowKey('Nâng cấp Cổng thông tin điện tử tỉnh');
    await c.propose(key, 'y2026_dtpt:p', '600');
    assert.equal(await c.textIs(c.total('tot:p'), '34.000'), '34.000');

    // the unit's revised file: the cut is carried; undo takes back the cut, not the file
    await c.receive([file('so-tttt-bo-sung.xlsx')]);
    assert.equal(await c.textIs(c.total('tot:r'), '35.100'), '35.100');
    assert.equal(await c.textIs(c.total('tot:p'), '34.500'), '34.500');
    await page.click('[data-testid=c-undo]');
    assert.equal(await c.textIs(c.total('tot:p'), '35.100'), '35.100');
    assert.equal(await c.textIs(c.total('tot:r'), '35.100'), '35.100');
    assert.equal(await page.locator('[data-testid=c-undo]').isDisabled(), true);
    await page.click('[data-testid=c-redo]');
    assert.equal(await c.textIs(c.total('tot:p'), '34.500'), '34.500');
    await c.tab('board');
    assert.equal(await c.textIs(fileName(), 'so-tttt-bo-sung.xlsx'), 'so-tttt-bo-sung.xlsx');

    // removed by mistake: the confirmation says what goes and what comes back
    const asked = await c.withdraw(TTTT);
    assert.match(asked, /Gỡ bản nộp «so-tttt-bo-sung\.xlsx» của Sở Thông tin và Truyền thông/);
    assert.match(asked, /6 dự án, tổng đề nghị 35\.100/);
    assert.match(asked, /Bản nộp trước «so-tttt\.xlsx»/);
    assert.equal(await c.textIs(fileName(), 'so-tttt.xlsx'), 'so-tttt.xlsx');
    assert.equal(await c.textIs(requested(), '34.600'), '34.600');
    assert.match(await page.locator('[data-testid=c-submission] h2').innerText(), /so-tttt\.xlsx/);
    await c.tab('appendix');
    assert.equal(await c.textIs(c.total('tot:p'), '34.000'), '34.000');
    // undo after the removal takes back the cut (the user's own edit), the first file stays
    await page.click('[data-testid=c-undo]');
    assert.equal(await c.textIs(c.total('tot:p'), '34.600'), '34.600');
    assert.equal(await c.textIs(c.total('tot:r'), '34.600'), '34.600');

    // the last one removed: the unit is missing again, after a reload too
    assert.match(await c.withdraw(TTTT), /trở lại «Chưa nộp»/);
    await page.waitForSelector(`[data-testid=c-board] tr[data-unit="${TTTT}"][data-state=missing]`);
    await c.saved();
    await page.reload();
    await page.waitForSelector(`[data-testid=c-board] tr[data-unit="${TTTT}"][data-state=missing]`);
    await page.close();
  });
});
