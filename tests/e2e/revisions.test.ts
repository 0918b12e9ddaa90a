/** Issue 7 in Chromium: save a version, edit, compare, export the adjustment table. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { toCsv } from '../support/libreoffice';
import { e2eSuite, openSample } from './harness';
import { VersionsPageModel } from './pages/VersionsPage';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

describe('revisions and their comparison', () => {
  it('saves a version, edits two amounts, compares, highlights, and exports the adjustment table', async () => {
    const wb = await openSample(context, suite.url());
    const { page } = wb;
    const versions = new VersionsPageModel(page);
    await versions.open();
    await versions.save('Dự thảo 1', 'trước khi các sở góp ý');
    await versions.back();
    const saved = await wb.commits();
    await wb.type(2, 'y2013_dtpt', '1.500');
    await wb.type(9, 'y2012_sn', '800');
    await wb.waitSaved(saved + 1);

    await versions.open();
    await versions.compareWithCurrent('Dự thảo 1');
    const changes = await versions.changes();
    assert.deepEqual(
      changes.map((r) => [r[1], r[2], r[3], r[4]]),
      [
        ['Nhu cầu vốn đầu tư các năm / 2013 / Vốn DTPT', '1.000', '1.500', 'giá trị'],
        ['Nhu cầu vốn đầu tư các năm / 2012 / Vốn SN', '1.000', '800', 'giá trị'],
      ],
    );
    assert.match(changes[0][0], /^Nâng cấp hạ tầng CNTT cho Trung tâm tích hợp dữ liệu tỉnh/);
    assert.match(
      await page.locator('[data-testid=compare-summary]').innerText(),
      /17 dự án khớp \(0 đổi tên, 0 chuyển mục\), 0 thêm mới, 0 bỏ ra, 2 ô thay đổi\. Tổng vốn: trước 49\.850, sau 50\.150 \(tăng 500, giảm 200\)/,
    );
    await page.waitForSelector('[data-testid=adjustment-grid] .ag-row');

    const download = page.waitForEvent('download');
    await page.click('[data-testid=export-adjustment]');
    const d = await download;
    const file = join(mkdtempSync(join(tmpdir(), 'planbook-e2e-adj-')), 'bieu-dieu-chinh.xlsx');
    copyFileSync(await d.path(), file);
    const rows = toCsv(file, true).get('Biểu điều chỉnh')!;
    const total = rows.find((r) => r[1] === 'TỔNG CỘNG')!;
    // the last four columns: assigned, increase, decrease, after over every year and source
    assert.deepEqual(
      total.slice(-4).map((x) => Number(x.replace(/,/g, ''))),
      [49850, 500, 200, 50150],
    );

    // compare mode: the two edited cells are coloured, with the previous value on hover
    await page
      .locator('[data-testid=version-list] li', { hasText: 'Dự thảo 1' })
      .locator('button', { hasText: 'Tô màu' })
      .click();
    await page.waitForSelector('[data-testid=compare-banner]');
    await page.waitForSelector('[data-testid=plan-grid] .ag-cell.pb-changed');
    assert.equal(await page.locator('[data-testid=plan-grid] .ag-cell.pb-changed').count(), 2);
    assert.match((await wb.cell(2, 'y2013_dtpt').getAttribute('class')) ?? '', /pb-changed/);
    await page.close();
  });

  it('adds a department’s file as a version and compares it with the current plan by name and unit', async () => {
    const wb = await openSample(context, suite.url());
    const { page } = wb;
    const versions = new VersionsPageModel(page);
    await versions.open();
    await page.setInputFiles('[data-testid=version-file]', 'fixtures/compare/quang-tri-b.planbook');
    await page.waitForSelector(
      '[data-testid=version-list] li[data-version="quang-tri-b.planbook"]',
    );
    assert.match(
      await page.locator('[data-testid=versions-message]').innerText(),
      /Đã thêm tệp «quang-tri-b\.planbook» làm phiên bản/,
    );
    await page.selectOption('[data-testid=compare-a]', { label: 'Hiện tại (đang sửa)' });
    await page.selectOption('[data-testid=compare-b]', { label: 'quang-tri-b.planbook' });
    await page.click('[data-testid=compare-run]');
    await page.waitForSelector('[data-testid=compare-view]');
    // the first test's two edits are the file's two amount changes; the file also has a formula where
    // the sample has the figure 150
    assert.match(
      await page.locator('[data-testid=compare-summary]').innerText(),
      /16 dự án khớp \(1 đổi tên, 1 chuyển mục\), 1 thêm mới, 1 bỏ ra, 1 ô thay đổi/,
    );
    assert.deepEqual(
      (await versions.changes()).map((r) => [r[2], r[3], r[4]]),
      [['150', '=J16*0.2', 'công thức']],
    );
    // the renamed project was matched by a similar name: it is listed for the user to confirm
    assert.match(
      await page.locator('[data-testid=compare-ambiguous]').innerText(),
      /Xây dựng quy chế vận hành mạng tin học điện rộng.*khớp với/s,
    );
    await page.close();
  });
});
