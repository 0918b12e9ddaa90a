/**
 * Session 19's walk, export → re-import: the sample exported by the app (stated figures kept, or
 * replaced by formulas) and the same file re-saved by LibreOffice open again in the app as the same
 * plan: the same rows, sections and totals in the preview, the same findings, no new alarm.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { e2eSuite } from './harness';
import { checksShown, exportTo, importFile } from './pages/ExportRoundTrip';
import { StartPageModel } from './pages/StartPage';
import { convertTo } from '../support/libreoffice';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

describe('the app’s own export opened again', () => {
  it('reads back as the same plan with the same findings, also after LibreOffice re-saved it', async () => {
    const page0 = await context.newPage();
    page0.setDefaultTimeout(60000); // the machine is shared: opening the sample may take a while
    const start = new StartPageModel(page0);
    await start.goto(suite.url());
    await start.open('Quảng Trị');
    const original = await checksShown(page0);
    assert.equal(original.badge, '26');
    const dir = mkdtempSync(join(tmpdir(), 'planbook-reimport-'));
    await exportTo(page0, 'keep', join(dir, 'giu-so-ghi.xlsx'));
    await exportTo(page0, 'formulas', join(dir, 'cong-thuc.xlsx'));
    const resaved = convertTo([join(dir, 'giu-so-ghi.xlsx')], ['xlsx']).get('giu-so-ghi.xlsx')!;
    for (const file of [join(dir, 'giu-so-ghi.xlsx'), join(dir, 'cong-thuc.xlsx'), resaved]) {
      const { page, summary } = await importFile(context, suite.url(), file);
      assert.match(summary, /2 mục, 17 dự án, 3 dòng tổng; tổng cộng tính được 49\.850/, file);
      const back = await checksShown(page);
      assert.equal(back.badge, original.badge, file);
      assert.deepEqual(back.findings, original.findings, file);
      await page.close();
    }
  });
});
