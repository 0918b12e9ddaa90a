/** Issue 2 flows in Debian Chromium: open the sample, type, see totals, reload, two tabs, row tools. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { CONTEXT_OPTIONS, e2eSuite, openSample } from './harness';
import { StartPageModel } from './pages/StartPage';
import { TotalsPageModel } from './pages/TotalsPage';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
const freshProfile = suite.profile;
/**
 * The sample plan in a new page of `context`, or unless given as a fresh profile shows it on the
 * file's one page (reset between tests).
 */
const open = async (context?: BrowserContext) =>
  context ? openSample(context, suite.url()) : suite.sample();

describe('the plan workbook', () => {
  it('opens the sample, updates row, section, year and grand totals on typing, and keeps them after a reload', async () => {
    const wb = await open();
    // issue 15: the plan's own total rows are the totals (qt20 ĐTPT, qt21 SN, qt22 Tổng cộng); a
    // computed figure shows beside the stated one it differs from (was: pinned rows, "(tính)" column)
    const tp = new TotalsPageModel(wb.page);
    assert.equal(await tp.besideIs('qt22', 'stated', '≠ 49.850'), '≠ 49.850');
    // row index 2: "Nâng cấp hạ tầng CNTT cho Trung tâm tích hợp dữ liệu tỉnh" (2.000 = 1.000 + 1.000)
    const commits = await wb.commits();
    await wb.type(2, 'y2011_dtpt', '1.000,5');
    assert.equal(await wb.textIs(wb.cell(2, 'y2011_dtpt'), '1.000,5'), '1.000,5');
    assert.equal(await wb.textIs(wb.cell(0, 'y2011_dtpt'), '7.500,5'), '7.500,5'); // section 1, 2011 ĐTPT
    assert.equal(await tp.besideIs('qt20', 'y2011_dtpt', '≠ 7.500,5'), '≠ 7.500,5'); // Tổng vốn ĐTPT 2011
    assert.equal(await tp.besideIs('qt22', 'y2011_dtpt', '≠ 10.100,5'), '≠ 10.100,5'); // Tổng cộng 2011 (both sources)
    assert.equal(await tp.besideIs('qt22', 'stated', '≠ 50.850,5'), '≠ 50.850,5'); // grand total
    await wb.type(3, 'y2011_sn', '=2*500');
    assert.equal(await wb.textIs(wb.cell(3, 'y2011_sn'), '1.000'), '1.000');
    assert.equal(await tp.besideIs('qt21', 'stated', '≠ 11.250'), '≠ 11.250');
    await wb.waitSaved(commits + 1);
    await wb.page.reload();
    await wb.page.waitForSelector('[data-testid=plan-grid] .ag-row');
    assert.equal(await wb.textIs(wb.cell(2, 'y2011_dtpt'), '1.000,5'), '1.000,5');
    assert.equal(await tp.besideIs('qt22', 'stated', '≠ 51.850,5'), '≠ 51.850,5');
    await wb.focus(3, 'y2011_sn');
    assert.equal(await wb.formulaIs('=2*500'), '=2*500');
    assert.equal(await wb.textIs(wb.page.locator('[data-testid=name-box]'), 'F4'), 'F4');
  });

  it('refuses bad input with a Vietnamese message and leaves totals and saved data alone', async () => {
    const wb = await open();
    await wb.type(5, 'y2012_dtpt', 'abc');
    assert.match(await wb.messageMatching(/không phải số/), /không phải số/);
    // the refused entry comes back in the editor as typed; Esc gives it up
    await wb.page.waitForSelector('.pb-editor-refused');
    await wb.page.keyboard.press('Escape');
    await wb.type(5, 'y2012_dtpt', '=F6+G6');
    assert.match(await wb.messageMatching(/tham chiếu vòng/), /tham chiếu vòng/);
    await wb.page.waitForSelector('.pb-editor-refused');
    await wb.page.keyboard.press('Escape');
    await wb.type(5, 'y2012_dtpt', '=SUM(');
    assert.match(await wb.messageMatching(/sai cú pháp/), /sai cú pháp/);
    await wb.page.waitForSelector('.pb-editor-refused');
    await wb.page.keyboard.press('Escape');
    assert.equal(await wb.textIs(wb.cell(5, 'y2012_dtpt'), '2.000'), '2.000');
    assert.equal(
      await new TotalsPageModel(wb.page).besideIs('qt22', 'stated', '≠ 49.850'),
      '≠ 49.850',
    );
  });

  it('loses nothing when the tab is killed right after the edit is reported saved', async () => {
    const context = await freshProfile();
    const wb = await open(context);
    await wb.type(4, 'y2015_sn', '77');
    await wb.waitSaved(0);
    await wb.page.close({ runBeforeUnload: false });
    const again = await open(context);
    assert.equal(await again.textIs(again.cell(4, 'y2015_sn'), '77'), '77');
    await again.page.close();
  });

  it('shows a second tab the workbook is open elsewhere and keeps it in step', async () => {
    const context = await freshProfile();
    const first = await open(context);
    const second = await open(context);
    await second.page.waitForSelector('[data-testid=readonly-banner]');
    await first.type(6, 'y2011_sn', '5');
    await first.waitSaved(0);
    await second.showColumn('y2011_sn');
    await second.page.waitForFunction(() => {
      const c = document.querySelector(
        '[data-testid=plan-grid] .ag-row[row-index="6"] [col-id="y2011_sn"]',
      );
      return c?.textContent?.trim() === '5';
    });
    await second.type(6, 'y2011_sn', '9');
    assert.match(await second.messageMatching(/chỉ xem/), /chỉ xem/);
    await first.page.close();
    await second.page.close();
  });

  it('adds rows, keeps a project in its section on outdent, undoes with totals kept right', async () => {
    const wb = await open();
    // issue 15: the grand total is the plan's Tổng cộng row (computed beside its stated 61.600),
    // section 2 is followed in its 2013 ĐTPT (the "(tính)" row total column is no longer shown)
    const tp = new TotalsPageModel(wb.page);
    const grand = tp.beside('qt22', 'stated');
    const sec2 = wb.cell(7, 'y2013_dtpt');
    await wb.focus(7, 'name'); // section 2 (2013 ĐTPT: 500)
    await wb.action('addProject');
    await wb.type(8, 'name', 'Dự án thử nghiệm');
    await wb.type(8, 'y2013_dtpt', '250');
    assert.equal(await wb.textIs(wb.cell(8, 'name'), 'Dự án thử nghiệm'), 'Dự án thử nghiệm');
    assert.equal(await wb.textIs(sec2, '750'), '750');
    assert.equal(await wb.textIs(grand, '≠ 50.100'), '≠ 50.100');
    await wb.focus(8, 'name');
    // a project stays inside a section: outdenting it to the top level is refused, nothing moves
    await wb.action('outdent');
    assert.match(await wb.messageMatching(/nằm trong một mục/), /nằm trong một mục/);
    assert.equal(await wb.textIs(sec2, '750'), '750');
    assert.equal(await wb.text(wb.cell(8, 'tt')), '-');
    await wb.page.keyboard.press('Control+z');
    assert.equal(await wb.textIs(sec2, '500'), '500');
    assert.equal(await wb.textIs(grand, '≠ 49.850'), '≠ 49.850');
    await wb.page.keyboard.press('Control+y');
    assert.equal(await wb.textIs(sec2, '750'), '750');
    for (let i = 0; i < 3; i++) await wb.page.keyboard.press('Control+z');
    assert.equal(await wb.textIs(grand, '≠ 49.850'), '≠ 49.850');
    assert.equal(
      await wb.textIs(
        wb.cell(8, 'name'),
        '⚑Nâng cấp Trang thông tin điện tử tỉnh (đã được XD theo công nghệ Portal) thành Công thông tin, tích hợp website các sở, ban, ngành và các địa phương trong tỉnh',
      ),
      '⚑Nâng cấp Trang thông tin điện tử tỉnh (đã được XD theo công nghệ Portal) thành Công thông tin, tích hợp website các sở, ban, ngành và các địa phương trong tỉnh',
    );
  });

  it('switches the interface to English', async () => {
    const wb = await open();
    await wb.page.click('[data-testid=lang-toggle]');
    assert.equal(await wb.page.locator('[data-action=addProject]').innerText(), '+ Add project');
    assert.equal(
      await new TotalsPageModel(wb.page).besideIs('qt22', 'stated', '≠ 49,850'),
      '≠ 49,850',
    );
    await wb.page.click('[data-testid=lang-toggle]');
  });
});

describe('workbooks and files', () => {
  it('creates a workbook from the template with its years and sources', async () => {
    const page = await (await freshProfile()).newPage();
    page.setDefaultTimeout(8000);
    const start = new StartPageModel(page);
    await start.goto(suite.url());
    await page.fill(
      'section.pb-new label:has-text("Tên kế hoạch") input',
      'Kế hoạch thử 2026–2028',
    );
    await page.fill('section.pb-new label:has-text("Năm đầu") input', '2026');
    await page.fill('section.pb-new label:has-text("Số năm") input', '3');
    await page.click('[data-testid=create]');
    await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    const wb = new WorkbookPageModel(page);
    assert.equal(await page.locator('.pb-title h1').innerText(), 'Kế hoạch thử 2026–2028');
    assert.equal(await page.locator('.ag-header-group-cell', { hasText: '2028' }).count(), 1);
    await wb.type(1, 'y2028_sn', '12,5');
    // no total row in a new plan: Planbook's computed rows are pinned (the "(tính)" column is not shown)
    assert.equal(await wb.textIs(wb.pinned(1, 'y2028_sn'), '12,5'), '12,5');
    assert.equal(await wb.textIs(wb.cell(0, 'y2028_sn'), '12,5'), '12,5');
    await page.click('text=← Các sổ');
    await page.waitForSelector('[data-testid=workbook-list] tbody tr');
    assert.deepEqual(
      (await start.titles()).sort(),
      [
        'Kế hoạch thử 2026–2028',
        'Kế hoạch Ứng dụng công nghệ thông tin trong hoạt động của các cơ quan nhà nước tỉnh Quảng Trị, giai đoạn 2011 - 2015',
      ].sort(),
    );
    await page.close();
  });

  it('saves a workbook to a .planbook file and opens it again as a new workbook; refuses a bad file', async () => {
    const wb = await open();
    await wb.type(2, 'y2011_dtpt', '4.321');
    const download = wb.page.waitForEvent('download');
    await wb.page.click('text=Lưu ra tệp .planbook');
    const file = await (await download).path();
    await wb.page.click('text=← Các sổ');
    const start = new StartPageModel(wb.page);
    await wb.page.waitForSelector('[data-testid=workbook-list] tbody tr');
    await wb.page.setInputFiles('[data-testid=open-file]', {
      name: 'bad.planbook',
      mimeType: 'application/json',
      buffer: Buffer.from('{"type":"planbook","formatVersion":1,"workbook":{"meta":{}}}'),
    });
    assert.match(
      await wb.page.locator('[data-testid=start-message]').innerText(),
      /bị hỏng hoặc sai cấu trúc/,
    );
    assert.equal((await start.titles()).length, 1);
    await wb.page.setInputFiles('[data-testid=open-file]', file);
    await wb.page.locator('[data-testid=start-message]', { hasText: 'Đã mở tệp' }).waitFor();
    await wb.page.waitForFunction(
      () => document.querySelectorAll('[data-testid=workbook-list] tbody tr').length === 2,
    );
    await wb.page.locator('[data-testid=workbook-list] tbody tr a').nth(0).click();
    await wb.page.waitForSelector('[data-testid=plan-grid] .ag-row');
    assert.equal(await wb.textIs(wb.cell(2, 'y2011_dtpt'), '4.321'), '4.321');
  });
});

describe('the file’s shared page (suite.sample)', () => {
  it('gives each test the sample as a fresh profile shows it, whatever the last test left', async () => {
    const wb = await suite.sample();
    const page = wb.page;
    const shown = await wb.text(wb.cell(2, 'y2011_dtpt'));
    const addLabel = await page.locator('[data-action=addProject]').innerText();
    // left behind: a saved edit, an edit still being stored, English (kept in localStorage),
    // a smaller window, a second tab
    const commits = await wb.commits();
    await wb.type(2, 'y2011_dtpt', '4.321');
    await wb.waitSaved(commits);
    await page.click('[data-testid=lang-toggle]');
    await page.setViewportSize({ width: 900, height: 600 });
    await page.context().newPage();
    await wb.type(3, 'y2011_dtpt', '1.234');
    const again = await suite.sample();
    assert.equal(again.page, page, 'the same page, not a new one');
    assert.equal(await again.textIs(again.cell(2, 'y2011_dtpt'), shown), shown);
    assert.equal(await again.page.locator('[data-action=addProject]').innerText(), addLabel);
    assert.deepEqual(again.page.viewportSize(), CONTEXT_OPTIONS.viewport);
    assert.equal(again.page.context().pages().length, 1);
    // the start page lists the sample alone, as on a first visit
    await again.page.click('text=← Các sổ');
    await again.page.waitForSelector('[data-testid=workbook-list] tbody tr');
    assert.equal((await new StartPageModel(again.page).titles()).length, 1);
  });
});
