/**
 * The printed form shows a figure as the submitted .xlsx does: a column holding decimals prints
 * them as the file's `#,##0.##` (1.234,57), not every decimal typed (1.234,5678).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as XLSX from '@e965/xlsx';
import { e2eSuite, openSample } from './harness';
import { PrintPageModel } from './pages/PrintPage';
import { TotalsPageModel } from './pages/TotalsPage';

const suite = e2eSuite();

describe('figures on the printed form', () => {
  it('prints a typed 1234,5678 as the .xlsx shows it', async () => {
    const wb = await openSample(await suite.profile(), suite.url());
    await wb.type(2, 'y2013_dtpt', '1234,5678');
    assert.equal(await wb.textIs(wb.cell(2, 'y2013_dtpt'), '1.234,568'), '1.234,568');
    const text = await new PrintPageModel(wb.page).formText();
    assert.match(text, /\t1\.234,57\t/);
    assert.doesNotMatch(text, /1\.234,5678/);
    assert.match(text, /\t15\.800\t/); // whole figures as before
    await wb.page.close();
  });

  it('prints a section’s stated figure as the grid shows it and the file keeps it, the computed one marked', async () => {
    const wb = await openSample(await suite.profile(), suite.url());
    const tp = new TotalsPageModel(wb.page);
    // section 1 (qt01) states 36.300 as its Tổng mức đầu tư; its projects add up to 41.300
    assert.equal(await tp.shown('qt01', 'stated'), '36.300');
    assert.equal(await tp.besideIs('qt01', 'stated', '≠ 41.300'), '≠ 41.300');
    const printed = await new PrintPageModel(wb.page).statedDiffs();
    assert.ok(printed.cells.includes('36.300 ≠ 41.300*'), printed.cells.join(' | '));
    assert.ok(!printed.cells.some((c) => c.startsWith('41.300')));
    assert.match(printed.note, /^\(\*\) 20 số liệu ghi trên biểu khác tổng các dòng/);
    // the export's first choice (Enter) writes the same figure: 36.300 in O11, no formula
    await tp.exportAsked();
    const download = wb.page.waitForEvent('download');
    await wb.page.keyboard.press('Enter');
    const file = XLSX.read(readFileSync((await (await download).path())!), {
      type: 'buffer',
      cellFormula: true,
    });
    assert.equal(file.Sheets['Phụ lục'].O11.v, 36300);
    assert.equal(file.Sheets['Phụ lục'].O11.f, undefined);
    await wb.page.close();
  });
});
