/** Issue 15, part 1: the form edited in the app (title, document type, a text column, a year), kept on reload. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite, openSample } from './harness';
import { FormPanelModel } from './pages/FormPanel';

const suite = e2eSuite();

describe('editing the form', () => {
  it('edits the title and document type, adds a text column and a year, and sees them after a reload', async () => {
    const wb = await openSample(await suite.profile(), suite.url());
    const form = new FormPanelModel(wb.page);
    const commits = await wb.commits();
    await form.show();
    await form.set('title', 'Kế hoạch ứng dụng CNTT 2011-2016');
    await form.set('sheetTitle', 'DANH MỤC DỰ ÁN');
    await form.docType('Tờ trình');
    await form.addColumn('text', 'Địa điểm xây dựng');
    await form.addYear(2016);
    assert.equal(
      await wb.textIs(wb.page.locator('h1'), 'Kế hoạch ứng dụng CNTT 2011-2016'),
      'Kế hoạch ứng dụng CNTT 2011-2016',
    );
    assert.equal(
      await wb.textIs(wb.page.locator('.pb-sheet-title'), 'DANH MỤC DỰ ÁN'),
      'DANH MỤC DỰ ÁN',
    );
    const place = await form.colIdOf('Địa điểm xây dựng');
    assert.ok(place, 'the new text column shows in the grid');
    assert.ok((await form.headers()).includes('2016'));
    // the new year adds up: row 2 (2.000) gets 500 in 2016 ĐTPT
    await wb.type(2, 'y2016_dtpt', '500');
    assert.equal(await wb.computedIs(2, 'total', '2.500'), '2.500');
    await wb.type(2, place!, 'Thị xã Đông Hà');
    assert.equal(await wb.textIs(wb.cell(2, place!), 'Thị xã Đông Hà'), 'Thị xã Đông Hà');
    assert.equal(await wb.computedIs(2, 'total', '2.500'), '2.500'); // text is never an amount
    await wb.waitSaved(commits + 6);
    await wb.page.reload();
    await wb.page.waitForSelector('[data-testid=plan-grid] .ag-row');
    assert.equal(
      await wb.textIs(wb.page.locator('h1'), 'Kế hoạch ứng dụng CNTT 2011-2016'),
      'Kế hoạch ứng dụng CNTT 2011-2016',
    );
    assert.equal(await form.colIdOf('Địa điểm xây dựng'), place);
    assert.ok((await form.headers()).includes('2016'));
    assert.equal(await wb.computedIs(2, 'total', '2.500'), '2.500');
    assert.equal(await wb.textIs(wb.cell(2, place!), 'Thị xã Đông Hà'), 'Thị xã Đông Hà');
    await form.show();
    assert.equal(await form.field('docType').inputValue(), 'Tờ trình');
    assert.equal(await form.field('sheetTitle').inputValue(), 'DANH MỤC DỰ ÁN');
    await wb.page.close();
  });
});
