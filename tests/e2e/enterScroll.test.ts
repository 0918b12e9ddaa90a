/**
 * Issue 20: Enter in an editor at the bottom edge of the grid (Shift+Enter at the top edge) commits,
 * moves the focus to the next cell at once (typing straight on lands there) and scrolls that cell
 * into view (a frame later: the totals are painted first).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { generatePlan } from '../../src/domain/generate';
import { serializePlanbook } from '../../src/io/planbookFile';
import { e2eSuite } from './harness';
import { KeyboardPageModel } from './pages/KeyboardPage';
import { StartPageModel } from './pages/StartPage';

const suite = e2eSuite();
const COL = 'y2023_dtpt';

/** Whether the body cell (row, COL) is wholly on screen (between the header and the totals). */
function inView(page: Page, row: number): Promise<boolean> {
  return page.evaluate(
    ([r, c]) => {
      const vp = document.querySelector('[data-testid=plan-grid] .ag-grid-viewport');
      const cell = document.querySelector(
        `[data-testid=plan-grid] .ag-row[row-index="${r}"]:not([row-id^="pin:"]) [col-id="${c}"]`,
      );
      if (!vp || !cell) return false;
      const a = vp.getBoundingClientRect();
      // the pinned totals lie over the bottom of the viewport
      const pin = document.querySelector('[data-testid=plan-grid] .ag-row[row-id^="pin:"]');
      const bottom = Math.min(a.bottom, pin?.getBoundingClientRect().top ?? Infinity);
      // and the header over its top
      const head = document.querySelector('[data-testid=plan-grid] .ag-header');
      const top = Math.max(a.top, head?.getBoundingClientRect().bottom ?? -Infinity);
      const b = cell.getBoundingClientRect();
      return b.top >= top - 1 && b.bottom <= bottom + 1;
    },
    [row, COL] as const,
  );
}

/**
 * Scrolls the grid so that `row` is the last row wholly on screen (or the first, `top`), and waits
 * (5 s at most) until it is drawn there.
 */
async function atEdge(page: Page, row: number, edge: 'top' | 'bottom'): Promise<void> {
  await page.evaluate(
    ([r, e]) => {
      const g = (
        window as unknown as { __grid: { ensureIndexVisible: (i: number, p: string) => void } }
      ).__grid;
      g.ensureIndexVisible(r as number, e as string);
    },
    [row, edge] as const,
  );
  // the grid draws the rows it scrolled to a frame later
  for (const t0 = Date.now(); Date.now() - t0 < 5000 && !(await inView(page, row));)
    await page.waitForTimeout(25);
}

describe('Enter at the edge of the grid', () => {
  it('commits, focuses the next cell at once and scrolls it into view', async () => {
    const plan = generatePlan({ projects: 300 });
    plan.meta.title = 'Ba trăm dự án';
    const rows = plan.sheets[0].rows;
    // four projects in a row, far enough down for the grid to scroll
    const r = rows.findIndex(
      (_, i) => i > 60 && [0, 1, 2, 3].every((k) => rows[i + k]?.kind === 'project'),
    );
    const file = join(mkdtempSync(join(tmpdir(), 'pb-enter-')), 'enter.planbook');
    writeFileSync(file, serializePlanbook(plan));
    const page = await (await suite.profile()).newPage();
    page.setDefaultTimeout(60_000);
    const start = new StartPageModel(page);
    await start.goto(suite.url());
    await page.setInputFiles('[data-testid=open-file]', file);
    await start.open('Ba trăm dự án');
    const wb = new KeyboardPageModel(page);
    await wb.cell(0, 'name').waitFor();

    // Enter on the last row on screen: the row below comes into view
    await atEdge(page, r, 'bottom');
    await wb.focus(r, COL);
    assert.equal(await inView(page, r + 1), false);
    await page.keyboard.type('111');
    await page.keyboard.press('Enter');
    assert.deepEqual(await wb.focusIs({ row: r + 1, col: COL }), { row: r + 1, col: COL });
    assert.equal(await wb.activeElement(), `cell:${r + 1}:${COL}`);
    for (const t0 = Date.now(); Date.now() - t0 < 5000 && !(await inView(page, r + 1));)
      await page.waitForTimeout(25);
    assert.equal(await inView(page, r + 1), true);
    assert.equal(await wb.computedIs(r, COL, '111'), '111');

    // typing straight on (no pause) lands in the cells below, each scrolled into view
    await page.keyboard.type('222\n333\n');
    assert.equal(await wb.computedIs(r + 1, COL, '222'), '222');
    assert.equal(await wb.computedIs(r + 2, COL, '333'), '333');
    assert.deepEqual(await wb.focusIs({ row: r + 3, col: COL }), { row: r + 3, col: COL });
    for (const t0 = Date.now(); Date.now() - t0 < 5000 && !(await inView(page, r + 3));)
      await page.waitForTimeout(25);
    assert.equal(await inView(page, r + 3), true);

    // Shift+Enter on the first row on screen: the row above comes into view
    await atEdge(page, r + 2, 'top');
    await wb.focus(r + 2, COL);
    assert.equal(await inView(page, r + 1), false);
    await page.keyboard.type('444');
    await page.keyboard.press('Shift+Enter');
    assert.deepEqual(await wb.focusIs({ row: r + 1, col: COL }), { row: r + 1, col: COL });
    for (const t0 = Date.now(); Date.now() - t0 < 5000 && !(await inView(page, r + 1));)
      await page.waitForTimeout(25);
    assert.equal(await inView(page, r + 1), true);
    assert.equal(await wb.computedIs(r + 2, COL, '444'), '444');

    // undo takes the last entry back
    await page.keyboard.press('Control+z');
    assert.equal(await wb.computedIs(r + 2, COL, '333'), '333');
    await page.close();
  });
});
