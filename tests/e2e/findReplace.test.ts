/**
 * Find and replace (Ctrl+H) in Chromium on the sample plan: a lead unit renamed across the plan
 * with "Thay tất cả" (every cell, totals unchanged, one Ctrl+Z restores them all), a section's sum
 * skipped and said, and "Thay thế" one cell at a time; on a plain sheet kept beside an appendix, a
 * label and a figure replaced, its formula following and itself skipped.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite } from './harness';
import { appendixWithNotes } from './pages/books';
import { FindFilterBar } from './pages/FindFilterBar';
import { PlainSheetModel } from './pages/PlainSheet';
import { StartPageModel } from './pages/StartPage';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();

/** The sample plan opened in a fresh profile (a loaded machine: a minute to load at most). */
async function openSample(): Promise<WorkbookPageModel> {
  const page = await suite.page();
  page.setDefaultTimeout(60_000);
  const start = new StartPageModel(page);
  await start.goto(suite.url());
  await start.open('Quảng Trị');
  return new WorkbookPageModel(page);
}
const OLD = 'Sở TT và TT';
const NEW = 'Sở Khoa học và Công nghệ';
/** The sample's projects led by Sở TT và TT (plan row indexes). */
const LED = [1, 4, 5, 6, 15, 16, 17, 18];

describe('find and replace', () => {
  it('renames a lead unit with Ctrl+H → Thay tất cả; one Ctrl+Z restores every cell', async () => {
    const wb = await openSample();
    const page = wb.page;
    await page.setViewportSize({ width: 1440, height: 1000 });
    const ff = new FindFilterBar(page);
    const grand = await wb.computed('grand', 'total');
    const y2011 = await wb.computed('grand', 'y2011_dtpt');
    await ff.findReplace(OLD, NEW);
    // nothing said before a replacement (counted, not read: reading a missing element waits a minute)
    assert.equal(await ff.said().count(), 0);
    assert.match(await page.locator('[data-testid=replace-scope]').innerText(), /cả sổ/);
    assert.equal(await ff.replaceAll(), `Đã thay ${LED.length} ô.`);
    for (const i of LED) assert.equal(await wb.textIs(wb.cell(i, 'lead'), NEW), NEW, `row ${i}`);
    assert.equal(await wb.textIs(wb.cell(2, 'lead'), 'VP UBND tỉnh'), 'VP UBND tỉnh');
    assert.equal(await wb.computedIs('grand', 'total', grand), grand);
    assert.equal(await wb.computedIs('grand', 'y2011_dtpt', y2011), y2011);
    // one undo step: Esc gives the keys back to the grid, Ctrl+Z restores all eight cells
    await page.locator('[data-testid=find-input]').press('Escape');
    await page.keyboard.press('Control+z');
    for (const i of LED) assert.equal(await wb.textIs(wb.cell(i, 'lead'), OLD), OLD, `row ${i}`);
    await page.close();
  });

  it('skips a section’s sum and says so; Thay thế replaces the current cell, then the next', async () => {
    const wb = await openSample();
    const page = wb.page;
    await page.setViewportSize({ width: 1440, height: 1000 });
    const ff = new FindFilterBar(page);
    // 36.300: the total investment section 1 states (a section's figure, never typed)
    await wb.showColumn('stated');
    await ff.findReplace('36.300', '40.000');
    const said = 'Đã thay 0 ô; bỏ qua 1 ô không sửa được (ô tổng).';
    assert.equal(await ff.replaceAll(), said);
    assert.equal(await wb.messageMatching(/bỏ qua 1 ô/), said);
    // the section still states 36.300 (beside the 41.300 its rows add up to)
    assert.match(await wb.textMatches(wb.cell(0, 'stated'), /36\.300$/), /36\.300$/);
    // Thay thế: the first press goes to the first cell found, the next one replaces it
    await ff.findReplace('Sở Nội vụ', 'Sở Nội vụ (mới)');
    await ff.replaceOne();
    assert.match(await wb.textMatches(ff.count(), /^1\/1$/), /^1\/1$/);
    await ff.replaceOne();
    assert.equal(await wb.textIs(ff.said(), 'Đã thay 1 ô.'), 'Đã thay 1 ô.');
    const cell = wb.cell(14, 'lead');
    assert.equal(await wb.textIs(cell, 'Sở Nội vụ (mới)'), 'Sở Nội vụ (mới)');
    await page.close();
  });

  it('replaces on a plain sheet: a label and a figure, its SUM follows, the formula cell skipped', async () => {
    const page = await suite.page();
    page.setDefaultTimeout(60_000);
    await page.setViewportSize({ width: 1440, height: 1000 });
    const start = new StartPageModel(page);
    await start.goto(suite.url());
    await start.drop('doi-chieu.xlsx', appendixWithNotes());
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    const wb = new WorkbookPageModel(page);
    const sheet = new PlainSheetModel(page);
    await sheet.tab('Đối chiếu');
    await page.waitForSelector('[data-testid=plain-grid] .ag-row');
    const ff = new FindFilterBar(page);
    // a label: NSĐP spelled out (the whole cell)
    await ff.findReplace('NSĐP', 'Ngân sách địa phương');
    assert.match(await ff.replaceAll(), /^Đã thay 1 ô/);
    assert.equal(await wb.textIs(sheet.cell(2, 0), 'Ngân sách địa phương'), 'Ngân sách địa phương');
    // a figure read by the one input parser, the sheet's SUM following; the SUM itself (350 shown)
    // is a formula: searched for 375 it is skipped and said (375 is nowhere in the appendix)
    await ff.findReplace('250', '275');
    assert.match(await ff.replaceAll(), /^Đã thay 1 ô/);
    assert.equal(await wb.textIs(sheet.cell(2, 1), '275'), '275');
    assert.equal(await wb.textIs(sheet.cell(3, 1), '375'), '375');
    await ff.findReplace('375', '1.000');
    assert.equal(await ff.replaceAll(), 'Đã thay 0 ô; bỏ qua 1 ô không sửa được (ô công thức).');
    assert.equal(await wb.textIs(sheet.cell(3, 1), '375'), '375');
    // one Ctrl+Z per replacement: the figure and its SUM back
    await page.locator('[data-testid=find-input]').press('Escape');
    await page.keyboard.press('Control+z');
    assert.equal(await wb.textIs(sheet.cell(2, 1), '250'), '250');
    assert.equal(await wb.textIs(sheet.cell(3, 1), '350'), '350');
    await page.close();
  });
});
