/**
 * Issue 20 in Debian Chromium: a large workbook shows its grid from the stored figures and builds
 * its engine after; a value typed right after the grid appears is kept, the totals follow once the
 * engine is ready, and the edit is undone like any other.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generatePlan } from '../../src/domain/generate';
import { serializePlanbook } from '../../src/io/planbookFile';
import { DEFER_ENGINE_ROWS } from '../../src/app/engineGate';
import { e2eSuite } from './harness';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
const COL = 'y2023_dtpt';
/** `1.234.567,5` (as the grid shows it) → 1234567.5. */
const num = (s: string) => Number(s.replace(/\./g, '').replace(',', '.') || 0);

describe('opening a large workbook', () => {
  it('keeps a value typed as soon as the grid shows, and the totals follow once the engine is ready', async () => {
    const plan = generatePlan({ projects: DEFER_ENGINE_ROWS + 500 });
    const file = join(mkdtempSync(join(tmpdir(), 'pb-large-')), 'large.planbook');
    writeFileSync(file, serializePlanbook(plan));
    const page = await (await suite.profile()).newPage();
    page.setDefaultTimeout(120_000);
    page.on('pageerror', (e) => console.error('pageerror:', e.message));
    await page.goto(suite.url());
    await page.waitForSelector('[data-testid=workbook-list] tbody tr');
    await page.setInputFiles('[data-testid=open-file]', file);
    const row = page.locator('[data-testid=workbook-list] tbody tr', { hasText: plan.meta.title });
    await row.locator('a').click();
    await page.waitForFunction(() => performance.getEntriesByName('pb:grid-ready').length > 0);

    // at once: a project cell takes a value (the engine may still be on its way)
    const wb = new WorkbookPageModel(page);
    const p = plan.sheets[0].rows.findIndex((r) => r.kind === 'project');
    const before = num(await wb.computed(p, COL));
    const grand = num(await wb.computed('grand', COL));
    await wb.type(p, COL, '1.234');
    const want = grand - before + 1234;
    await page.waitForFunction(() => performance.getEntriesByName('pb:engine-ready').length > 0);
    await page.waitForSelector('[data-testid=checks-badge]:not([data-pending])');
    assert.equal(await wb.textIs(wb.cell(p, COL), '1.234'), '1.234');
    let shown = 0;
    for (let k = 0; k < 400 && shown !== want; k++) {
      shown = num(await wb.computed('grand', COL));
      if (shown !== want) await page.waitForTimeout(50);
    }
    assert.equal(shown, want);

    // the edit is a step like any other: undone, the totals go back
    await page.keyboard.press('Control+z');
    for (let k = 0; k < 400 && shown !== grand; k++) {
      shown = num(await wb.computed('grand', COL));
      if (shown !== grand) await page.waitForTimeout(50);
    }
    assert.equal(shown, grand);
    assert.equal(num(await wb.computed(p, COL)), before);
    await page.close();
  });
});
