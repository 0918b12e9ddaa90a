/**
 * Issue 20 in Debian Chromium: a value typed while a large workbook's engine is still being built
 * (the build slowed to seconds) moves the totals at once, without waiting for the build; its undo
 * and redo too; the build then finishes on its own, and the totals and checks are the engine's.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFER_ENGINE_ROWS } from '../../src/app/engineGate';
import { generatePlan } from '../../src/domain/generate';
import { serializePlanbook } from '../../src/io/planbookFile';
import { e2eSuite } from './harness';
import { EngineBuildModel } from './pages/EngineBuild';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
const COL = 'y2023_dtpt';
/** `1.234.567,5` (as the grid shows it) → 1234567.5. */
const num = (s: string) => Number(s.replace(/\./g, '').replace(',', '.') || 0);

describe('editing during the engine’s build', () => {
  it('moves the totals at once, undo and redo too, and the build finishes on its own', async () => {
    const plan = generatePlan({ projects: DEFER_ENGINE_ROWS + 500 });
    const file = join(mkdtempSync(join(tmpdir(), 'pb-during-')), 'large.planbook');
    writeFileSync(file, serializePlanbook(plan));
    const page = await (await suite.profile()).newPage();
    page.setDefaultTimeout(120_000);
    page.on('pageerror', (e) => console.error('pageerror:', e.message));
    const build = new EngineBuildModel(page);
    await build.slowTasks(400);
    await page.goto(suite.url());
    await page.waitForSelector('[data-testid=workbook-list] tbody tr');
    await page.setInputFiles('[data-testid=open-file]', file);
    const row = page.locator('[data-testid=workbook-list] tbody tr', { hasText: plan.meta.title });
    await row.locator('a').click();
    await page.waitForFunction(() => performance.getEntriesByName('pb:grid-ready').length > 0);

    const wb = new WorkbookPageModel(page);
    const p = plan.sheets[0].rows.findIndex((r) => r.kind === 'project');
    const before = num(await wb.computed(p, COL));
    const grand = num(await wb.computed('grand', COL));
    const want = grand - before + 1234;
    /** The grand total once it shows `n` (or what it shows after a few seconds). */
    const grandBecomes = async (n: number) => {
      let shown = NaN;
      for (let k = 0; k < 100 && shown !== n; k++) {
        shown = num(await wb.computed('grand', COL));
        if (shown !== n) await page.waitForTimeout(30);
      }
      return shown;
    };
    await wb.type(p, COL, '1.234');
    assert.equal(await grandBecomes(want), want);
    assert.equal(await build.isReady(), false, 'the edit did not wait for the build');
    await page.keyboard.press('Control+z');
    assert.equal(await grandBecomes(grand), grand);
    await page.keyboard.press('Control+y');
    assert.equal(await grandBecomes(want), want);
    assert.equal(await build.isReady(), false, 'neither did its undo and redo');
    assert.ok(
      await page.locator('[data-testid=checks-badge][data-pending]').count(),
      'the checks wait for the build',
    );

    await build.waitReady();
    await page.waitForSelector('[data-testid=checks-badge]:not([data-pending])');
    assert.equal(await grandBecomes(want), want);
    assert.equal(await wb.textIs(wb.cell(p, COL), '1.234'), '1.234');
    await page.keyboard.press('Control+z');
    assert.equal(await grandBecomes(grand), grand);
    // the warm-up of the edit path (a throwaway session, after the build) marks its own build
    await page.waitForFunction("performance.getEntriesByName('pb:warm-edit').length > 0");
    assert.equal(
      await page.evaluate("performance.getEntriesByName('pb:engine-ready').length"),
      1,
      'one engine-ready mark per open',
    );
    await page.close();
  });
});
