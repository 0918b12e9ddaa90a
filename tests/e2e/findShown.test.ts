/**
 * Find reads the figures as the sheet shows them (a finance officer looks for the figure on the
 * screen): a section's and a total's sums, only computed, and a figure in the display unit chosen.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite, openSample } from './harness';
import { FindFilterBar } from './pages/FindFilterBar';
import { NumberingPageModel } from './pages/NumberingPage';

const suite = e2eSuite();

describe('find over the figures as shown', () => {
  it('finds a section’s sum, the grand total (computed) and a figure in tỷ đồng', async () => {
    const wb = await openSample(await suite.profile(), suite.url());
    const { page } = wb;
    const ff = new FindFilterBar(page);
    const nameBox = page.locator('[data-testid=name-box]');
    // 6.500: the 2011 ĐTPT sum of section 1, of the ĐTPT total and of Tổng cộng (none typed)
    assert.equal(await wb.computed(0, 'y2011_dtpt'), '6.500');
    assert.equal(await ff.findFirst('6.500'), '1/3');
    assert.equal(await wb.textIs(nameBox, 'E1'), 'E1');
    assert.equal(await ff.findFirst('6500'), '1/3');
    // the grand total the grid shows beside the stated 61.600
    const grand = await wb.computed('grand', 'total');
    assert.equal(grand, '49.850');
    assert.equal(await ff.findFirst(grand), '1/1');
    assert.match(await wb.textMatches(nameBox, /^P\d+$/), /^P\d+$/);
    await page.keyboard.press('Escape');
    // in tỷ đồng: 15.800 triệu đồng shows as 15,8 and 300 triệu đồng as 0,3
    await new NumberingPageModel(page).displayUnit('tỷ đồng');
    assert.equal(await wb.textIs(wb.cell(1, 'stated'), '15,8'), '15,8');
    assert.equal(await ff.findFirst('15,8'), '1/1');
    assert.equal(await wb.textIs(nameBox, 'P2'), 'P2');
    assert.match(await ff.findFirst('0,3'), /^1\/\d+$/);
    await page.close();
  });
});
