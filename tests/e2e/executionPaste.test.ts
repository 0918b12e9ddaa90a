/**
 * The execution grid's paste in Chromium reads the clipboard's HTML: a value stated with `x:num`
 * is taken as it is (1.234 stays one point two three four, where the plain text `1.234` reads as
 * 1234 in Vietnamese), a cell marked as text (`mso-number-format:"\@"`) is refused among amounts.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { e2eSuite, openSample } from './harness';
import { ExecutionPageModel } from './pages/ExecutionPage';

const PORTAL = 'Nâng cấp Trang thông tin điện tử tỉnh';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

/** A paste event on the focused cell carrying `plain` and, when given, `html`. */
const paste = (plain: string, html: string | null) => `(() => {
  const dt = new DataTransfer();
  dt.setData('text/plain', ${JSON.stringify(plain)});
  ${html === null ? '' : `dt.setData('text/html', ${JSON.stringify(html)});`}
  const at = document.activeElement || document.querySelector('[data-testid=exec-grid]');
  at.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
})()`;

describe('pasting into the execution grid', () => {
  it('takes the values the clipboard HTML states and refuses a text marked as text', async () => {
    const { page } = await openSample(context, suite.url());
    const exec = new ExecutionPageModel(page);
    await exec.start(2013);
    const row = await exec.rowId(PORTAL, 'ĐTPT');
    const carry = await exec.cell(row, 'carry').innerText();

    await exec.cell(row, 'plan').click();
    await page.evaluate(
      paste(
        '1.234\t0123',
        '<html><body><table><tr><td x:num="1.234" sdval="1.234" sdnum="1033;0;General">1,234</td>' +
          '<td style=\'mso-number-format:"\\@"\' sdnum="1033;0;@">0123</td></tr></table></body></html>',
      ),
    );
    await page.waitForFunction(
      `document.querySelector('[data-testid=exec-grid] .ag-row[row-id="${row}"] [col-id=plan]')?.textContent === '1,234'`,
    );
    assert.equal(await exec.cell(row, 'carry').innerText(), carry);
    assert.match(await page.locator('[data-testid=exec-message]').innerText(), /số/i);

    // the same plain text alone: read in the block's style, 1.234 is 1234
    await exec.cell(row, 'plan').click();
    await page.evaluate(paste('1.234', null));
    await page.waitForFunction(
      `document.querySelector('[data-testid=exec-grid] .ag-row[row-id="${row}"] [col-id=plan]')?.textContent === '1.234'`,
    );
  });
});
