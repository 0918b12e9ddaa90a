/**
 * Find reads the figures as the sheet shows them (a finance officer looks for the figure on the
 * screen): a section's and a total's sums, only computed, and a figure in the display unit chosen.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generatePlan } from '../../src/domain/generate';
import { serializePlanbook } from '../../src/io/planbookFile';
import { e2eSuite } from './harness';
import { StartPageModel } from './pages/StartPage';
import { WorkbookPageModel } from './pages/WorkbookPage';
import { FindFilterBar } from './pages/FindFilterBar';
import { NumberingPageModel } from './pages/NumberingPage';

const suite = e2eSuite();

describe('find over the figures as shown', () => {
  it('finds a section’s sum, the grand total (computed) and a figure in tỷ đồng', async () => {
    const wb = await suite.sample();
    const { page } = wb;
    const ff = new FindFilterBar(page);
    const nameBox = page.locator('[data-testid=name-box]');
    // 6.500: the 2011 ĐTPT sum of section 1, of the ĐTPT total and of Tổng cộng (none typed)
    assert.equal(await wb.computed(0, 'y2011_dtpt'), '6.500');
    assert.equal(await ff.findFirst('6.500'), '1/3');
    assert.equal(await wb.textIs(nameBox, 'E1'), 'E1');
    assert.equal(await ff.findFirst('6500'), '1/3');
    // the grand total the grid shows beside the stated 61.600
    const grand = await wb.computed('grand', 'total');
    assert.equal(grand, '49.850');
    assert.equal(await ff.findFirst(grand), '1/1');
    assert.match(await wb.textMatches(nameBox, /^P\d+$/), /^P\d+$/);
    await page.keyboard.press('Escape');
    // in tỷ đồng: 15.800 triệu đồng shows as 15,8 and 300 triệu đồng as 0,3
    await new NumberingPageModel(page).displayUnit('tỷ đồng');
    assert.equal(await wb.textIs(wb.cell(1, 'stated'), '15,8'), '15,8');
    assert.equal(await ff.findFirst('15,8'), '1/1');
    assert.equal(await wb.textIs(nameBox, 'P2'), 'P2');
    assert.match(await ff.findFirst('0,3'), /^1\/\d+$/);
    await page.close();
  });

  it('finds a figure of the totals pinned below a plan without a Tổng cộng row', async () => {
    const plan = generatePlan({ projects: 40 });
    plan.meta.title = 'Bốn mươi dự án';
    assert.equal(
      plan.sheets[0].rows.some((r) => r.kind === 'total'),
      false,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'pb-find-')), 'pinned.planbook');
    writeFileSync(file, serializePlanbook(plan));
    const page = await suite.page();
    page.setDefaultTimeout(30_000);
    const start = new StartPageModel(page);
    await start.goto(suite.url());
    await page.setInputFiles('[data-testid=open-file]', file);
    await start.open('Bốn mươi dự án');
    const wb = new WorkbookPageModel(page);
    await wb.cell(0, 'name').waitFor();
    const ff = new FindFilterBar(page);
    const col = 'y2023_dtpt';
    // the grand total pinned below: the year's figure merged over its sources (no row adds up to
    // it), and the ĐTPT total pinned above it
    const grand = await wb.computed('grand', col);
    assert.match(grand, /^\d{1,3}(\.\d{3})+$/);
    assert.equal(await ff.findFirst(grand), '1/1');
    assert.deepEqual(await ff.focused(), { pinned: 'bottom', rowId: 'pin:all', col });
    // typed without the dots, as a finance officer types a figure
    assert.equal(await ff.findFirst(grand.replace(/\./g, '')), '1/1');
    const dtpt = await wb.computed('pin:0', col);
    // a section may add up to it too: the pinned row is the last hit (after the plan's rows)
    const n = Number((await ff.findFirst(dtpt)).split('/')[1]);
    for (let k = 1; k < n; k++) await ff.next();
    assert.equal(await ff.count().innerText(), `${n}/${n}`);
    assert.deepEqual(await ff.focused(), { pinned: 'bottom', rowId: 'pin:ĐTPT', col });
    await page.close();
  });
});
