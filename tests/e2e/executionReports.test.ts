/**
 * Issue 19 in Chromium with the fixtures: the 2022–2025 plan dropped on the start page, 2024
 * followed with the three monthly reports in their two layouts (the Treasury's .xlsx, a unit's
 * .xls in đồng), the renamed project, the line not in the plan, carry-over, a figure the report
 * states otherwise, edit, undo, redo, reload and the export's by-period sheet.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { toCsv } from '../support/libreoffice';
import { e2eSuite } from './harness';
import { ExecutionPageModel } from './pages/ExecutionPage';
import { StartPageModel } from './pages/StartPage';

const F = resolve(import.meta.dirname, '../../fixtures/execution');
const ROAD = 'Đường giao thông liên xã Hải Thượng - Hải Lâm';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

describe('following 2024 with the reports of two layouts', () => {
  it('imports the three reports, dismisses the line not in the plan, shows the differences, edits, undoes, reloads and exports', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const start = new StartPageModel(page);
    await start.goto(suite.url());
    await start.drop(
      'ke-hoach-dau-tu-cong-2022-2025.xlsx',
      readFileSync(`${F}/ke-hoach-dau-tu-cong-2022-2025.xlsx`),
    );
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    const exec = new ExecutionPageModel(page);
    await exec.start(2024);
    const summary = () => page.locator('[data-testid=exec-summary]').innerText();

    // January, the Treasury's layout: it states the carry-over and the cumulative figures
    assert.match(
      await exec.importReport(`${F}/kbnn-giai-ngan-2024-01.xlsx`),
      /^Đã nhập «kbnn-giai-ngan-2024-01\.xlsx» \(số liệu đến 31\/01\/2024\): 8 dòng khớp với dự án, 0 dòng chưa ghép\.$/,
    );
    assert.match(await summary(), /Đã giải ngân 5\.300 .*Kế hoạch 2023 kéo dài 4\.500 → 1\.000/);

    // February, a unit's .xls in đồng: the renamed road paired by its name, to be checked
    assert.match(
      await exec.importReport(`${F}/bao-cao-giai-ngan-thang-02-2024.xls`),
      /số liệu đến 29\/02\/2024\): 11 dòng khớp với dự án, 0 dòng chưa ghép/,
    );
    assert.equal(await exec.totalDisbursed(), '13.850');
    await page.click('[data-testid=exec-unmatched] summary');
    const doubtful = page.locator('[data-testid=exec-doubtful-line]');
    assert.match(
      await doubtful.innerText(),
      new RegExp(`^Đường GT liên xã Hải Thượng – Hải Lâm, huyện Hải Lăng — .* → ${ROAD}`),
    );
    // it can be paired with another project (the closest names first): kept, as it is right
    assert.equal(
      await doubtful.locator('[data-testid=exec-pair-select] option').nth(0).innerText(),
      'Ghép lại với dự án khác…',
    );

    // March: one line of a project the plan does not hold, marked as not in the plan
    assert.match(
      await exec.importReport(`${F}/kbnn-giai-ngan-2024-03.xlsx`),
      /số liệu đến 31\/03\/2024\): 12 dòng khớp với dự án, 1 dòng chưa ghép/,
    );
    assert.equal(await exec.unmatched().count(), 1);
    assert.match(
      await exec.unmatched().innerText(),
      /Sửa chữa, nâng cấp trụ sở UBND xã Gio Mỹ \[7899001\] — UBND huyện Gio Linh — 350/,
    );
    await exec.unmatched().locator('[data-testid=exec-dismiss]').click();
    await exec.unmatched().waitFor({ state: 'detached' });
    assert.match(
      await summary(),
      /Kế hoạch năm 2024 79\.500 · Đã giải ngân 23\.950 · Tỷ lệ 30,1 % · Mục tiêu 19,8 % · Kế hoạch 2023 kéo dài 4\.500 → 3\.800 · 2 dự án chậm/,
    );

    // the road's year plan edited: its rate follows; undone, redone
    const road = await exec.rowId(ROAD, 'NSTW');
    const rateIs = (text: string) =>
      page.waitForFunction(
        ([id, t]) =>
          document.querySelector(`[data-testid=exec-grid] .ag-row[row-id="${id}"] [col-id=rate]`)
            ?.textContent === t,
        [road, text],
      );
    assert.equal(await exec.cell(road, 'rate').innerText(), '34,7 %');
    let saved = await exec.commits();
    await exec.type(road, 'plan', '13.000');
    await rateIs('32 %');
    await exec.waitSaved(saved);
    saved = await exec.commits();
    await page.click('[data-testid=exec-undo]');
    await rateIs('34,7 %');
    await exec.waitSaved(saved);
    saved = await exec.commits();
    await page.click('[data-testid=exec-redo]');
    await rateIs('32 %');
    await exec.waitSaved(saved);
    // March again: its figures replace those read before; the plan it states differs: listed
    assert.match(
      await exec.importReport(`${F}/kbnn-giai-ngan-2024-03.xlsx`),
      /Số liệu kỳ 31\/03\/2024 nhập trước đó đã được thay\./,
    );
    await page.click('[data-testid=exec-unmatched] summary >> text=Báo cáo ghi khác');
    assert.equal(
      await page.locator('[data-testid=exec-difference]').innerText(),
      `${ROAD}: Kế hoạch năm 2024 — sổ theo dõi ghi 16.000, báo cáo ghi 15.000`,
    );
    assert.equal(await exec.unmatched().count(), 0); // dismissed before: remembered

    // reloaded: the figures and the carry-over are kept
    await page.reload();
    await page.waitForSelector('[data-testid=exec-view]');
    assert.match(
      await summary(),
      /Kế hoạch năm 2024 80\.500 · Đã giải ngân 23\.950 .*kéo dài 4\.500 → 3\.800/,
    );

    // the execution report: its periods named as the app names them, recalculated by LibreOffice
    const file = await exec.exportXlsx(
      join(mkdtempSync(join(tmpdir(), 'planbook-e2e-exec-')), 'giai-ngan.xlsx'),
    );
    const sheets = toCsv(file, true);
    const total = sheets.get('Biểu giải ngân')!.find((r) => r[1] === 'TỔNG CỘNG')!;
    assert.deepEqual([Number(total[6]), Number(total[7]), Number(total[10])], [4500, 80500, 23950]);
    assert.deepEqual(
      sheets
        .get('Theo kỳ')!
        .slice(2)
        .map((r) => [r[0], r[1], Number(r[2])]),
      [
        ['Tháng 1/2024', '31/01/2024', 5300],
        ['Tháng 2/2024', '29/02/2024', 13850],
        ['Tháng 3/2024', '31/03/2024', 23950],
      ],
    );
    // the line marked as not in the plan: on its own sheet with its figures, not in the totals
    const outside = sheets.get('Ngoài kế hoạch')!;
    assert.equal(outside[0][0], 'Dòng báo cáo không có trong kế hoạch');
    assert.deepEqual(
      outside.slice(4).map((r) => [r[1], r[3], r[4], r[7], r[9]]),
      [
        [
          'kbnn-giai-ngan-2024-03.xlsx',
          'Sửa chữa, nâng cấp trụ sở UBND xã Gio Mỹ',
          '7899001',
          '350',
          'Đã xác nhận không có trong kế hoạch',
        ],
        ['Cộng', '', '', '350', ''],
      ],
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});
