/**
 * One figure, one look: the grid, the printed form, find and the submitted .xlsx show a figure of
 * money with at most 2 decimals (`#,##0.##`: 1.234,57, not every decimal typed, 1.234,5678), a
 * figure exact at a thousandth as typed (`#,##0.###`: 1.234,567). A section's stated figure prints
 * as the grid shows it, the computed one marked beside it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as XLSX from '@e965/xlsx';
import { e2eSuite } from './harness';
import { FindFilterBar } from './pages/FindFilterBar';
import { PrintPageModel } from './pages/PrintPage';
import { TotalsPageModel } from './pages/TotalsPage';

const suite = e2eSuite();

describe('figures on the printed form', () => {
  it('shows a figure alike in the grid, the print, find and the .xlsx: 2 decimals, a typed thousandth kept', async () => {
    const wb = await suite.sample();
    await wb.type(2, 'y2013_dtpt', '1234,5678');
    await wb.type(3, 'y2013_dtpt', '1234,567');
    // the grid: at most 2 decimals (was 1.234,568), a thousandth (1.000 đồng) as typed
    assert.equal(await wb.textIs(wb.cell(2, 'y2013_dtpt'), '1.234,57'), '1.234,57');
    assert.equal(await wb.textIs(wb.cell(3, 'y2013_dtpt'), '1.234,567'), '1.234,567');
    // the printed form prints the same
    const text = await new PrintPageModel(wb.page).formText();
    assert.match(text, /\t1\.234,57\t/);
    assert.match(text, /\t1\.234,567\t/);
    assert.doesNotMatch(text, /1\.234,5678/);
    assert.match(text, /\t15\.800\t/); // whole figures as before
    // find reaches each as shown
    const ff = new FindFilterBar(wb.page);
    assert.match(await ff.findFirst('1.234,57'), /^1\/\d+$/);
    assert.equal(await wb.textIs(wb.page.locator('[data-testid=name-box]'), 'I3'), 'I3');
    // (1.234,5678 as typed holds 1.234,567 too: find matches within a figure's forms)
    assert.equal(await ff.findFirst('1.234,567'), '1/2');
    await ff.next();
    assert.equal(await wb.textIs(wb.page.locator('[data-testid=name-box]'), 'I4'), 'I4');
    await wb.page.keyboard.press('Escape');
    // and the file formats them so: #,##0.## and #,##0.### (rows 13 and 14, column I)
    const tp = new TotalsPageModel(wb.page);
    await tp.exportAsked();
    const file = XLSX.read(readFileSync((await (await tp.choose('keep'))!.path())!), {
      type: 'buffer',
      cellNF: true,
    });
    const a = file.Sheets['Phụ lục'];
    assert.deepEqual([a.I13.v, a.I13.z], [1234.5678, '#,##0.##']);
    assert.deepEqual([a.I14.v, a.I14.z], [1234.567, '#,##0.###']);
    await wb.page.close();
  });

  it('prints a section’s stated figure as the grid shows it and the file keeps it, the computed one marked', async () => {
    const wb = await suite.sample();
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
