/**
 * Automatic backups, Export all / Import all, and Settings: an edited workbook's backups are
 * listed on the start page and restore as a new workbook or over it; everything exported from one
 * profile imports into a fresh one (and again, as copies); Settings gives the browser's answer on
 * persistent storage in plain words, and the start page carries no technical warning.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite, openSample } from './harness';
import { BackupsPageModel } from './pages/BackupsPage';
import { StartPageModel } from './pages/StartPage';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
const CELL = [2, 'y2011_dtpt'] as const;

/** Edits the sample's cell and waits until it is saved; the text it held before. */
async function editSample(wb: WorkbookPageModel, value: string): Promise<string> {
  const before = await wb.text(wb.cell(...CELL));
  const commits = await wb.commits();
  await wb.type(...CELL, value);
  await wb.waitSaved(commits);
  return before;
}

describe('automatic backups', () => {
  it('lists the backups of an edited workbook and restores one as a new workbook and over it', async () => {
    const context = await suite.profile();
    const wb = await openSample(context, suite.url());
    const page = wb.page;
    const sampleId = decodeURIComponent(page.url().split('#/wb/')[1]);
    const original = await editSample(wb, '1.111');
    assert.notEqual(original, '1.111');
    const bp = new BackupsPageModel(page);
    await bp.toStart();
    // one copy on open (before the edit), one on close (after it)
    assert.deepEqual(await bp.reasons(sampleId, 2), ['Khi đóng sổ', 'Khi mở sổ']);

    // the copy taken on open, as a new workbook: the figure as it was
    assert.match(await bp.restoreAsNew(sampleId, 1), /Đã tạo sổ mới từ bản sao lưu/);
    const start = new StartPageModel(page);
    assert.equal((await start.titles()).filter((t) => /khôi phục/.test(t)).length, 1);
    await start.open('khôi phục');
    assert.equal(await wb.textIs(wb.cell(...CELL), original), original);
    await bp.toStart();

    // over the workbook, after the confirmation: the figure as it was; the edit is still backed up
    assert.match(await bp.restoreOver(sampleId, 1), /Đã khôi phục sổ/);
    await page.click(`[data-testid=workbook-list] tr[data-workbook="${sampleId}"] a`);
    await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    assert.equal(await wb.textIs(wb.cell(...CELL), original), original);
    await bp.toStart();
    const reasons = await bp.reasons(sampleId, 3);
    assert.equal(reasons.length, 3);
    await page.close();
  });
});

describe('export all, import all', () => {
  it('moves every workbook to a fresh profile, then imports it again as copies', async () => {
    const a = await suite.profile();
    const wb = await openSample(a, suite.url());
    await editSample(wb, '2.222');
    const bpa = new BackupsPageModel(wb.page);
    await bpa.toStart();
    const [id] = await bpa.ids();
    const bytes = await bpa.exportAll();
    assert.match(await bpa.archiveMessage(), /Đã xuất 1 sổ/);
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');

    const b = await suite.profile();
    const page = await b.newPage();
    page.setDefaultTimeout(15000);
    const start = new StartPageModel(page);
    await start.goto(suite.url());
    const bp = new BackupsPageModel(page);
    assert.equal((await bp.ids()).includes(id), false);
    await bp.importAll('planbook.planbook-archive', bytes);
    assert.match(await bp.archiveMessage(), /Đã nhập: 1 sổ mới/);
    await page.waitForSelector(`[data-testid=workbook-list] tr[data-workbook="${id}"]`);
    await page.click(`[data-testid=workbook-list] tr[data-workbook="${id}"] a`);
    await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    const moved = new WorkbookPageModel(page);
    assert.equal(await moved.textIs(moved.cell(...CELL), '2.222'), '2.222');
    await bp.toStart();

    // the same file again: the workbook is already here, so the user is asked; copies
    await bp.importAll('planbook.planbook-archive', bytes);
    await bp.resolveClashes(/bản sao/);
    assert.match(await bp.archiveMessage(), /1 bản sao/);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=workbook-list] tbody tr').length === 3,
    );
    assert.equal((await start.titles()).filter((t) => /\(bản nhập\)/.test(t)).length, 1);

    // a file that is not an archive: one reason, nothing imported
    await bp.importAll('x.planbook-archive', Buffer.from('not a zip'));
    assert.match(await bp.archiveMessage(), /không phải là tệp «Xuất tất cả»/);
    assert.equal((await bp.ids()).length, 3);
    await page.close();
    await wb.page.close();
  });
});

describe('settings', () => {
  it('shows the answer on persistent storage in plain words; the start page has no warning', async () => {
    const context = await suite.profile();
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    await new StartPageModel(page).goto(suite.url());
    const text = await page.locator('.pb-start').innerText();
    assert.doesNotMatch(text, /lưu bền|persist|cam kết/i);
    assert.equal(await page.locator('.pb-start > .pb-note').count(), 0);
    const s = await new BackupsPageModel(page).settings();
    assert.match(
      s.persist,
      /^Trình duyệt (đã đồng ý|chưa đồng ý|này không cho biết)/,
      `persist answer: ${s.persist}`,
    );
    assert.doesNotMatch(s.persist, /navigator|persist\(|storage/i);
    assert.match(s.usage, /^Đang dùng [\d,.]+ (byte|KB|MB|GB) trên [\d,.]+ (KB|MB|GB|TB)/);
    await page.close();
  });
});
