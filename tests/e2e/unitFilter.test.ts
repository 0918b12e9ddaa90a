/**
 * A finance officer merges two lead units in the units view, then filters the sheet by the merged
 * unit: the filter lists and keeps the units as the view groups them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite, openSample } from './harness';
import { FindFilterBar } from './pages/FindFilterBar';
import { ViewsPageModel } from './pages/ViewsPage';

const suite = e2eSuite();

describe('the unit filter after a merge of units', () => {
  it('lists the merged unit and keeps both units’ projects', async () => {
    const wb = await openSample(await suite.profile(), suite.url());
    const { page } = wb;
    const views = new ViewsPageModel(page);
    await views.units();
    await views.merge(['Thanh tra tỉnh', 'Sở Nội vụ'], 'Khối nội chính');
    assert.equal(await views.unitCell('Khối nội chính', 'count'), '2');
    await views.backToSheet();
    const ff = new FindFilterBar(page);
    assert.deepEqual(
      (await ff.unitChoices()).filter((u) => /Khối|Nội vụ|Thanh tra/.test(u)),
      ['Khối nội chính'],
    );
    await ff.filterUnit('Khối nội chính');
    assert.match(await ff.filtering().innerText(), /Đang lọc: 2\/17 dự án/);
    const names = await ff.shownNames();
    assert.ok(names.some((n) => n.startsWith('XD hệ thống quản lý đơn thư')));
    assert.ok(names.some((n) => n.startsWith('Xây dựng hệ thống quản lý cán bộ')));
    await page.close();
  });
});
