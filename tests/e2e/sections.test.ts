/**
 * Session 18's walk as a new officer: a section added among projects (Alt+Shift+=) heads the
 * projects below it up to the next section, adds them up and is numbered; a project moved with
 * Alt+↓ / Alt+↑ past the end or the start of its section goes into the next or the previous one
 * (before: refused, "đã là dòng cuối trong mục"); undo and redo in one step each.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite } from './harness';
import { SectionsPageModel } from './pages/SectionsPage';

const suite = e2eSuite();
const NAME3 = 'Hệ thống giao ban trực tuyến cho 05 đơn vị cấp huyện';

describe('sections an officer adds', () => {
  it('a section added below a project heads the projects after it and adds them up', async () => {
    const wb = new SectionsPageModel((await suite.sample()).page);
    assert.equal(await wb.textIs(wb.cell(3, 'name'), NAME3), NAME3);
    // section 1 states 10.500 in 2012 ĐTPT (4.500 + 2.000 + 2.000 + 2.000)
    assert.equal(await wb.textIs(wb.cell(0, 'y2012_dtpt'), '10.500'), '10.500');
    await wb.addSectionBelow(2);
    assert.equal(await wb.shapeIs(3, 'section:1'), 'section:1');
    assert.equal(await wb.textIs(wb.cell(3, 'name'), ''), '');
    // the projects below it, up to section 2, are its own: one level deeper, added up by it
    assert.equal(await wb.textIs(wb.cell(4, 'name'), NAME3), NAME3);
    for (const i of [4, 5, 6, 7]) assert.equal(await wb.shapeIs(i, 'project:2'), 'project:2');
    assert.equal(await wb.shapeIs(8, 'section:0'), 'section:0');
    assert.equal(await wb.textIs(wb.cell(3, 'y2012_dtpt'), '6.000'), '6.000');
    assert.equal(await wb.textIs(wb.cell(3, 'y2013_dtpt'), '6.000'), '6.000');
    // section 1 still adds up to the same: its projects above, and the new section
    assert.equal(await wb.textIs(wb.cell(0, 'y2012_dtpt'), '10.500'), '10.500');
    assert.notEqual(await wb.text(wb.cell(3, 'tt')), '');
    assert.equal(await wb.textIs(wb.cell(8, 'tt'), '2'), '2');
    await wb.action('undo');
    assert.equal(await wb.textIs(wb.cell(3, 'name'), NAME3), NAME3);
    assert.equal(await wb.shapeIs(3, 'project:1'), 'project:1');
    assert.equal(await wb.textIs(wb.cell(0, 'y2012_dtpt'), '10.500'), '10.500');
    await wb.action('redo');
    assert.equal(await wb.shapeIs(3, 'section:1'), 'section:1');
    assert.equal(await wb.textIs(wb.cell(3, 'y2012_dtpt'), '6.000'), '6.000');
  });

  it('moves the last project of a section into the next one and back, sums following', async () => {
    const wb = new SectionsPageModel((await suite.sample()).page);
    const LAST = await wb.text(wb.cell(6, 'name'));
    assert.match(LAST, /Cung cấp thiết bị, xây dựng mạng LAN/);
    assert.equal(await wb.textIs(wb.cell(0, 'y2013_dtpt'), '11.000'), '11.000');
    assert.equal(await wb.textIs(wb.cell(7, 'y2013_dtpt'), '500'), '500');
    await wb.moveByKey(6, 'down');
    // section 2 now heads it: its 2.000 in 2013 ĐTPT leaves section 1 for section 2
    assert.equal(await wb.shapeIs(6, 'section:0'), 'section:0');
    assert.equal(await wb.textIs(wb.cell(7, 'name'), LAST), LAST);
    assert.equal(await wb.shapeIs(7, 'project:1'), 'project:1');
    assert.equal(await wb.textIs(wb.cell(0, 'y2013_dtpt'), '9.000'), '9.000');
    assert.equal(await wb.textIs(wb.cell(6, 'y2013_dtpt'), '2.500'), '2.500');
    await wb.action('undo');
    assert.equal(await wb.textIs(wb.cell(6, 'name'), LAST), LAST);
    assert.equal(await wb.textIs(wb.cell(0, 'y2013_dtpt'), '11.000'), '11.000');
    await wb.action('redo');
    assert.equal(await wb.textIs(wb.cell(7, 'name'), LAST), LAST);
    assert.equal(await wb.textIs(wb.cell(6, 'y2013_dtpt'), '2.500'), '2.500');
    // and Alt+↑ on the first project of section 2 takes it back to the end of section 1
    await wb.moveByKey(7, 'up');
    assert.equal(await wb.textIs(wb.cell(6, 'name'), LAST), LAST);
    assert.equal(await wb.textIs(wb.cell(0, 'y2013_dtpt'), '11.000'), '11.000');
    assert.equal(await wb.textIs(wb.cell(7, 'y2013_dtpt'), '500'), '500');
  });

  it('shows blank, not 0, where a section has no figure under it', async () => {
    const wb = new SectionsPageModel((await suite.sample()).page);
    // no project of section 1 has a 2011 SN figure, none of section 2 a 2011 ĐTPT one (before: 0)
    assert.equal(await wb.textIs(wb.cell(1, 'y2011_sn'), ''), '');
    assert.equal(await wb.textIs(wb.cell(0, 'y2011_sn'), ''), '');
    assert.equal(await wb.textIs(wb.cell(7, 'y2011_dtpt'), ''), '');
    assert.equal(await wb.textIs(wb.cell(0, 'y2011_dtpt'), '6.500'), '6.500');
    // a 0 typed under it is a figure: the section shows its sum, 0, and blank again on undo
    // past the grid's idle warm-up (ui/grid/warmGrid.ts, its last round marks pb:warm-grid),
    // whose refreshes would redraw it anyway
    await wb.page.waitForFunction("performance.getEntriesByName('pb:warm-grid').length > 0");
    await wb.type(1, 'y2011_sn', '0');
    assert.equal(await wb.textIs(wb.cell(1, 'y2011_sn'), '0'), '0');
    assert.equal(await wb.textIs(wb.cell(0, 'y2011_sn'), '0'), '0');
    await wb.action('undo');
    assert.equal(await wb.textIs(wb.cell(0, 'y2011_sn'), ''), '');
  });
});
