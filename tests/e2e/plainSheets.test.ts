/** Issue 5 in Chromium: sheets that are not appendices come in as plain grid sheets. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as XLSX from '@e965/xlsx';
import type { BrowserContext } from 'playwright-core';
import { e2eSuite } from './harness';
import { appendixWithNotes, book } from './pages/books';
import { PlainSheetModel } from './pages/PlainSheet';
import { StartPageModel } from './pages/StartPage';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

describe('plain grid sheets', () => {
  it('keeps a sheet that is not an appendix, with its formulas live and editable', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    const start = new StartPageModel(page);
    await start.goto(suite.url());
    await start.drop('phu-tho-kem-doi-chieu.xlsx', appendixWithNotes());
    assert.match(
      await page.locator('.pb-import .pb-note').first().innerText(),
      /giữ nguyên dạng bảng\): Đối chiếu/,
    );
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    const sheet = new PlainSheetModel(page);
    const wb = new WorkbookPageModel(page);
    await sheet.tab('Đối chiếu');
    await page.waitForSelector('[data-testid=plain-grid] .ag-row');
    assert.equal(await wb.textIs(sheet.cell(3, 1), '350'), '350');
    await sheet.type(1, 1, '200');
    assert.equal(await wb.textIs(sheet.cell(3, 1), '450'), '450');
    await sheet.cell(3, 1).click();
    assert.equal(await wb.formulaIs('=SUM(B2:B3)'), '=SUM(B2:B3)');
    const commits = await wb.commits();
    await page.keyboard.press('Control+z');
    assert.equal(await wb.textIs(sheet.cell(3, 1), '350'), '350');
    await wb.waitSaved(commits);
    // the edit (then its undo) is stored: the reloaded page shows the same
    await page.reload();
    await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    await sheet.tab('Đối chiếu');
    assert.equal(await wb.textIs(sheet.cell(1, 1), '100'), '100');
    await page.close();
  });

  it('turns a sheet that did not read as an appendix into one when its header row is marked', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    const start = new StartPageModel(page);
    await start.goto(suite.url());
    await start.drop(
      'ke-hoach-von.xlsx',
      book([
        [
          'Kế hoạch vốn',
          XLSX.utils.aoa_to_sheet([
            ['Bảng kê kế hoạch vốn gửi Sở Kế hoạch và Đầu tư'],
            ['Lĩnh vực', '2020', '2021'],
            ['Hạ tầng mạng', 1200, 800],
            ['Dịch vụ công trực tuyến', 950.5, 400],
          ]),
        ],
      ]),
    );
    await page.waitForSelector('[data-testid=no-appendix]');
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=plain-grid] .ag-row');
    const sheet = new PlainSheetModel(page);
    const wb = new WorkbookPageModel(page);
    await sheet.convert(1, 1);
    assert.match(await wb.messageMatching(/Không đọc được dòng 1–1/), /cần một cột tên dự án/);
    await sheet.convert(2, 2);
    await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    assert.equal(await wb.computedIs('pin:0', 'total', '3.350,5'), '3.350,5');
    assert.equal(
      await wb.textIs(wb.cell(1, 'name'), 'Dịch vụ công trực tuyến'),
      'Dịch vụ công trực tuyến',
    );
    await page.close();
  });

  it('the one grid on a plain sheet: ranges, copy, paste (also past its columns, twice), fill, input methods, figures in the user style, undo, kept on reload', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    const start = new StartPageModel(page);
    await start.goto(suite.url());
    const notes = XLSX.utils.aoa_to_sheet([
      ['Nguồn', 'Số tiền'],
      ['NSTW', 100],
      ['NSĐP', 250],
      ['Cộng', 350],
    ]);
    notes.B4 = { t: 'n', v: 350, f: 'SUM(B2:B3)' };
    await start.drop('doi-chieu.xlsx', book([['Đối chiếu', notes]]));
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=plain-grid] .ag-row');
    const sheet = new PlainSheetModel(page);
    const wb = new WorkbookPageModel(page);
    // two imported columns, shown with room to the right: A–H
    assert.equal(await sheet.columnCount(), 8);
    // Shift+click selects A2:B3; Ctrl+C copies it as tab-separated text
    await sheet.select(1, 0, 2, 1);
    assert.equal(await sheet.selectedIs(4), 4);
    await page.keyboard.press('Control+c');
    assert.equal(await sheet.clipboardText(), 'NSTW\t100\nNSĐP\t250');
    // the HTML for spreadsheets: each figure with its value for Excel and LibreOffice
    const html = await sheet.clipboardHtml();
    assert.match(html, /<td x:num="100" sdval="100" sdnum="1033;0;General">100<\/td>/);
    assert.match(html, /<td>NSĐP<\/td>/);
    await sheet.cell(5, 0).click();
    await page.keyboard.press('Control+v');
    assert.equal(await wb.textIs(sheet.cell(6, 0), 'NSĐP'), 'NSĐP');
    assert.equal(await wb.textIs(sheet.cell(6, 1), '250'), '250');
    // a paste over the last column shown: the sheet grows (H2:I3, then columns up to L)
    await sheet.cell(1, 7).click();
    await page.keyboard.press('Control+v');
    assert.equal(await wb.textIs(sheet.cell(1, 8), '100'), '100');
    assert.equal(await sheet.columnCount(), 12);
    // and a second paste into the new columns writes too (K2:L3)
    await sheet.cell(1, 10).click();
    await page.keyboard.press('Control+v');
    assert.equal(await wb.textIs(sheet.cell(1, 10), 'NSTW'), 'NSTW');
    assert.equal(await wb.textIs(sheet.cell(2, 11), '250'), '250');
    assert.equal(await sheet.columnCount(), 15);
    // figures from another program in Vietnamese style
    await sheet.clipboard('61.600\n1,5\n');
    await sheet.cell(1, 2).click();
    await page.keyboard.press('Control+v');
    assert.equal(await wb.textIs(sheet.cell(1, 2), '61.600'), '61.600');
    assert.equal(await wb.textIs(sheet.cell(2, 2), '1,5'), '1,5');
    // the editor and the formula bar write the number in the user's style; a typed decimal reads so
    await sheet.cell(2, 2).click();
    assert.equal(await wb.formulaIs('1,5'), '1,5');
    await sheet.type(3, 2, '2,25');
    assert.equal(await wb.textIs(sheet.cell(3, 2), '2,25'), '2,25');
    await sheet.type(3, 3, '=C4*2');
    assert.equal(await wb.textIs(sheet.cell(3, 3), '4,5'), '4,5');
    // an input method's text on a selected cell opens its editor with it
    await sheet.cell(4, 3).click();
    await sheet.compose(['V', 'Vi', 'Vie', 'Viê', 'Việ', 'Việt'], 'Việt');
    await page.keyboard.press('Enter');
    assert.equal(await wb.textIs(sheet.cell(4, 3), 'Việt'), 'Việt');
    // Shift+arrows select B6:B8; Ctrl+D fills B6 down
    await sheet.cell(5, 1).click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    assert.equal(await sheet.selectedIs(3), 3);
    await page.keyboard.press('Control+d');
    assert.equal(await wb.textIs(sheet.cell(6, 1), '100'), '100');
    assert.equal(await wb.textIs(sheet.cell(7, 1), '100'), '100');
    // the formula row is filled right as Excel does: its reference moves (D4 = C4*2 → E4 = D4*2)
    await sheet.select(3, 3, 3, 4);
    await page.keyboard.press('Control+r');
    assert.equal(await wb.textIs(sheet.cell(3, 4), '9'), '9');
    // one Ctrl+Z takes the last fill back whole, another the one before
    const commits = await wb.commits();
    await page.keyboard.press('Control+z');
    assert.equal(await wb.textIs(sheet.cell(3, 4), ''), '');
    await page.keyboard.press('Control+z');
    assert.equal(await wb.textIs(sheet.cell(6, 1), '250'), '250');
    assert.equal(await wb.textIs(sheet.cell(7, 1), ''), '');
    await wb.waitSaved(commits);
    await page.reload();
    await page.waitForSelector('[data-testid=plain-grid] .ag-row');
    assert.equal(await wb.textIs(sheet.cell(5, 0), 'NSTW'), 'NSTW');
    assert.equal(await wb.textIs(sheet.cell(6, 1), '250'), '250');
    assert.equal(await wb.textIs(sheet.cell(7, 1), ''), '');
    assert.equal(await wb.textIs(sheet.cell(1, 8), '100'), '100');
    assert.equal(await wb.textIs(sheet.cell(2, 11), '250'), '250');
    assert.equal(await wb.textIs(sheet.cell(2, 2), '1,5'), '1,5');
    assert.equal(await wb.textIs(sheet.cell(3, 3), '4,5'), '4,5');
    assert.equal(await wb.textIs(sheet.cell(4, 3), 'Việt'), 'Việt');
    assert.equal(await sheet.columnCount(), 15);
    // Ctrl+F finds on the plain sheet (diacritics folded, figures in either style); Enter goes there
    await page.keyboard.press('Control+f');
    await page.fill('[data-testid=find-input]', 'viet');
    await page.press('[data-testid=find-input]', 'Enter');
    assert.equal(await wb.textIs(page.locator('[data-testid=find-count]'), '1/1'), '1/1');
    assert.equal(await wb.textIs(page.locator('[data-testid=name-box]'), 'D5'), 'D5');
    await page.fill('[data-testid=find-input]', '4.5');
    await page.press('[data-testid=find-input]', 'Enter');
    assert.equal(await wb.textIs(page.locator('[data-testid=name-box]'), 'D4'), 'D4');
    await page.close();
  });
});
