/** Page model: a plain grid sheet (values and formulas kept as imported). */
import type { Locator, Page } from 'playwright-core';

export class PlainSheetModel {
  constructor(readonly page: Page) {}

  /** A cell by 0-based row and column. */
  cell(r: number, c: number): Locator {
    return this.page
      .locator(`[data-testid=plain-grid] .ag-row[row-index="${r}"] [col-id="${c}"]`)
      .first();
  }

  /** Types `text` into a cell and commits it with Enter. */
  async type(r: number, c: number, text: string): Promise<void> {
    await this.cell(r, c).dblclick();
    const input = this.page.locator('[data-testid=plain-grid] input').first();
    await input.fill(text);
    await input.press('Enter');
  }

  /** Selects a range: a click on one corner, Shift+click on the other (0-based cells). */
  async select(r0: number, c0: number, r1: number, c1: number): Promise<void> {
    await this.cell(r0, c0).click();
    await this.cell(r1, c1).click({ modifiers: ['Shift'] });
  }

  /** How many cells are shown selected. */
  async selectedCount(): Promise<number> {
    return this.page.locator('[data-testid=plain-grid] .ag-cell.pb-selected').count();
  }

  /** Waits until `n` cells are shown selected (the grid redraws after the pointer). */
  async selectedIs(n: number): Promise<number> {
    let last = -1;
    for (const t0 = Date.now(); Date.now() - t0 < 5000;) {
      last = await this.selectedCount();
      if (last === n) return last;
      await this.page.waitForTimeout(25);
    }
    return last;
  }

  /** Opens a sheet tab by its name. */
  async tab(name: string): Promise<void> {
    await this.page.locator('[data-testid=sheet-tabs] button', { hasText: name }).click();
  }

  /** Marks header rows (1-based) and turns the sheet into an appendix. */
  async convert(from: number, to: number): Promise<void> {
    await this.page.fill('[data-testid=convert-start]', String(from));
    await this.page.fill('[data-testid=convert-end]', String(to));
    await this.page.click('[data-testid=convert]');
  }
}
