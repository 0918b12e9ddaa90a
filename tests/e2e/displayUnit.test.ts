/**
 * Issue 15 (part 5) in Chromium: with the sample shown in tỷ đồng, typing 1,5 into a project's
 * amount stores 1.500 triệu đồng (the plan's unit); the section adds it; the editor, the formula
 * bar and the status line speak tỷ đồng; the .xlsx export in tỷ đồng recalculates to the same
 * figures; back in the plan's unit the cell shows 1.500.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { toCsv } from '../support/libreoffice';
import { readWithOpenpyxl } from '../support/openpyxl';
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

    // exported in the display unit (asked first): the unit line says tỷ đồng, the section's
    // formula is live and LibreOffice recalculates it to 4,5
    await wb.page.click('[data-testid=export-xlsx]');
    await wb.page.click('[data-testid=unit-shown]');
    const download = wb.page.waitForEvent('download');
    await wb.page.click('[data-testid=stated-formulas]');
    const file = join(mkdtempSync(join(tmpdir(), 'planbook-e2e-unit-')), 'ty-dong.xlsx');
    await (await download).saveAs(file);
    const [book] = readWithOpenpyxl([file]);
    assert.ok(book.ok, book.ok ? '' : book.error);
    const first = book.sheets[0];
    assert.ok(first.cells.some((c) => c.value === 'ĐVT: tỷ đồng'));
    assert.ok(first.cells.some((c) => c.type === 'f' && /SUM\(/.test(String(c.value))));
    const cached = toCsv(file, false).get(first.name)!;
    const again = toCsv(file, true).get(first.name)!;
    assert.deepEqual(again, cached);
    assert.ok(
      again.some((r) => r.includes('4.5') && r.includes('1.5')),
      JSON.stringify(again),
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
