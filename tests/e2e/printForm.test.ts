/**
 * Issue 15 (the form as printed) in Chromium: printing the appendix prints the form — header block
 * with the national motto, the table, the totals and the signature — not the screen's toolbars,
 * grid and panels. page.pdf() is Chromium's print to PDF.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { e2eSuite, openSample } from './harness';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});
const dir = mkdtempSync(join(tmpdir(), 'planbook-print-e2e-'));

describe('printing the appendix as the form', () => {
  it('the Print button prints; the print shows the form, not the screen', async () => {
    const { page } = await openSample(context, suite.url());
    const form = page.locator('[data-testid=print-form]');
    assert.equal(await form.count(), 0); // nothing extra on screen while not printing
    // the button asks the browser to print (the dialog itself is the browser's)
    await page.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => void w.printed++;
    });
    await page.click('[data-testid=print-form-button]');
    assert.equal(await page.evaluate(() => (window as unknown as { printed: number }).printed), 1);

    // what any print (Ctrl+P, the menu, the button) does before the page is laid out for paper
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await form.waitFor({ state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    assert.equal(await form.isVisible(), true);
    for (const screenOnly of ['.pb-toolbar', '.pb-header', '.ag-root-wrapper', '.pb-tabs'])
      assert.equal(await page.locator(screenOnly).first().isVisible(), false, screenOnly);
    const text = await form.innerText();
    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(text, /Độc lập - Tự do - Hạnh phúc/);
    assert.match(text, /Quảng Trị, ngày 06 tháng 5 năm 2011/);
    assert.match(
      text,
      /\(Kèm theo Kế hoạch số 1024\/KH-UBND ngày 06\/5\/2011 của UBND tỉnh Quảng Trị\)/,
    );
    assert.match(text, /TM\. ỦY BAN NHÂN DÂN\s+CHỦ TỊCH/);
    assert.match(text, /15\.800/); // amounts in Vietnamese style
    const png = join(dir, 'print-preview.png');
    await page.screenshot({ path: png, fullPage: true });

    const pdf = join(dir, 'print.pdf');
    await page.pdf({ path: pdf, format: 'A4', landscape: true, printBackground: false });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
    assert.ok(w > h, 'landscape');
    const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    assert.match(printed, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(printed, /Tên dự án/);
    assert.match(printed, /TM\. ỦY BAN NHÂN DÂN/);
    // the screen's controls are not on paper
    assert.doesNotMatch(printed, /Hoàn tác|Kiểm tra số liệu|Xuất Excel/);
    if (process.env.PLANBOOK_DOCS) {
      copyFileSync(png, 'docs/print-preview.png');
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        pdf,
        join(dir, 'chromium'),
      ]);
      copyFileSync(join(dir, 'chromium-1.png'), 'docs/print-chromium.png');
    }

    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    await form.waitFor({ state: 'detached' });
    assert.equal(await page.locator('.pb-toolbar').first().isVisible(), true);
    await page.close();
  });
});
