/**
 * Issue 15 (part 5) in Chromium: with the sample shown in tỷ đồng, typing 1,5 into a project's
 * amount stores 1.500 triệu đồng (the plan's unit); the section adds it; the editor, the formula
 * bar and the status line speak tỷ đồng; back in the plan's unit the cell shows 1.500.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite, openSample } from './harness';
import { DisplayUnitPageModel } from './pages/DisplayUnitPage';

const suite = e2eSuite();
const COL = 'y2011_dtpt';

describe('input in the display unit', () => {
  it('takes 1,5 typed in tỷ đồng as 1.500 triệu đồng', async () => {
    const wb = new DisplayUnitPageModel(
      (await openSample(await suite.profile(), suite.url())).page,
    );
    // the sample: section 1 is 6.500 of which project row 1 is 3.500 (triệu đồng)
    assert.equal(await wb.textIs(wb.cell(0, COL), '6.500'), '6.500');
    assert.equal(await wb.textIs(wb.cell(1, COL), '3.500'), '3.500');
    await wb.displayUnit('tỷ đồng');
    assert.equal(await wb.textIs(wb.cell(1, COL), '3,5'), '3,5');
    // the editor and the formula bar open with the figure in tỷ đồng
    assert.equal(await wb.editorText(1, COL), '3,5');
    assert.equal(await wb.formulaIs('3,5'), '3,5');

    await wb.type(1, COL, '1,5');
    assert.equal(await wb.textIs(wb.cell(1, COL), '1,5'), '1,5');
    // the section adds 1.500 triệu, not 1,5 triệu: 6.500 − 3.500 + 1.500 = 4.500 = 4,5 tỷ
    assert.equal(await wb.textIs(wb.cell(0, COL), '4,5'), '4,5');
    await wb.focus(1, COL);
    assert.equal(await wb.formulaIs('1,5'), '1,5');

    // the status line sums in tỷ đồng, labelled
    const row2 = await wb.text(wb.cell(2, COL));
    const sum = 1.5 + Number(row2.replace(/\./g, '').replace(',', '.') || '0');
    const stats = await wb.selectDown(1, COL, 1);
    assert.ok(
      stats.includes(`Tổng: ${String(sum).replace('.', ',')}`) && stats.includes('(tỷ đồng)'),
      stats,
    );

    // the model holds triệu đồng: back in the plan's unit the cell shows 1.500
    await wb.displayUnit('');
    assert.equal(await wb.textIs(wb.cell(1, COL), '1.500'), '1.500');
    assert.equal(await wb.textIs(wb.cell(0, COL), '4.500'), '4.500');
    assert.equal(await wb.editorText(1, COL), '1.500');
    // undo the unit, then the typing: 3.500 again
    await wb.action('undo');
    assert.equal(await wb.textIs(wb.cell(1, COL), '1,5'), '1,5');
    await wb.action('undo');
    assert.equal(await wb.textIs(wb.cell(1, COL), '3,5'), '3,5');
    assert.equal(await wb.textIs(wb.cell(0, COL), '6,5'), '6,5');
    await wb.page.close();
  });
});
