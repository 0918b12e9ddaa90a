/**
 * A new officer's copy and paste with the form's columns (h162): a row copied from Excel or
 * LibreOffice with the printed form's columns (STT, name, units, the ten amounts, Tổng mức đầu
 * tư, Ghi chú) lands column for column, past Planbook's hidden row total; a row copied out of
 * Planbook carries the columns the grid shows, no hidden one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite } from './harness';
import { ClipboardPageModel } from './pages/ClipboardPage';
import { StartPageModel } from './pages/StartPage';

const suite = e2eSuite();

async function open(): Promise<ClipboardPageModel> {
  const page = await (await suite.profile()).newPage();
  page.setDefaultTimeout(15000);
  const start = new StartPageModel(page);
  await start.goto(suite.url());
  await start.open('Quảng Trị');
  return new ClipboardPageModel(page);
}

const AMOUNTS = ['1.000', '', '2.000', '', '', '', '', '', '', ''];

describe('copy and paste with the form’s columns', () => {
  it('pastes a form-shaped row from a spreadsheet: Tổng mức đầu tư and Ghi chú land', async () => {
    const wb = await open();
    await wb.focus(2, 'tt');
    const line = ['-', 'Dự án thử', 'Sở TT và TT', 'Các đơn vị liên quan', ...AMOUNTS, '3.000'];
    await wb.paste([...line, 'ghi chú thử'].join('\t') + '\n');
    assert.equal(await wb.computedIs(2, 'stated', '3.000'), '3.000');
    assert.equal(await wb.computed(2, 'notes'), 'ghi chú thử');
    assert.equal(await wb.computed(2, 'y2012_dtpt'), '2.000');
    assert.equal(await wb.computed(2, 'name'), 'Dự án thử');
    await wb.page.close();
  });

  it('copies a whole row without the hidden row total', async () => {
    const wb = await open();
    await wb.selectCells(1, 1, 'tt');
    await wb.cell(1, 'notes').click({ modifiers: ['Shift'] });
    await wb.page.keyboard.press('Control+c');
    const fields = (await wb.clipboardText()).replace(/\r?\n$/, '').split('\t');
    // STT, name, two units, ten amounts, Tổng mức đầu tư, Ghi chú: the grid's 16 columns
    assert.equal(fields.length, 16);
    assert.equal(fields[14], '15800');
    await wb.page.close();
  });
});
