/**
 * Issue 15 (parts 2 and 5) in Chromium: a section added to the sample gets its number and the
 * sections after it are renumbered (undo and redo bring the numbers back); a column the user
 * widened keeps its width after a reload; figures shown in tỷ đồng, stored in triệu đồng; long
 * names wrapped.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite, openSample } from './harness';
import { NumberingPageModel } from './pages/NumberingPage';

const suite = e2eSuite();

describe('numbering and the sheet’s view', () => {
  it('numbers a new section, renumbers, keeps a dragged width and shows tỷ đồng', async () => {
    const wb = new NumberingPageModel((await openSample(await suite.profile(), suite.url())).page);
    assert.equal(await wb.numberIs(0, '1'), '1');
    assert.equal(await wb.numberIs(7, '2'), '2');
    assert.equal(await wb.text(wb.cell(7, 'name')), 'Ứng dụng CNTT trong QLNN');
    // a section added after section 1 is 2; the old 2 becomes 3
    await wb.addSectionAfter(0);
    assert.equal(await wb.numberIs(7, '2'), '2');
    assert.equal(await wb.text(wb.cell(7, 'name')), '');
    assert.equal(await wb.numberIs(8, '3'), '3');
    await wb.action('undo');
    assert.equal(
      await wb.textIs(wb.cell(7, 'name'), 'Ứng dụng CNTT trong QLNN'),
      'Ứng dụng CNTT trong QLNN',
    );
    assert.equal(await wb.numberIs(7, '2'), '2');
    await wb.action('redo');
    assert.equal(await wb.numberIs(8, '3'), '3');
    const commits = await wb.commits();
    await wb.waitSaved(commits - 1);

    // the name column widened by the user
    const before = await wb.columnWidth('name');
    await wb.dragColumnEdge('name', -120);
    const dragged = await wb.columnWidth('name');
    assert.ok(Math.abs(dragged - (before - 120)) <= 2, `${before} → ${dragged}`);
    const stored = await wb.storedWidth('name');
    assert.ok(stored !== null && Math.abs(stored - dragged) <= 1, `stored ${stored}`);

    await wb.reload();
    assert.ok(Math.abs((await wb.columnWidth('name')) - dragged) <= 1);
    assert.equal(await wb.numberIs(8, '3'), '3');

    // shown in tỷ đồng: 49.850 triệu is 49,85 tỷ; the stored figures stay in triệu đồng
    assert.equal(await wb.computedIs('grand', 'total', '49.850'), '49.850');
    await wb.displayUnit('tỷ đồng');
    assert.equal(await wb.computedIs('grand', 'total', '49,85'), '49,85');
    assert.equal(await wb.textIs(wb.cell(0, 'y2011_dtpt'), '6,5'), '6,5');
    assert.equal(await wb.textIs(wb.cell(1, 'y2011_dtpt'), '3,5'), '3,5');
    // the formula bar speaks the display unit too (the model holds 3.500 triệu đồng)
    await wb.focus(1, 'y2011_dtpt');
    assert.equal(await wb.formulaIs('3,5'), '3,5');
    // one undo step: back to the plan's unit, and again
    await wb.action('undo');
    assert.equal(await wb.computedIs('grand', 'total', '49.850'), '49.850');
    assert.equal(await wb.textIs(wb.cell(1, 'y2011_dtpt'), '3.500'), '3.500');
    await wb.action('redo');
    assert.equal(await wb.computedIs('grand', 'total', '49,85'), '49,85');
    const saved = await wb.commits();
    await wb.waitSaved(saved - 1);
    await wb.reload();
    assert.equal(await wb.computedIs('grand', 'total', '49,85'), '49,85');
    assert.equal(await wb.page.inputValue('[data-testid=display-unit]'), 'tỷ đồng');
    // long names wrapped: the row grows to show the whole name, and stays so after a reload
    const short = await wb.rowHeight(1);
    await wb.wrap(true);
    for (const t0 = Date.now(); Date.now() - t0 < 5000 && (await wb.rowHeight(1)) <= short;)
      await wb.page.waitForTimeout(50);
    const tall = await wb.rowHeight(1);
    assert.ok(tall > short + 10, `${short} → ${tall}`);
    await wb.waitSaved((await wb.commits()) - 1);
    await wb.reload();
    for (const t0 = Date.now(); Date.now() - t0 < 5000 && (await wb.rowHeight(1)) <= short;)
      await wb.page.waitForTimeout(50);
    assert.ok((await wb.rowHeight(1)) > short + 10);
    assert.ok(Math.abs((await wb.columnWidth('name')) - dragged) <= 1);
    await wb.page.close();
  });
});
