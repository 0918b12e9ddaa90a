/** Issue 7 in Chromium: save a version, edit, compare, export the adjustment table. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { toCsv } from '../support/libreoffice';
import { formatAmount } from '../../src/domain/numbers';
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
    // rows built as the grid shows them: the two changed projects, by status and name
    const changedNames = page.locator(
      '[data-testid=adjustment-grid] .ag-row.pb-adj-changed [col-id=name]',
    );
    assert.equal(await changedNames.count(), 2);
    assert.match(
      await changedNames.first().innerText(),
      /^Nâng cấp hạ tầng CNTT cho Trung tâm tích hợp dữ liệu tỉnh/,
    );

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

/** The scripted changes of the department's file (scripts/make-compare-pairs.py). */
interface Scripted {
  added: string[];
  removed: string[];
  renamed: [string, string, boolean][];
  moved: [string, string, string][];
  split: [string[], string[]][];
  merged: [string[], string[]][];
  changes: [string, number | null, string | null, string | null, unknown, unknown][];
}

describe('a department’s file written by another hand', () => {
  it('added as a version and compared: exactly the scripted changes; restored in one undo step', async () => {
    const cases = JSON.parse(readFileSync('fixtures/compare/cases.json', 'utf8')) as {
      name: string;
      expect: Scripted;
    }[];
    const want = cases.find((c) => c.name === 'all')!.expect;
    // a fresh profile: the sample plan as shipped (the seed's appendix the file was made from)
    const wb = await openSample(await suite.profile(), suite.url());
    const { page } = wb;
    const versions = new VersionsPageModel(page);
    await versions.open();
    await versions.addFile('fixtures/compare/all-b.xlsx');
    await versions.compare('Hiện tại (đang sửa)', 'all-b.xlsx');

    const sorted = (xs: string[]) => [...xs].sort();
    assert.deepEqual(sorted(await versions.list('compare-added')), sorted(want.added));
    assert.deepEqual(sorted(await versions.list('compare-removed')), sorted(want.removed));
    const renamedMoved = await versions.list('compare-renamed');
    for (const [a, b] of want.renamed)
      assert.ok(
        renamedMoved.some((x) => x.startsWith(`${a} → ${b} (đổi tên`)),
        `renamed: ${a} → ${b}`,
      );
    for (const [name, from, to] of want.moved)
      assert.ok(
        renamedMoved.some((x) => x.includes(name) && x.includes(`từ «${from}» sang «${to}»`)),
        `moved: ${name}`,
      );
    assert.equal(
      renamedMoved.length,
      new Set([...want.renamed.map((r) => r[1]), ...want.moved.map((m) => m[0])]).size,
    );
    const fmt = (v: unknown) => (typeof v === 'number' ? formatAmount(v, 'vi') : String(v));
    assert.deepEqual(
      sorted((await versions.changes()).map((r) => [r[0], r[2], r[3]].join(' | '))),
      sorted(want.changes.map((c) => [c[0], fmt(c[4]), fmt(c[5])].join(' | '))),
    );
    const groups = await versions.list('compare-groups');
    assert.deepEqual(
      sorted(groups),
      sorted(
        [
          ...want.split.map(([a, b]) => `Tách: ${a.join(' + ')} → ${b.join(' + ')}`),
          ...want.merged.map(([a, b]) => `Gộp: ${a.join(' + ')} → ${b.join(' + ')}`),
        ].map((x) => groups.find((g) => g.startsWith(x)) ?? x),
      ),
    );
    // the reworded project is to confirm, with why; the abbreviations are not
    const doubtful = await versions.list('compare-ambiguous');
    assert.deepEqual(
      doubtful.map((x) => x.split(' khớp với')[0]),
      want.renamed.filter((r) => r[2]).map((r) => r[0]),
    );
    assert.match(doubtful[0], /độ tin cậy \d+ %: tên gần giống/);
    assert.match(await versions.summary(), /1 dự án tách, 1 dự án gộp; 3 mục cần xác nhận/);
    // the user confirms the split: it is no longer asked
    await versions.answer('compare-groups', 'Tách:', 'Đúng');
    assert.match(await versions.summary(), /1 dự án tách, 1 dự án gộp; 2 mục cần xác nhận/);
    assert.deepEqual(
      (await versions.list('compare-groups')).map((x) => x.slice(0, 5)),
      ['Gộp: '],
    );

    // restored into the workbook, then undone: one step
    assert.match(await versions.restore('all-b.xlsx'), /Đã khôi phục «all-b\.xlsx» vào sổ/);
    await versions.back();
    assert.equal(await wb.computedIs('grand', 'total', '50.050'), '50.050');
    await wb.action('undo');
    assert.equal(await wb.computedIs('grand', 'total', '49.850'), '49.850');
    assert.equal(
      await wb.textIs(wb.cell(15, 'name'), 'Dự án GIS cơ sở (Giai đoạn 2)'),
      'Dự án GIS cơ sở (Giai đoạn 2)',
    );

    // compare mode against the file: a renamed project's name is marked like a changed cell
    await versions.open();
    await versions.highlight('all-b.xlsx');
    await page.waitForSelector('[data-testid=plan-grid] .ag-cell.pb-changed');
    assert.match((await wb.cell(15, 'name').getAttribute('class')) ?? '', /pb-changed/);
    await page.close();
  });
});
