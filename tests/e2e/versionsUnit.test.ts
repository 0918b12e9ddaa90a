/**
 * A finance officer works in tỷ đồng (the sheet's display unit), saves a version, changes a
 * figure, compares and restores: the comparison's figures are shown in the unit the sheet shows
 * (tỷ đồng, converted) and say so; the restored figure is shown in tỷ đồng again, and the restore
 * is one undo step.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite, openSample } from './harness';
import { NumberingPageModel } from './pages/NumberingPage';
import { VersionsPageModel } from './pages/VersionsPage';

const suite = e2eSuite();

describe('versions of a sheet shown in another unit', () => {
  it('compares in the unit the sheet shows, labelled; restores in one undo step', async () => {
    const wb = await openSample(await suite.profile(), suite.url());
    const { page } = wb;
    await new NumberingPageModel(page).displayUnit('tỷ đồng');
    const versions = new VersionsPageModel(page);
    await versions.open();
    await versions.save('Dự thảo 1');
    await versions.back();
    await wb.type(2, 'y2013_dtpt', '1,5');
    assert.equal(await wb.textIs(wb.cell(2, 'y2013_dtpt'), '1,5'), '1,5');
    await versions.open();
    await versions.compareWithCurrent('Dự thảo 1');
    assert.deepEqual(
      (await versions.changes()).map((r) => [r[2], r[3]]),
      [['1', '1,5']],
    );
    assert.equal(await versions.unitLine(), 'ĐVT: tỷ đồng');
    // the totals line converts too: nothing reads in triệu đồng beside a tỷ đồng label
    assert.match(await versions.summary(), /tăng 0,5,/);
    assert.match(await versions.restore('Dự thảo 1'), /Đã khôi phục «Dự thảo 1»/);
    await versions.back();
    assert.equal(await wb.textIs(wb.cell(2, 'y2013_dtpt'), '1'), '1');
    await wb.focus(2, 'name');
    await page.keyboard.press('Control+z');
    assert.equal(await wb.textIs(wb.cell(2, 'y2013_dtpt'), '1,5'), '1,5');
    await page.close();
  });
});
