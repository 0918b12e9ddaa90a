/** Issue 16, forgiving edits and paste across sections, in Chromium. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite } from './harness';
import { ForgivingEdits } from './pages/ForgivingEdits';

const suite = e2eSuite();
// each test on the file's one page, reset to the sample as a fresh profile shows it
const open = () => suite.sample();

describe('forgiving edits', () => {
  it('reopens a refused entry with the text as typed and the reason; the fix is accepted', async () => {
    const wb = await open();
    const fe = new ForgivingEdits(wb.page);
    await wb.type(1, 'y2011_dtpt', '3.5OO'); // a letter O for a zero
    assert.match(await wb.messageMatching(/không phải số/), /E2: .*không phải số/);
    const editor = fe.refusedEditor();
    await editor.waitFor();
    assert.equal(await editor.inputValue(), '3.5OO');
    assert.match((await editor.getAttribute('title')) ?? '', /không phải số/);
    await editor.fill('3.600');
    await wb.page.keyboard.press('Enter');
    assert.equal(await wb.textIs(wb.cell(1, 'y2011_dtpt'), '3.600'), '3.600');
    assert.equal(await fe.noMessage(), true); // the message went with its situation
  });

  it('asks before deleting a section with its rows, with the count, the focus on Hủy', async () => {
    const wb = await open();
    const fe = new ForgivingEdits(wb.page);
    await wb.focus(0, 'name');
    await wb.page.keyboard.press('Control+-');
    await fe.dialog().waitFor();
    assert.match(
      await fe.dialog().innerText(),
      /Xóa 7 dòng \(mục này và 6 dòng bên dưới\)\? Trong đó có 7 dòng có số liệu/,
    );
    assert.equal(await fe.focusedText(), 'Hủy');
    await wb.page.keyboard.press('Enter'); // Enter on Hủy: nothing deleted
    await fe.dialog().waitFor({ state: 'detached' });
    assert.equal(await wb.textIs(wb.cell(1, 'y2011_dtpt'), '3.500'), '3.500');
    await wb.focus(0, 'name');
    await wb.page.keyboard.press('Control+-');
    await wb.page.click('[data-testid=confirm-yes]');
    assert.equal(await wb.computedIs('grand', 'total', '8.550'), '8.550'); // 49.850 − 41.300
  });

  it('counts selected cells and numeric cells apart in the status line', async () => {
    const wb = await open();
    const fe = new ForgivingEdits(wb.page);
    await wb.cell(1, 'y2011_dtpt').click();
    await wb.cell(4, 'y2011_dtpt').click({ modifiers: ['Shift'] });
    const want = 'Số ô: 4 · Số ô có số: 2 · Tổng: 5.500 · Trung bình: 2.750';
    assert.equal(await wb.textIs(fe.stats(), want), want);
  });

  it('pastes a column across a section row: projects filled, the section skipped and said so, one undo', async () => {
    const wb = await open();
    const before = await wb.computed('grand', 'total');
    // rows 5, 6 projects, 7 section "2", 8 project: four figures copied from a printed table
    await wb.page.evaluate(() => navigator.clipboard.writeText('10\n20\n99\n40\n'));
    await wb.focus(5, 'y2011_dtpt');
    await wb.page.keyboard.press('Control+v');
    assert.match(await wb.messageMatching(/bỏ qua 1 ô/), /bỏ qua 1 ô tự tính/);
    assert.equal(await wb.textIs(wb.cell(5, 'y2011_dtpt'), '10'), '10');
    assert.equal(await wb.textIs(wb.cell(6, 'y2011_dtpt'), '20'), '20');
    assert.equal(await wb.textIs(wb.cell(8, 'y2011_dtpt'), '40'), '40');
    assert.equal(await wb.textIs(wb.cell(7, 'y2011_dtpt'), '40'), '40'); // the section adds up
    await wb.page.keyboard.press('Control+z');
    assert.equal(await wb.textIs(wb.cell(5, 'y2011_dtpt'), '1.000'), '1.000');
    assert.equal(await wb.textIs(wb.cell(8, 'y2011_dtpt'), ''), '');
    assert.equal(await wb.computedIs('grand', 'total', before), before);
  });

  it('undoes after a reload: the history is kept with the workbook', async () => {
    const wb = await open();
    const commits = await wb.commits();
    await wb.type(2, 'y2011_dtpt', '777');
    assert.equal(await wb.textIs(wb.cell(2, 'y2011_dtpt'), '777'), '777');
    await wb.waitSaved(commits);
    await new ForgivingEdits(wb.page).waitHistoryKept(); // written right after the commit
    await wb.page.reload();
    await wb.page.waitForSelector('[data-testid=plan-grid] .ag-row');
    assert.equal(await wb.textIs(wb.cell(2, 'y2011_dtpt'), '777'), '777');
    await wb.focus(0, 'name');
    await wb.page.keyboard.press('Control+z');
    assert.equal(await wb.textIs(wb.cell(2, 'y2011_dtpt'), ''), '');
    await wb.page.keyboard.press('Control+y');
    assert.equal(await wb.textIs(wb.cell(2, 'y2011_dtpt'), '777'), '777');
  });
});
