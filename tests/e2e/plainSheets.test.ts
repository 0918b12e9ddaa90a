/** Issue 5 in Chromium: sheets that are not appendices come in as plain grid sheets. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import * as XLSX from '@e965/xlsx';
import type { BrowserContext } from 'playwright-core';
import { e2eSuite } from './harness';
import { PlainSheetModel } from './pages/PlainSheet';
import { StartPageModel } from './pages/StartPage';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

function book(sheets: [string, XLSX.WorkSheet][]): Buffer {
  const wb = XLSX.utils.book_new();
  for (const [n, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, n);
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

describe('plain grid sheets', () => {
  it('keeps a sheet that is not an appendix, with its formulas live and editable', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    const start = new StartPageModel(page);
    await start.goto(suite.url());
    const appendix = XLSX.read(readFileSync('fixtures/shapes/phu-tho-2018-2020.xlsx'));
    const notes = XLSX.utils.aoa_to_sheet([
      ['Nguồn', 'Số tiền'],
      ['NSTW', 100],
      ['NSĐP', 250],
      ['Cộng', 350],
    ]);
    notes.B4 = { t: 'n', v: 350, f: 'SUM(B2:B3)' };
    await start.drop(
      'phu-tho-kem-doi-chieu.xlsx',
      book([
        ['Phụ lục', appendix.Sheets[appendix.SheetNames[0]]],
        ['Đối chiếu', notes],
      ]),
    );
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
});
