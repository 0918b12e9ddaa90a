/**
 * Issue 18 in Chromium: create a consolidation, drop three departments' files, resolve the shared
 * project, edit a proposed amount and undo it, reload, export (recalculated by LibreOffice).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { toCsv } from '../support/libreoffice';
import { e2eSuite } from './harness';
import { ConsolidationPageModel } from './pages/ConsolidationPage';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});
const file = (name: string) => ({ name, bytes: readFileSync(`fixtures/consolidate/${name}`) });

describe('a consolidation workbook', () => {
  it('receives three files, settles a duplicate, edits and undoes a proposal, reloads, exports', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    page.on('pageerror', (e) => console.error('pageerror:', e.message));
    await page.goto(suite.url());
    await page.waitForSelector('[data-testid=workbook-list] tbody tr');
    const c = new ConsolidationPageModel(page);
    await c.create({
      title: 'Tổng hợp đề xuất CNTT 2026–2028',
      firstYear: 2026,
      years: 3,
      units: ['Sở Thông tin và Truyền thông', 'Sở Y tế', 'UBND huyện Gio Linh', 'Sở Nội vụ'],
    });
    assert.equal(
      await page.locator('[data-testid=c-heading]').innerText(),
      'Tổng hợp đề xuất CNTT 2026–2028',
    );

    // three files dropped at once; each one's unit is read from its title block
    await c.drop([file('so-tttt.xlsx'), file('so-y-te.xlsx'), file('ubnd-gio-linh.xls')]);
    const units = await page
      .locator('[data-testid=c-pending-unit]')
      .evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
    assert.deepEqual(units, ['Sở Thông tin và Truyền thông', 'Sở Y tế', 'UBND huyện Gio Linh']);
    await page.click('[data-testid=c-receive]');
    await page.waitForSelector('[data-testid=c-board] tr[data-unit="Sở Y tế"][data-state=in]');

    // the status board: who submitted, totals, errors, who is missing
    assert.equal(
      await c.textIs(
        c.boardRow('Sở Thông tin và Truyền thông').locator('[data-testid=c-board-requested]'),
        '34.600',
      ),
      '34.600',
    );
    assert.equal(
      await c.boardRow('UBND huyện Gio Linh').locator('[data-testid=c-board-errors]').innerText(),
      '1',
    );
    assert.match(await page.locator('[data-testid=c-missing]').innerText(), /Sở Nội vụ/);
    // a click opens the submission as it came, with its own finding
    await c.boardRow('UBND huyện Gio Linh').click();
    await page.waitForSelector('[data-testid=c-submission] [data-testid=c-as-it-came] .ag-row');
    assert.match(await page.locator('[data-testid=c-findings]').innerText(), /1\.700/);
    assert.match(await page.locator('[data-testid=c-provenance]').innerText(), /[0-9a-f]{64}/);
    await page.click('[data-testid=c-submission-close]');

    // the shared data centre: keep Sở TT&TT's
    await c.tab('duplicates');
    assert.match(await page.locator('[data-testid=c-tab-duplicates]').innerText(), /\(1\)/);
    await page
      .locator('[data-testid=c-duplicates] button', {
        hasText: 'Chỉ giữ của Sở Thông tin và Truyền thông',
      })
      .click();
    await page.waitForSelector('[data-testid=c-resolution]');
    assert.match(await page.locator('[data-testid=c-tab-duplicates]').innerText(), /\(0\)/);

    // the consolidated table: requested 60.900 less the dropped 14.000
    await c.tab('appendix');
    await page.waitForSelector('[data-testid=c-grid] .ag-row');
    assert.equal(await c.textIs(c.total('tot:r'), '46.900'), '46.900');
    assert.equal(await c.textIs(c.total('tot:p'), '46.900'), '46.900');
    const key = await c.rowKey('Nâng cấp Cổng thông tin điện tử tỉnh');
    const cell = c.cell(key, 'y2026_dtpt:p');
    await cell.dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('600');
    await page.keyboard.press('Enter');
    assert.equal(await c.textIs(c.total('tot:p'), '46.300'), '46.300');
    assert.equal(await c.textIs(c.cell(key, 'y2026_dtpt:d'), '-600'), '-600');
    assert.equal(await c.textIs(c.cell(key, 'y2026_dtpt:r'), '1.200'), '1.200');
    // the requested figure cannot be edited
    await c.cell(key, 'y2026_dtpt:r').dblclick();
    assert.equal(await page.locator('[data-testid=c-grid] .ag-cell-inline-editing').count(), 0);
    await page.keyboard.press('Escape');
    await page.click('[data-testid=c-undo]');
    assert.equal(await c.textIs(c.total('tot:p'), '46.900'), '46.900');
    await page.keyboard.press('Control+y');
    assert.equal(await c.textIs(c.total('tot:p'), '46.300'), '46.300');
    await page.keyboard.press('Control+z');
    assert.equal(await c.textIs(c.total('tot:p'), '46.900'), '46.900');
    await c.saved();

    // a reload finds everything as it was left
    await page.reload();
    await page.waitForSelector('[data-testid=consolidation]');
    assert.match(await page.locator('[data-testid=c-tab-duplicates]').innerText(), /\(0\)/);
    await c.tab('appendix');
    assert.equal(await c.textIs(c.total('tot:p'), '46.900'), '46.900');
    assert.equal(await c.textIs(c.total('tot:r'), '46.900'), '46.900');

    // shown in tỷ đồng (stored in triệu đồng): a proposal typed as 0,6 tỷ is 600 triệu
    await page.selectOption('[data-testid=c-grid-area] [data-testid=display-unit]', 'tỷ đồng');
    assert.equal(await c.textIs(c.total('tot:p'), '46,9'), '46,9');
    await c.cell(key, 'y2026_dtpt:p').dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0,6');
    await page.keyboard.press('Enter');
    assert.equal(await c.textIs(c.total('tot:p'), '46,3'), '46,3');
    assert.equal(await c.textIs(c.cell(key, 'y2026_dtpt:d'), '-0,6'), '-0,6');
    await page.click('[data-testid=c-undo]');
    assert.equal(await c.textIs(c.total('tot:p'), '46,9'), '46,9');
    await page.click('[data-testid=c-undo]');
    assert.equal(await c.textIs(c.total('tot:p'), '46.900'), '46.900');

    // the export: live formulas LibreOffice recalculates, and the submissions with provenance
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=c-export]'),
    ]);
    const out = join(mkdtempSync(join(tmpdir(), 'planbook-e2e-th-')), 'tong-hop.xlsx');
    await dl.saveAs(out);
    const sheets = toCsv(out, true);
    const grand = sheets.get('Tổng hợp')!.find((r) => r[1] === 'TỔNG CỘNG')!;
    assert.deepEqual(grand.slice(22, 25).map(Number), [46900, 46900, 0]);
    const list = sheets.get('Hồ sơ tiếp nhận')!;
    assert.deepEqual(
      list.slice(3).map((r) => [r[1], r[2], r[8]]),
      [
        ['Sở Thông tin và Truyền thông', 'so-tttt.xlsx', 'Đang dùng'],
        ['Sở Y tế', 'so-y-te.xlsx', 'Đang dùng'],
        ['UBND huyện Gio Linh', 'ubnd-gio-linh.xls', 'Đang dùng'],
        ['Sở Nội vụ', '', 'Chưa nộp'],
      ],
    );
    await page.close();
  });
});
