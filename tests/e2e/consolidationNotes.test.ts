/**
 * A department's notes column (Ghi chú) in Chromium: the file dropped, received, its notes shown
 * beside its projects in the consolidated table (they were dropped when the file was taken in).
 */
import assert from 'node:assert/strict';
import * as XLSX from '@e965/xlsx';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { e2eSuite } from './harness';
import { ConsolidationPageModel } from './pages/ConsolidationPage';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

/** Sở Y tế's submission as an officer types it: a title block, years × sources, a notes column. */
function submission(): Buffer {
  const ws = XLSX.utils.aoa_to_sheet([
    ['SỞ Y TẾ'],
    ['DANH MỤC DỰ ÁN CNTT ĐỀ XUẤT NĂM 2026'],
    ['ĐVT: triệu đồng'],
    [],
    ['TT', 'Tên dự án', 'Đơn vị thực hiện', 'Năm 2026', null, 'Ghi chú'],
    [null, null, null, 'Vốn ĐTPT', 'Vốn SN', null],
    ['1', 'Bệnh án điện tử', 'Sở Y tế', 3000, 250, 'Chuyển tiếp'],
    ['2', 'Phần mềm quản lý khám chữa bệnh', 'Sở Y tế', 500, null, null],
  ]);
  ws['!merges'] = [
    { s: { r: 4, c: 3 }, e: { r: 4, c: 4 } },
    ...[0, 1, 2, 5].map((c) => ({ s: { r: 4, c }, e: { r: 5, c } })),
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Phụ lục');
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

describe("a department's notes in the consolidated table", () => {
  it('shows the Ghi chú the unit wrote beside its project', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(suite.url());
    await page.waitForSelector('[data-testid=workbook-list] tbody tr');
    const c = new ConsolidationPageModel(page);
    await c.create({ title: 'Tổng hợp 2026', firstYear: 2026, years: 1, units: ['Sở Y tế'] });
    await c.drop([{ name: 'so-y-te.xlsx', bytes: submission() }]);
    await page.click('[data-testid=c-receive]');
    await page.waitForSelector('[data-testid=c-board] tr[data-unit="Sở Y tế"][data-state=in]');
    await c.tab('appendix');
    await page.waitForSelector('[data-testid=c-grid] .ag-row');
    const ehr = await c.rowKey('Bệnh án điện tử');
    const other = await c.rowKey('Phần mềm quản lý khám chữa bệnh');
    // the grid's notes column, at its right end
    await page.evaluate(
      "document.querySelectorAll('[data-testid=c-grid-area] .ag-body-horizontal-scroll-viewport, [data-testid=c-grid-area] .ag-center-cols-viewport').forEach((el) => { el.scrollLeft = 1e6; el.dispatchEvent(new Event('scroll')); })",
    );
    assert.equal(await c.textIs(c.cell(ehr, 'note'), 'Chuyển tiếp'), 'Chuyển tiếp');
    assert.equal(await c.textIs(c.cell(other, 'note'), ''), '');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
