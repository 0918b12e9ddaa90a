/** Issue 3 in Chromium: ranges, clipboard with the outside world, fill, undo/redo of a paste. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { e2eSuite } from './harness';

const suite = e2eSuite();
/** The sample plan as a fresh profile shows it (each test starts from the published figures), on the file's one page. */
const open = () => suite.sample();

/** Lines 375–378 of the seed (page 2 of the appendix), fields 1–13: name … 2015 SN, as copied from the PDF. */
function seedBlock(): string {
  const lines = readFileSync('fixtures/quang-tri-2011-2015-appendix.tsv', 'utf8').split('\n');
  return lines
    .slice(24, 28)
    .map((l) => l.split('\t').slice(1, 14).join('\t'))
    .join('\n');
}

describe('Excel-grade editing', () => {
  it('selects a range with Shift+click and Shift+arrows and shows count, sum and average', async () => {
    const wb = await open();
    await wb.cell(1, 'y2011_dtpt').click();
    await wb.cell(4, 'y2011_dtpt').click({ modifiers: ['Shift'] });
    const stats = wb.page.locator('[data-testid=selection-stats]');
    // E2:E5 hold 3.500, blank, blank, 2.000: the selected cells and the numeric ones apart
    const two = 'Số ô: 4 · Số ô có số: 2 · Tổng: 5.500 · Trung bình: 2.750';
    assert.equal(await wb.textIs(stats, two), two);
    await wb.page.keyboard.press('Shift+ArrowDown');
    await wb.page.keyboard.press('Shift+ArrowRight');
    const three = 'Số ô: 10 · Số ô có số: 3 · Tổng: 6.500 · Trung bình: 2.166,67';
    assert.equal(await wb.textIs(stats, three), three);
    assert.equal(await wb.page.locator('.ag-cell.pb-selected').count(), 10);
  });

  it('copies a block to a second sheet and pastes it there; undo and redo the paste', async () => {
    const wb = await open();
    await wb.page.click('[data-testid=add-sheet]');
    await wb.page.waitForSelector('.pb-tab-on:has-text("Phụ lục 2")');
    await wb.page.click('[data-sheet] >> text=Phụ lục');
    await wb.page.locator('.pb-tab-on', { hasText: /^Phụ lục$/ }).waitFor();
    await wb.focus(1, 'y2011_dtpt');
    await wb.cell(2, 'y2012_sn').click({ modifiers: ['Shift'] }); // 2 rows × 4 columns
    await wb.page.keyboard.press('Control+c');
    const copied = await wb.page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, '3500\t\t4500\t600\n\t\t\t');
    await wb.page.click('text=Phụ lục 2');
    await wb.page.waitForSelector('.pb-tab-on:has-text("Phụ lục 2")');
    await wb.focus(
      1,
      'y2025_dtpt'.replace('2025', String(new Date().getFullYear())) === '' ? 'x' : 'name',
    );
    const first = await wb.page.evaluate(() =>
      document.querySelector('.ag-header-cell[col-id^="y"]')?.getAttribute('col-id'),
    );
    await wb.focus(1, first!);
    await wb.page.keyboard.press('Control+v');
    assert.equal(await wb.textIs(wb.cell(1, first!), '3.500'), '3.500');
    // issue 15: the grand total of the row-total column, which is no longer shown
    assert.equal(await wb.computedIs('grand', 'total', '8.600'), '8.600');
    await wb.page.keyboard.press('Control+z');
    assert.equal(await wb.computedIs('grand', 'total', '0'), '0');
    await wb.page.keyboard.press('Control+y');
    assert.equal(await wb.computedIs('grand', 'total', '8.600'), '8.600');
  });

  it('pastes a real block copied out of the seed, extending the sheet with new project rows', async () => {
    const wb = await open();
    await wb.page.evaluate((t) => navigator.clipboard.writeText(t), seedBlock());
    await wb.focus(18, 'name'); // the last project row; the block has 4 rows
    await wb.page.keyboard.press('Control+v');
    assert.equal(
      await wb.textIs(
        wb.cell(18, 'name'),
        'Triển khai hệ thống quản lý Hồ sơ văn bản và điều hành tác nghiệp mới cho khoảng 50 DV',
      ),
      'Triển khai hệ thống quản lý Hồ sơ văn bản và điều hành tác nghiệp mới cho khoảng 50 DV',
    );
    assert.equal(await wb.textIs(wb.cell(21, 'lead'), 'Sở Tài Chính'), 'Sở Tài Chính');
    assert.equal(await wb.computedIs(21, 'total', '1.500'), '1.500');
    assert.equal(
      await wb.textIs(wb.cell(22, 'name'), 'Tổng vốn đầu tư phát triển'),
      'Tổng vốn đầu tư phát triển',
    );
    // the block replaced one project (100) and added three rows: +1.500 +1.000 +500 +1.500 −100
    assert.equal(await wb.computedIs('grand', 'total', '54.250'), '54.250');
    await wb.page.keyboard.press('Control+z');
    assert.equal(await wb.computedIs('grand', 'total', '49.850'), '49.850');
    assert.equal(
      await wb.textIs(wb.cell(19, 'name'), 'Tổng vốn đầu tư phát triển'),
      'Tổng vốn đầu tư phát triển',
    );
  });

  it('refuses a paste into section totals with a message and changes nothing', async () => {
    const wb = await open();
    await wb.page.evaluate(() => navigator.clipboard.writeText('5\t6'));
    await wb.focus(0, 'y2011_dtpt');
    await wb.page.keyboard.press('Control+v');
    assert.match(await wb.messageMatching(/không dán vào ô tổng/), /E1: không dán vào ô tổng/);
    assert.equal(await wb.computedIs('grand', 'total', '49.850'), '49.850');
  });

  it('fills down with Ctrl+D and right with the fill handle, moving relative formulas', async () => {
    const wb = await open();
    await wb.type(1, 'y2011_sn', '=E2/10'); // 3.500 / 10
    await wb.focus(1, 'y2011_sn');
    await wb.cell(4, 'y2011_sn').click({ modifiers: ['Shift'] });
    await wb.page.keyboard.press('Control+d');
    assert.equal(await wb.textIs(wb.cell(4, 'y2011_sn'), '200'), '200'); // =E5/10
    await wb.focus(4, 'y2011_sn');
    assert.equal(await wb.formulaIs('=E5/10'), '=E5/10');
    // drag the fill handle of F2 one column right, onto G2
    await wb.cell(1, 'y2011_sn').click();
    const handle = wb.page.locator('[data-testid=fill-handle]');
    await handle.waitFor();
    const h = (await handle.boundingBox())!;
    const target = (await wb.cell(1, 'y2012_dtpt').boundingBox())!;
    await wb.page.mouse.move(h.x + 4, h.y + 4);
    await wb.page.mouse.down();
    await wb.page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, {
      steps: 5,
    });
    await wb.page.mouse.up();
    await wb.focus(1, 'y2012_dtpt');
    assert.equal(await wb.formulaIs('=F2/10'), '=F2/10');
    assert.equal(await wb.textIs(wb.cell(1, 'y2012_dtpt'), '35'), '35');
  });

  it('edits through the formula bar and clears a range with Delete', async () => {
    const wb = await open();
    await wb.focus(2, 'y2013_dtpt');
    await wb.page.fill('[data-testid=formula-input]', '=1000+250');
    await wb.page.press('[data-testid=formula-input]', 'Enter');
    assert.equal(await wb.textIs(wb.cell(2, 'y2013_dtpt'), '1.250'), '1.250');
    await wb.focus(2, 'y2013_dtpt');
    await wb.cell(3, 'y2014_dtpt').click({ modifiers: ['Shift'] });
    await wb.page.keyboard.press('Delete');
    assert.equal(await wb.computedIs(3, 'total', '2.000'), '2.000'); // 5.000 − 2.000 − 1.000
    await wb.page.keyboard.press('Control+z');
    assert.equal(await wb.computedIs(3, 'total', '5.000'), '5.000');
  });
  it('selects by dragging, by row number and by column header, and moves cells with cut and paste', async () => {
    const wb = await open();
    const a = (await wb.cell(1, 'y2011_dtpt').boundingBox())!;
    const b = (await wb.cell(2, 'y2012_dtpt').boundingBox())!;
    await wb.page.mouse.move(a.x + 5, a.y + 5);
    await wb.page.mouse.down();
    await wb.page.mouse.move(b.x + 5, b.y + 5, { steps: 6 });
    await wb.page.mouse.up();
    assert.equal(await wb.page.locator('.ag-cell.pb-selected').count(), 6); // 2 rows × 3 columns
    await wb.cell(4, '__row').click(); // row number: the whole row
    // 16 cells shown (issue 15: the "(tính)" row-total column is no longer shown; was 17)
    assert.equal(await wb.page.locator('.ag-row[row-index="4"] .ag-cell.pb-selected').count(), 16);
    await wb.page.locator('.ag-header-cell[col-id="lead"]').click(); // column header: the whole column
    await wb.page.waitForFunction(
      () => document.querySelectorAll('.ag-cell.pb-selected[col-id="lead"]').length > 10,
    );
    // cut E2 (3.500) and paste it into E3: the value moves, in one undo step
    await wb.focus(1, 'y2011_dtpt');
    await wb.page.keyboard.press('Control+x');
    await wb.focus(2, 'y2011_dtpt');
    await wb.page.keyboard.press('Control+v');
    assert.equal(await wb.textIs(wb.cell(2, 'y2011_dtpt'), '3.500'), '3.500');
    assert.equal(await wb.textIs(wb.cell(1, 'y2011_dtpt'), ''), '');
    assert.equal(await wb.computedIs('grand', 'total', '49.850'), '49.850');
    await wb.page.keyboard.press('Control+z');
    assert.equal(await wb.textIs(wb.cell(1, 'y2011_dtpt'), '3.500'), '3.500');
    assert.equal(await wb.textIs(wb.cell(2, 'y2011_dtpt'), ''), '');
  });
});
