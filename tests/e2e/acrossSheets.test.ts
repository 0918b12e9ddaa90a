/**
 * Issue 14 in Chromium: every editing feature on every kind of sheet. Find (Ctrl+F) goes from an
 * appendix's cell to a plain sheet's and back; the fill handle dragged on a plain sheet fills it.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as XLSX from '@e965/xlsx';
import type { BrowserContext, Page } from 'playwright-core';
import { e2eSuite } from './harness';
import { appendixWithNotes } from './pages/books';
import { FindFilterBar } from './pages/FindFilterBar';
import { PlainSheetModel } from './pages/PlainSheet';
import { StartPageModel } from './pages/StartPage';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

/** The Phú Thọ appendix and a plain sheet "Đối chiếu" beside it, imported; the appendix shown. */
async function openBoth(): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const start = new StartPageModel(page);
  await start.goto(suite.url());
  const notes = XLSX.utils.aoa_to_sheet([
    ['Nguồn', 'Số tiền', 'Ghi chú'],
    ['NSTW', 100, 'Một cửa điện tử (đối chiếu)'],
    ['NSĐP', 4250],
    ['Cộng', 4350],
    ['Dự phòng', 40],
  ]);
  notes.B4 = { t: 'n', v: 4350, f: 'SUM(B2:B3)' };
  await start.drop('phu-tho-doi-chieu.xlsx', appendixWithNotes(notes));
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=plan-grid] .ag-row');
  return page;
}

/** The test id of the focused element (the find field keeps the typing between jumps). */
const focused = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? '');

describe('one grid, every sheet', () => {
  it('finds in the appendix and in a plain sheet, and Enter goes from one to the other and back', async () => {
    const page = await openBoth();
    const wb = new WorkbookPageModel(page);
    const ff = new FindFilterBar(page);
    const nameBox = page.locator('[data-testid=name-box]');
    await ff.find('mot cua dien tu');
    assert.equal(await wb.textIs(ff.count(), '0/2'), '0/2');
    await ff.next();
    assert.equal(await wb.textIs(ff.count(), '1/2'), '1/2');
    assert.match(await wb.textIs(nameBox, '__'), /^B\d+$/);
    const appendixCell = await wb.text(nameBox);
    // the next hit is on the plain sheet: its grid is shown with the cell focused, the bar still open
    await ff.next();
    await page.waitForSelector('[data-testid=plain-grid] .ag-row');
    assert.equal(await wb.textIs(ff.count(), '2/2'), '2/2');
    assert.equal(await wb.textIs(nameBox, 'C2'), 'C2');
    assert.equal(await focused(page), 'find-input');
    assert.equal(await page.locator('[data-testid=find-input]').inputValue(), 'mot cua dien tu');
    // and back: Enter wraps to the appendix's hit, Shift+Enter to the plain sheet's again
    await ff.next();
    await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    assert.equal(await wb.textIs(ff.count(), '1/2'), '1/2');
    assert.equal(await wb.textIs(nameBox, appendixCell), appendixCell);
    assert.equal(await focused(page), 'find-input');
    await ff.prev();
    await page.waitForSelector('[data-testid=plain-grid] .ag-row');
    assert.equal(await wb.textIs(nameBox, 'C2'), 'C2');
    // a figure of the plain sheet is found from there in either style, a formula by its value
    await page.fill('[data-testid=find-input]', '4.350');
    await ff.next();
    assert.equal(await wb.textIs(ff.count(), '1/1'), '1/1');
    assert.equal(await wb.textIs(nameBox, 'B4'), 'B4');
    await page.press('[data-testid=find-input]', 'Escape');
    assert.equal(await ff.bar().count(), 0);
    await page.close();
  });

  it('fills a plain sheet by dragging the fill handle, and one Ctrl+Z takes the fill back', async () => {
    const page = await openBoth();
    const wb = new WorkbookPageModel(page);
    const sheet = new PlainSheetModel(page);
    await sheet.tab('Đối chiếu');
    await page.waitForSelector('[data-testid=plain-grid] .ag-row');
    await sheet.type(1, 3, '=B2*2');
    assert.equal(await wb.textIs(sheet.cell(1, 3), '200'), '200');
    // D2's handle dragged down to D4: the formula's reference follows each row
    await sheet.cell(1, 3).click();
    await sheet.dragFill(3, 3);
    assert.equal(await wb.textIs(sheet.cell(2, 3), '8.500'), '8.500');
    assert.equal(await wb.textIs(sheet.cell(3, 3), '8.700'), '8.700');
    await sheet.cell(3, 3).click();
    assert.equal(await wb.formulaIs('=B4*2'), '=B4*2');
    // a block of a text and a figure (A5:B5) dragged down two rows is copied there
    await sheet.select(4, 0, 4, 1);
    await sheet.dragFill(6, 1);
    assert.equal(await wb.textIs(sheet.cell(5, 0), 'Dự phòng'), 'Dự phòng');
    assert.equal(await wb.textIs(sheet.cell(6, 0), 'Dự phòng'), 'Dự phòng');
    assert.equal(await wb.textIs(sheet.cell(6, 1), '40'), '40');
    // undo takes the last fill back whole, then the one before
    const commits = await wb.commits();
    await page.keyboard.press('Control+z');
    assert.equal(await wb.textIs(sheet.cell(5, 0), ''), '');
    assert.equal(await wb.textIs(sheet.cell(6, 1), ''), '');
    assert.equal(await wb.textIs(sheet.cell(2, 3), '8.500'), '8.500');
    await page.keyboard.press('Control+z');
    assert.equal(await wb.textIs(sheet.cell(2, 3), ''), '');
    assert.equal(await wb.textIs(sheet.cell(3, 3), ''), '');
    assert.equal(await wb.textIs(sheet.cell(1, 3), '200'), '200');
    // what is stored is the sheet before both fills
    await wb.waitSaved(commits);
    await page.reload();
    await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    await sheet.tab('Đối chiếu');
    await page.waitForSelector('[data-testid=plain-grid] .ag-row');
    assert.equal(await wb.textIs(sheet.cell(1, 3), '200'), '200');
    assert.equal(await wb.textIs(sheet.cell(2, 3), ''), '');
    assert.equal(await wb.textIs(sheet.cell(5, 0), ''), '');
    await page.close();
  });
});
