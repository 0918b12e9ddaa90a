/**
 * Percent cells in Chromium: Plan_2014.xls (the Ministry's M01, the deficit as a share of GDP in a
 * `0.0%` cell holding 0.053) dropped, previewed and confirmed shows `5,3%` in the grid (before:
 * `0,053`); the editor opens with `5,3%`; typing 5,5 stores 5,5%. An ordinary cell takes `5%` as
 * a percent cell, Ctrl+D carries the mark (and a plain source clears it), undo puts it back; the
 * status line counts the share apart from the money; a copy pasted inside Planbook keeps its mark.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { e2eSuite } from './harness';
import { StartPageModel } from './pages/StartPage';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
const COL = 'y2014_total';

/** Plan_2014.xls dropped and confirmed: its first sheet, M01, open. */
async function openPlan2014(): Promise<WorkbookPageModel> {
  const context = await suite.profile();
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  const start = new StartPageModel(page);
  await start.goto(suite.url());
  await start.drop('Plan_2014.xls', readFileSync('fixtures/mof/Plan_2014.xls'));
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=plan-grid] .ag-row');
  return new WorkbookPageModel(page);
}

describe('percent cells', () => {
  it('Plan_2014 M01: the deficit share shows 5,3% and takes 5,5 as 5,5%', async () => {
    const wb = await openPlan2014();
    const page = wb.page;
    const row = page
      .locator('[data-testid=plan-grid] .ag-row:not([row-id^="pin:"])', {
        hasText: 'Tỷ lệ bội chi ngân sách so GDP',
      })
      .first();
    await row.waitFor();
    const index = Number(await row.getAttribute('row-index'));
    assert.equal(await wb.textIs(wb.cell(index, COL), '5,3%'), '5,3%');
    await wb.focus(index, COL);
    await page.keyboard.press('F2');
    const input = page.locator('input.pb-editor');
    await input.waitFor({ timeout: 5000 });
    assert.equal(await input.inputValue(), '5,3%');
    await page.keyboard.press('Escape');
    await wb.type(index, COL, '5,5');
    assert.equal(await wb.textIs(wb.cell(index, COL), '5,5%'), '5,5%');
    await page.close();
  });

  it('M01: 5% typed in an ordinary cell, Ctrl+D carries the mark, undo; the sum leaves the share out', async () => {
    const wb = await openPlan2014();
    // rows 8–10: Chi phát triển sự nghiệp (704.400), Chi bổ sung quỹ dự trữ (100), Dự phòng
    // (19.200); 11 the deficit (224.000), 12 its share of GDP (5,3%)
    await wb.cell(12, COL).waitFor();
    await wb.selectCells(10, 12, COL);
    // before: `Số ô có số: 3 · Tổng: 243.200,05`
    const stats = await wb.statsMatching(/Ô tỷ lệ %: 1/);
    assert.match(stats, /Số ô có số: 2 · Tổng: 243\.200 /);
    assert.match(stats, /Ô tỷ lệ %: 1 \(không cộng vào tổng\)/);
    // before: `0,05`
    await wb.type(9, COL, '5%');
    assert.equal(await wb.textIs(wb.cell(9, COL), '5%'), '5%');
    await wb.selectCells(9, 10, COL);
    await wb.page.keyboard.press('Control+d');
    // before: `0,05`
    assert.equal(await wb.textIs(wb.cell(10, COL), '5%'), '5%');
    await wb.page.keyboard.press('Control+z');
    assert.equal(await wb.textIs(wb.cell(10, COL), '19.200'), '19.200');
    // from a plain cell: the figure without the mark
    await wb.selectCells(8, 9, COL);
    await wb.page.keyboard.press('Control+d');
    assert.equal(await wb.textIs(wb.cell(9, COL), '704.400'), '704.400');
    await wb.page.keyboard.press('Control+z');
    assert.equal(await wb.textIs(wb.cell(9, COL), '5%'), '5%');
    // the share copied and pasted inside Planbook keeps its mark (before: `0,053`)
    await wb.focus(12, COL);
    await wb.page.keyboard.press('Control+c');
    await wb.focus(7, COL);
    await wb.page.keyboard.press('Control+v');
    assert.equal(await wb.textIs(wb.cell(7, COL), '5,3%'), '5,3%');
    await wb.page.close();
  });
});
