/** Issue 19 in Chromium: follow 2013 from the sample plan — import, pair, edit, undo, reload, export. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { toCsv } from '../support/libreoffice';
import { e2eSuite, openSample } from './harness';
import { ExecutionPageModel } from './pages/ExecutionPage';

const REPORT = resolve(
  import.meta.dirname,
  '../../fixtures/execution/quang-tri-giai-ngan-2013-06.xlsx',
);
const PORTAL = 'Nâng cấp Trang thông tin điện tử tỉnh';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

describe('following a year’s execution', () => {
  it('starts 2013 from the sample plan, imports a report, pairs a line, edits, undoes, reloads and exports', async () => {
    const { page } = await openSample(context, suite.url());
    const exec = new ExecutionPageModel(page);
    await exec.start(2013);
    assert.match(await exec.totalDisbursed(), /^0$/);

    const text = await exec.importReport(REPORT);
    assert.match(text, /số liệu đến 30\/06\/2013\): 9 dòng khớp với dự án, 2 dòng chưa ghép/);
    assert.equal(await exec.unmatched().count(), 2);
    assert.equal(await exec.totalDisbursed(), '6.530');

    // the portal, renamed in the report beyond recognition, is paired by the user
    await exec.pair('Cổng thông tin điện tử của tỉnh', PORTAL);
    assert.equal(await exec.unmatched().count(), 1);
    // the other marked not in the plan, undone (back in the list to pair), redone, undone
    const left = exec.unmatched();
    await left.locator('[data-testid=exec-dismiss]').click();
    await left.first().waitFor({ state: 'detached' });
    await page.click('[data-testid=exec-undo]');
    await left.first().waitFor();
    assert.equal(await left.count(), 1);
    await page.click('[data-testid=exec-redo]');
    await left.first().waitFor({ state: 'detached' });
    await page.click('[data-testid=exec-undo]');
    await left.first().waitFor();
    assert.equal(await left.innerText().then((t) => t.includes('Trang bị phòng họp')), true);
    assert.equal(await exec.totalDisbursed(), '6.830');
    const row = await exec.rowId(PORTAL, 'ĐTPT');
    assert.equal(await exec.cell(row, 'rate').innerText(), '60 %');

    // an edit of the year's plan: the rate follows at once; then undone
    let saved = await exec.commits();
    await exec.type(row, 'plan', '1.000');
    await page.waitForFunction(
      (id) =>
        document.querySelector(`[data-testid=exec-grid] .ag-row[row-id="${id}"] [col-id=rate]`)
          ?.textContent === '30 %',
      row,
    );
    await exec.waitSaved(saved);
    saved = await exec.commits();
    await page.click('[data-testid=exec-undo]');
    await page.waitForFunction(
      (id) =>
        document.querySelector(`[data-testid=exec-grid] .ag-row[row-id="${id}"] [col-id=rate]`)
          ?.textContent === '60 %',
      row,
    );
    await exec.waitSaved(saved);

    // reloaded: the figures, the pair and the line left to pair are kept
    await page.reload();
    await page.waitForSelector('[data-testid=exec-view]');
    assert.equal(await exec.totalDisbursed(), '6.830');
    assert.equal(await exec.unmatched().count(), 1);
    assert.equal(await exec.cell(await exec.rowId(PORTAL, 'ĐTPT'), 'plan').innerText(), '500');

    // by month against the target curve
    await page.click('[data-testid=exec-tab-periods]');
    const series = JSON.parse(
      (await page.getAttribute('[data-testid=exec-chart]', 'data-series')) ?? '[]',
    ) as [string, number[]][];
    assert.deepEqual(series[1], ['Đã giải ngân', [6830]]);

    // the execution report, recalculated by LibreOffice
    const download = page.waitForEvent('download');
    await page.click('[data-testid=exec-export-xlsx]');
    const d = await download;
    const file = join(mkdtempSync(join(tmpdir(), 'planbook-e2e-exec-')), 'giai-ngan.xlsx');
    copyFileSync(await d.path(), file);
    const form = toCsv(file, true).get('Biểu giải ngân')!;
    const total = form.find((r) => r[1] === 'TỔNG CỘNG')!;
    assert.equal(Number(total[10]), 6830);
    assert.equal(Number(total[7]), 13950);

    // a quarter typed by hand: quarter II ends with June (figures from 01/01), refused with why
    const waitTotal = (text: string) =>
      page.waitForFunction(
        (t) => document.querySelector('[data-testid=exec-total-disbursed]')?.textContent === t,
        text,
      );
    await page.click('[data-testid=exec-tab-projects]');
    await page.selectOption('[data-testid=exec-period-kind]', 'quarter');
    await page.selectOption('[data-testid=exec-period-quarter]', '2');
    await page.click('[data-testid=exec-add-period]');
    assert.match(
      await page.locator('[data-testid=exec-message]').innerText(),
      /Không thêm được Quý II\/2013: đã có kỳ Tháng 6\/2013 cùng kết thúc ngày 30\/06\/2013/,
    );
    // quarter III is added and chosen; the portal's figure to 30/09 typed, undone, redone
    await page.selectOption('[data-testid=exec-period-quarter]', '3');
    await page.click('[data-testid=exec-add-period]');
    assert.equal(await page.locator('[data-testid=exec-period]').inputValue(), '2013-09-30');
    assert.match(
      await page.locator('[data-testid=exec-period] option:checked').innerText(),
      /^Quý III\/2013 \(30\/09\/2013\)$/,
    );
    const portal = await exec.rowId(PORTAL, 'ĐTPT');
    await exec.type(portal, 'ytdPlan', '450');
    await waitTotal('6.980'); // June's 300 for the portal replaced by 450 to 30/09, not added
    await page.click('[data-testid=exec-undo]');
    await waitTotal('6.830');
    await page.click('[data-testid=exec-redo]');
    await waitTotal('6.980');

    // shown in tỷ đồng: figures typed in tỷ are stored in triệu
    saved = await exec.commits();
    await page.selectOption('[data-testid=exec-display-unit]', 'tỷ đồng');
    await waitTotal('6,98');
    assert.equal(await exec.cell(portal, 'plan').innerText(), '0,5');
    await exec.type(portal, 'plan', '0,6');
    await page.waitForFunction(
      (id) =>
        document.querySelector(`[data-testid=exec-grid] .ag-row[row-id="${id}"] [col-id=rate]`)
          ?.textContent === '75 %',
      portal,
    );
    await exec.waitSaved(saved);
    await page.reload();
    await page.waitForSelector('[data-testid=exec-view]');
    await waitTotal('6,98');
    assert.equal(await exec.cell(await exec.rowId(PORTAL, 'ĐTPT'), 'plan').innerText(), '0,6');
  });
});
