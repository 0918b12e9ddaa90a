/**
 * The printed form shows a figure as the submitted .xlsx does: a column holding decimals prints
 * them as the file's `#,##0.##` (1.234,57), not every decimal typed (1.234,5678).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite, openSample } from './harness';
import { PrintPageModel } from './pages/PrintPage';

const suite = e2eSuite();

describe('figures on the printed form', () => {
  it('prints a typed 1234,5678 as the .xlsx shows it', async () => {
    const wb = await openSample(await suite.profile(), suite.url());
    await wb.type(2, 'y2013_dtpt', '1234,5678');
    assert.equal(await wb.textIs(wb.cell(2, 'y2013_dtpt'), '1.234,568'), '1.234,568');
    const text = await new PrintPageModel(wb.page).formText();
    assert.match(text, /\t1\.234,57\t/);
    assert.doesNotMatch(text, /1\.234,5678/);
    assert.match(text, /\t15\.800\t/); // whole figures as before
    await wb.page.close();
  });
});
