/** Page model: row numbering, column widths and the display unit of an open appendix sheet. */
import type { Page } from 'playwright-core';
import { WorkbookPageModel } from './WorkbookPage';

export class NumberingPageModel extends WorkbookPageModel {
  constructor(page: Page) {
    super(page);
  }

  /** The number (TT) a body row shows. */
  number(row: number): Promise<string> {
    return this.text(this.cell(row, 'tt'));
  }

  /** Waits until row `row` shows number `want`; returns the last number seen. */
  numberIs(row: number, want: string): Promise<string> {
    return this.textIs(this.cell(row, 'tt'), want);
  }

  /** Adds a section after the focused row's section (toolbar). */
  async addSectionAfter(row: number): Promise<void> {
    await this.focus(row, 'name');
    await this.action('addSection');
  }

  private header(colId: string) {
    return this.page.locator(`[data-testid=plan-grid] .ag-header-cell[col-id="${colId}"]`).first();
  }

  /** The width (px) a column's header has on screen. */
  async columnWidth(colId: string): Promise<number> {
    const box = await this.header(colId).boundingBox();
    return Math.round(box?.width ?? 0);
  }

  /** Drags the right edge of a column's header by `dx` pixels, as a user resizes it. */
  async dragColumnEdge(colId: string, dx: number): Promise<void> {
    const handle = this.header(colId).locator('.ag-header-cell-resize');
    const box = await handle.boundingBox();
    if (!box) throw new Error(`no resize handle on ${colId}`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    for (let k = 1; k <= 5; k++) await this.page.mouse.move(x + (dx * k) / 5, y);
    await this.page.mouse.up();
  }

  /** Waits until IndexedDB holds a width for the column (any sheet); returns it or null. */
  async storedWidth(colId: string): Promise<number | null> {
    const read = () =>
      this.page.evaluate(
        (col) =>
          new Promise<number | null>((resolve) => {
            const req = indexedDB.open('planbook');
            req.onerror = () => resolve(null);
            req.onsuccess = () => {
              const db = req.result;
              const all = db.transaction('workbooks').objectStore('workbooks').getAll();
              all.onsuccess = () => {
                db.close();
                for (const w of all.result as { widths?: Record<string, Record<string, number>> }[])
                  for (const s of Object.values(w.widths ?? {}))
                    if (s[col] !== undefined) return resolve(s[col]);
                resolve(null);
              };
              all.onerror = () => resolve(null);
            };
          }),
        colId,
      );
    for (const t0 = Date.now(); Date.now() - t0 < 5000;) {
      const w = await read();
      if (w !== null) return w;
      await this.page.waitForTimeout(50);
    }
    return null;
  }

  /** Chooses the display unit (`''`: the plan's own). */
  async displayUnit(unit: string): Promise<void> {
    await this.page.selectOption('[data-testid=display-unit]', unit);
  }

  /** Switches wrapping of long texts on or off. */
  async wrap(on: boolean): Promise<void> {
    // the box shows the sheet's setting: a click while the engine is still building after a
    // reload is one command applied when the build ends, so its tick comes then (setChecked's
    // immediate check failed in CI); wait for the setting, not for the click
    const box = this.page.locator('[data-testid=display-wrap]');
    if ((await box.isChecked()) !== on) await box.click();
    for (const t0 = Date.now(); Date.now() - t0 < 15000 && (await box.isChecked()) !== on;)
      await this.page.waitForTimeout(50);
    if ((await box.isChecked()) !== on)
      throw new Error(`wrapping did not turn ${on ? 'on' : 'off'}`);
  }

  /** The height (px) of a body row on screen. */
  async rowHeight(row: number): Promise<number> {
    const box = await this.cell(row, 'name').boundingBox();
    return Math.round(box?.height ?? 0);
  }

  /** Reloads the page and waits for the grid. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.waitForSelector('[data-testid=plan-grid] .ag-row');
  }
}
