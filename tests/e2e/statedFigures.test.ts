/**
 * The revision walk (seed 004): an approved plan imported from a department's Excel states a
 * section's figure its projects do not add up to (kept stated at import, found); the officer
 * changes a project's amount, and one click in the checks pane lets the stated figure go: the
 * section follows its projects from then on (undoable, stored). Figures that add up at import
 * follow their rows at once (liveTotals.test.ts).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import * as XLSX from '@e965/xlsx';
import { e2eSuite } from './harness';
import { ChecksPaneModel } from './pages/ChecksPane';
import { StartPageModel } from './pages/StartPage';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

/**
 * A department's appendix: one section stating 6.500 over three projects adding up to 6.400 (its
 * SN figure agrees), and the total row restating the section (triệu đồng).
 */
function appendix(): Buffer {
  const aoa = [
    ['DANH MỤC DỰ ÁN ỨNG DỤNG CNTT NĂM 2013'],
    ['ĐVT: Triệu đồng'],
    ['TT', 'Tên dự án', 'Đơn vị thực hiện', 'Năm 2013', ''],
    ['', '', '', 'Vốn ĐTPT', 'Vốn SN'],
    ['1', 'Xây dựng cơ sở hạ tầng thông tin', '', 6500, 600],
    ['-', 'Đầu tư mới, nâng cấp trang thiết bị CNTT (29 ĐV)', 'Sở TT và TT', 4000, 600],
    ['-', 'Hệ thống giao ban trực tuyến cho 05 đơn vị cấp huyện', 'VP UBND tỉnh', 2000, null],
    ['-', 'Nâng cấp hạ tầng CNTT cho Trung tâm tích hợp dữ liệu tỉnh', 'VP UBND tỉnh', 400, null],
    ['', 'Tổng cộng', '', 6500, 600],
  ];
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!merges'] = [{ s: { r: 2, c: 3 }, e: { r: 2, c: 4 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Phụ lục');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('a section’s stated figure after a revision', () => {
  it('takes the computed figure from the checks pane, undoably', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    page.on('pageerror', (e) => console.error('pageerror:', e.message));
    const start = new StartPageModel(page);
    await start.goto(suite.url());
    await start.drop('phu-luc-2013.xlsx', appendix());
    await page.waitForSelector('[data-testid=import-summary][data-totals=ready]');
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    const wb = new WorkbookPageModel(page);
    const checks = new ChecksPaneModel(page);
    const section = await checks.rowId(0);
    const col = 'y2013_dtpt';
    // stated, and marked: its projects add up to 6.400
    assert.match(await wb.textMatches(wb.cell(0, col), /≠ 6\.400/), /6\.500/);

    // the revision: the video conferencing system gets 1.500 instead of 2.000
    await wb.type(2, col, '1.500');
    const finding = checks.finding(section, col);
    // the finding stood before the edit (6.400): wait for it to follow the edit, not just exist
    assert.match(
      await wb.textMatches(finding, /Tính được 5\.900/),
      /Số ghi 6\.500 · Tính được 5\.900/,
    );
    assert.match(await wb.textMatches(wb.cell(0, col), /≠ 5\.900/), /≠ 5\.900/);

    // clearing the section's figure, or typing over it, says why nothing is written (the keys
    // vanished without a word); each message names its cell
    await wb.focus(0, col);
    await page.keyboard.press('Delete');
    const cleared = await wb.messageMatching(/Không nhận/);
    assert.match(cleared, /Không nhận giá trị ở ô .*: số của mục là tổng các dự án bên dưới/);
    await wb.focus(0, 'y2013_sn');
    await page.keyboard.type('6');
    const typed = page.locator('[data-testid=message]', { hasText: /Không nhận/ });
    await page.waitForFunction((old) => {
      const m = document.querySelector('[data-testid=message]')?.textContent ?? '';
      return m.includes('Không nhận') && m !== old;
    }, cleared);
    // …and points to the way out when the stated figure is out of date
    assert.match(await typed.innerText(), /số của mục là tổng.*«Lấy số tính được» ở bảng Kiểm tra/);
    await page.keyboard.press('Escape');
    assert.match(await wb.text(wb.cell(0, col)), /6\.500/);

    const saved = await wb.commits();
    await checks.acceptComputed(section, col);
    assert.equal(await wb.textIs(wb.cell(0, col), '5.900'), '5.900');
    await wb.waitSaved(saved);
    // the section follows its projects from then on
    await wb.type(3, col, '600');
    assert.equal(await wb.textIs(wb.cell(0, col), '6.100'), '6.100');
    assert.equal(await checks.finding(section, col).count(), 0);
    await wb.action('undo');
    assert.equal(await wb.textIs(wb.cell(0, col), '5.900'), '5.900');

    // one undo step brings the stated figure (and its finding) back; redo takes it again
    await wb.action('undo');
    assert.match(await wb.textMatches(wb.cell(0, col), /≠ 5\.900/), /6\.500/);
    await finding.waitFor();
    await wb.action('redo');
    assert.equal(await wb.textIs(wb.cell(0, col), '5.900'), '5.900');
    await finding.waitFor({ state: 'detached' });

    // stored: a reload finds the section adding up its projects
    const after = await wb.commits();
    await wb.waitSaved(after - 1);
    await page.reload();
    await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    assert.equal(await wb.textIs(wb.cell(0, col), '5.900'), '5.900');
    assert.equal(await checks.finding(section, col).count(), 0);
    await page.close();
  });
});
