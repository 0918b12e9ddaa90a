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
