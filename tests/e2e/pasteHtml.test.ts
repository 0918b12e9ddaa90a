/**
 * The main grid's paste in Chromium reads the clipboard's HTML as the execution grid's does: the
 * value Excel states (`x:num`) over the text shown in the copier's locale, a cell Excel keeps as
 * text refused in an amount column with the message and mark of a typed one, merged cells laid
 * out as the plain text lays them out, and Planbook's own copy read back through it.
 * Samples: tests/support/clipboardSamples.ts (Excel 2016).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXCEL_EN, EXCEL_TEXT_AMOUNT, EXCEL_VI } from '../support/clipboardSamples';
import { e2eSuite } from './harness';

const suite = e2eSuite();
// each test on the file's one page, reset to the sample as a fresh profile shows it
const open = () => suite.sample();

/** A paste event on the focused cell carrying `plain` and, when given, `html` (no Planbook cells). */
const paste = (plain: string, html: string | null) => `(() => {
  const dt = new DataTransfer();
  dt.setData('text/plain', ${JSON.stringify(plain)});
  ${html === null ? '' : `dt.setData('text/html', ${JSON.stringify(html)});`}
  document.activeElement.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
  );
})()`;

describe('pasting clipboard HTML into the main grid', () => {
  it('takes the values Excel states: 61.600 shown in en-US is 61,6, 1,235 is 1.234,5', async () => {
    const wb = await open();
    await wb.focus(1, 'y2013_dtpt');
    await wb.page.evaluate(paste(EXCEL_EN.plain, EXCEL_EN.html));
    assert.equal(await wb.computedIs(1, 'y2013_dtpt', '61,6'), '61,6');
    assert.equal(await wb.computedIs(1, 'y2013_sn', '1.234,5'), '1.234,5');
    // the plain text alone (no HTML) is read as before, in the block's style
    await wb.focus(2, 'y2013_dtpt');
    await wb.page.evaluate(paste('61.600', null));
    assert.equal(await wb.computedIs(2, 'y2013_dtpt', '61.600'), '61.600');
  });

  it('refuses a cell Excel keeps as text in an amount column, marked as a typed one', async () => {
    const wb = await open();
    const before = await wb.computed(1, 'y2013_sn');
    await wb.focus(1, 'y2013_dtpt');
    await wb.page.evaluate(paste(EXCEL_TEXT_AMOUNT.plain, EXCEL_TEXT_AMOUNT.html));
    const msg = await wb.messageMatching(/không phải số/);
    assert.match(msg, /ô số tiền chỉ nhận số .*«1\.500» không phải số/);
    const cell = wb.cell(1, 'y2013_sn');
    await cell.and(wb.page.locator('.pb-refused')).waitFor({ timeout: 5000 });
    // nothing of the block is written
    assert.equal(await wb.computed(1, 'y2013_sn'), before);
    assert.notEqual(await wb.computed(1, 'y2013_dtpt'), '4.200');
  });

  it('lays out Excel’s merged cells, entities and codes kept as text as its plain text', async () => {
    const wb = await open();
    await wb.focus(8, 'name');
    await wb.page.evaluate(paste(EXCEL_VI.plain, EXCEL_VI.html));
    const name = 'Trường THCS Hải Lăng & nhà đa năng';
    assert.equal(await wb.computedIs(8, 'name', name), name);
    assert.equal(await wb.computed(8, 'lead'), 'Sở GD&ĐT');
    assert.equal(await wb.computed(8, 'coord'), '0123');
    assert.equal(await wb.computed(8, 'y2011_dtpt'), '61.600');
    assert.equal(await wb.computed(8, 'y2011_sn'), '1,25');
    assert.equal(await wb.computed(9, 'name'), 'Nhà văn hóa xã Hải Thượng');
    assert.equal(await wb.computed(9, 'lead'), '');
    assert.equal(await wb.computed(9, 'y2011_dtpt'), '2.500');
  });

  it('reads Planbook’s own copy back through its HTML (no Planbook cells on the clipboard)', async () => {
    const wb = await open();
    await wb.focus(1, 'y2011_dtpt');
    await wb.cell(2, 'y2012_sn').click({ modifiers: ['Shift'] }); // 2 rows × 4 columns
    await wb.page.keyboard.press('Control+c');
    const [plain, html] = await wb.page.evaluate<[string, string]>(`(async () => {
      const [item] = await navigator.clipboard.read();
      const text = async (t) => (item.types.includes(t) ? (await item.getType(t)).text() : '');
      return [await text('text/plain'), await text('text/html')];
    })()`);
    assert.match(html, /x:num="3500"/);
    const want = [];
    for (const r of [1, 2])
      for (const c of ['y2011_dtpt', 'y2011_sn', 'y2012_dtpt', 'y2012_sn'])
        want.push(await wb.computed(r, c));
    await wb.focus(8, 'y2011_dtpt');
    await wb.page.evaluate(paste(plain, html));
    assert.equal(await wb.computedIs(8, 'y2011_dtpt', want[0]), want[0]);
    const got = [];
    for (const r of [8, 9])
      for (const c of ['y2011_dtpt', 'y2011_sn', 'y2012_dtpt', 'y2012_sn'])
        got.push(await wb.computed(r, c));
    assert.deepEqual(got, want);
  });
});
