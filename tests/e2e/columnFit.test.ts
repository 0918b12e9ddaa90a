/**
 * Issue 20 in Chromium: AG Grid's column autosize module is not registered (with it, ag-grid-react
 * started one timer per changed row: 1,000 for a pasted block of 1,000 rows), so a paste starts no
 * timer per row; the double-click on a header's edge still fits the column to its content
 * (Planbook's own fit, grid/columnFit.ts) and the fitted width is kept like a dragged one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite } from './harness';
import { NumberingPageModel } from './pages/NumberingPage';

const suite = e2eSuite();

/** The rendered body cells of a column whose text is cut (wider than the cell shows). */
function clipped(wb: NumberingPageModel, colId: string): Promise<number> {
  return wb.page.evaluate(
    (c) =>
      [...document.querySelectorAll(`[data-testid=plan-grid] .ag-row .ag-cell[col-id="${c}"]`)]
        .map((cell) => cell.querySelector('.ag-cell-value') ?? cell)
        .filter((v) => v.scrollWidth > v.clientWidth + 1).length,
    colId,
  );
}

describe('column fit without AG Grid’s autosize module', () => {
  it('fits a narrowed column on a double-click of its edge, and keeps the width', async () => {
    const wb = new NumberingPageModel((await suite.sample()).page);
    assert.equal(await wb.numberIs(0, '1'), '1');
    const before = await wb.columnWidth('name');
    await wb.dragColumnEdge('name', -(before - 80));
    const narrow = await wb.columnWidth('name');
    assert.ok(narrow < before, `${before} → ${narrow}`);
    assert.ok((await clipped(wb, 'name')) > 0, 'a narrowed name column cuts names');

    await wb.page
      .locator('[data-testid=plan-grid] .ag-header-cell[col-id="name"] .ag-header-cell-resize')
      .dblclick();
    let fitted = narrow;
    for (const t0 = Date.now(); Date.now() - t0 < 5000 && fitted === narrow;) {
      await wb.page.waitForTimeout(50);
      fitted = await wb.columnWidth('name');
    }
    assert.ok(fitted > narrow + 50, `${narrow} → ${fitted}`);
    assert.equal(await clipped(wb, 'name'), 0, 'every shown name whole after the fit');
    // fitted again: the same width (measured from the content, not from the column's width)
    await wb.page
      .locator('[data-testid=plan-grid] .ag-header-cell[col-id="name"] .ag-header-cell-resize')
      .dblclick();
    await wb.page.waitForTimeout(200);
    assert.ok(Math.abs((await wb.columnWidth('name')) - fitted) <= 1);
    // kept with the workbook as a user's resize, as AG Grid's autosize was
    for (const t0 = Date.now(); Date.now() - t0 < 5000;) {
      const stored = await wb.storedWidth('name');
      if (stored !== null && Math.abs(stored - fitted) <= 1) break;
      await wb.page.waitForTimeout(100);
    }
    const stored = await wb.storedWidth('name');
    assert.ok(
      stored !== null && Math.abs(stored - fitted) <= 1,
      `stored ${stored}, shown ${fitted}`,
    );
    await wb.page.close();
  });

  it('starts no timer per row when a pasted block changes many rows', async () => {
    const wb = new NumberingPageModel((await suite.sample()).page);
    assert.equal(await wb.numberIs(0, '1'), '1');
    await wb.focus(0, 'y2011_dtpt');
    const r = await wb.page.evaluate(() => {
      type Api = {
        getDisplayedRowCount(): number;
        getDisplayedRowAtIndex(i: number): { data?: { kind?: string } } | undefined;
      };
      const api = (window as unknown as { __grid: Api }).__grid;
      const kinds: string[] = [];
      for (let i = 0; i < api.getDisplayedRowCount(); i++)
        kinds.push(api.getDisplayedRowAtIndex(i)?.data?.kind ?? '');
      const last = kinds.lastIndexOf('project');
      // a figure on each project row, blank over the section rows (their sums are computed)
      const text = kinds
        .slice(0, last + 1)
        .map((k, i) => (k === 'project' ? String(1000 + i) : ''))
        .join('\n');
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      const cell = document.querySelector(
        '[data-testid=plan-grid] .ag-row[row-index="0"]:not([row-id^="pin:"]) [col-id="y2011_dtpt"]',
      )!;
      const real = window.setTimeout;
      let timers = 0;
      window.setTimeout = ((...a: Parameters<typeof setTimeout>) => {
        timers++;
        return real(...a);
      }) as typeof setTimeout;
      try {
        cell.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
        );
      } finally {
        window.setTimeout = real;
      }
      return { projects: kinds.slice(0, last + 1).filter((k) => k === 'project').length, timers };
    });
    assert.ok(r.projects >= 10, `${r.projects} project rows pasted`);
    assert.equal(await wb.textIs(wb.cell(1, 'y2011_dtpt'), '1.001'), '1.001');
    assert.ok(r.timers < r.projects / 2, `${r.timers} timers for ${r.projects} rows`);
    await wb.page.close();
  });
});
