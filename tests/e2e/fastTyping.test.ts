/**
 * Issue 20: typing fast down a column (type, Enter, type, Enter … with no pause) puts each value
 * in its own cell and every total follows; undo as fast takes them back. The grid redraws only the
 * cells an edit changed: what it shows then is exactly what a full redraw of every row shows.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { e2eSuite, openSample } from './harness';

const suite = e2eSuite();
const open = async () => openSample(await suite.profile(), suite.url());

/** A figure as the grid shows it (`61.600`, `1.000,5`), as a number (blank: 0). */
const num = (s: string) => (s.trim() ? Number(s.replace(/\./g, '').replace(',', '.')) : 0);

/** Every rendered cell (body and pinned rows): its text and Planbook's marks, by row and column. */
function snapshot(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const row of document.querySelectorAll('[data-testid=plan-grid] .ag-row[row-id]'))
      for (const cell of row.querySelectorAll('.ag-cell[col-id]')) {
        const key = `${row.getAttribute('row-id')}|${cell.getAttribute('col-id')}`;
        const marks = [...cell.classList].filter((c) => c.startsWith('pb-')).sort();
        const text = (cell.textContent ?? '').replace(/\u200b/g, '').trim();
        // a row split over pinned and centre containers: one entry per (row, column)
        out[key] = `${text} [${marks.join(' ')}]`;
      }
    return out;
  });
}

/** Until the page has drawn and gone idle (deferred renders and the grid's frames done). */
const settle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((r) => requestAnimationFrame(() => setTimeout(() => r(undefined), 100))),
  );

/** The grid drawn again from scratch (every row rebuilt), then settled. */
async function redrawAll(page: Page): Promise<void> {
  await page.evaluate(() =>
    (window as unknown as { __grid: { redrawRows: () => void } }).__grid.redrawRows(),
  );
  await settle(page);
}

describe('typing fast', () => {
  it('Enter, type, Enter, type … lands each value in its cell; totals and undo follow', async () => {
    const wb = await open();
    const col = 'y2013_dtpt';
    // rows 1–6: the projects of section I.1 (row 0); row 7 is the next section
    const rows = [1, 2, 3, 4, 5, 6];
    const before = new Map<number, number>();
    for (const r of rows) before.set(r, num(await wb.computed(r, col)));
    const rowTotal = async (r: number | 'grand') => num(await wb.computed(r, 'total'));
    const totals0 = new Map<number, number>();
    for (const r of rows) totals0.set(r, await rowTotal(r));
    const section0 = await rowTotal(0);
    const grand0 = await rowTotal('grand');
    await wb.focus(1, col);
    // the name box follows the grid's focus a render later: read it once the page has drawn
    await settle(wb.page);
    const nameBox = wb.page.locator('[data-testid=name-box]');
    const letter = (await nameBox.innerText()).replace(/\d+$/, '');

    // no pause between keys: each value must go to the cell the previous Enter moved to
    const typed = rows.map((r) => 1000 + r * 111);
    for (const v of typed) {
      await wb.page.keyboard.type(String(v));
      await wb.page.keyboard.press('Enter');
    }
    let delta = 0;
    for (const [k, r] of rows.entries()) {
      const want = typed[k].toLocaleString('vi-VN');
      assert.equal(await wb.textIs(wb.cell(r, col), want), want, `row ${r}`);
      const d = typed[k] - before.get(r)!;
      delta += d;
      assert.equal(await rowTotal(r), totals0.get(r)! + d, `row total ${r}`);
    }
    assert.equal(await rowTotal(0), section0 + delta);
    assert.equal(await rowTotal('grand'), grand0 + delta);
    // the focus and the formula bar followed: the cell below the last one typed
    assert.equal(await wb.textIs(nameBox, `${letter}8`), `${letter}8`);

    // what the grid shows after its partial redraws is what a redraw of every row shows
    await settle(wb.page);
    const shown = await snapshot(wb.page);
    await redrawAll(wb.page);
    assert.deepEqual(shown, await snapshot(wb.page));

    // undo as fast: the last three values go back, the totals with them
    await wb.focus(7, col);
    for (let k = 0; k < 3; k++) await wb.page.keyboard.press('Control+z');
    let undone = 0;
    for (const r of rows.slice(3)) {
      const want = before.get(r)! ? before.get(r)!.toLocaleString('vi-VN') : '';
      assert.equal(await wb.textIs(wb.cell(r, col), want), want, `undone row ${r}`);
      undone += typed[rows.indexOf(r)] - before.get(r)!;
    }
    for (const r of rows.slice(0, 3))
      assert.equal(await wb.text(wb.cell(r, col)), typed[rows.indexOf(r)].toLocaleString('vi-VN'));
    assert.equal(await rowTotal('grand'), grand0 + delta - undone);
    await settle(wb.page);
    const afterUndo = await snapshot(wb.page);
    await redrawAll(wb.page);
    assert.deepEqual(afterUndo, await snapshot(wb.page));
    await wb.page.close();
  });
});
