/** Page model: the checks pane of an open workbook (findings and what can be done with each). */
import type { Locator, Page } from 'playwright-core';

export class ChecksPaneModel {
  constructor(readonly page: Page) {}

  /** The findings of a row (model row id) and column id. */
  finding(rowId: string, colId: string): Locator {
    return this.page.locator(`[data-testid=finding][data-row="${rowId}"][data-col="${colId}"]`);
  }

  /** The finding's list item (its actions follow the finding's button). */
  item(rowId: string, colId: string): Locator {
    return this.page.locator('li', { has: this.finding(rowId, colId) });
  }

  /** Clicks "Lấy số tính được" on a finding and waits until the finding is gone. */
  async acceptComputed(rowId: string, colId: string): Promise<void> {
    await this.item(rowId, colId).locator('[data-testid=finding-accept-computed]').click();
    await this.finding(rowId, colId).waitFor({ state: 'detached' });
  }

  /** Clicks "Lấy số tính được cho cả biểu" and waits until no section or total finding is left. */
  async acceptAllComputed(): Promise<void> {
    await this.page.click('[data-testid=accept-all-computed]');
    await this.page
      .locator(
        '[data-testid=finding][data-rule=section-total], [data-testid=finding][data-rule=grand-total]',
      )
      .first()
      .waitFor({ state: 'detached' });
  }

  /** How many findings the pane lists (0 once it says every total adds up). */
  count(): Promise<number> {
    return this.page.locator('[data-testid=finding]').count();
  }

  /** Model row id of the grid row at a 0-based index. */
  rowId(index: number): Promise<string> {
    return this.page.evaluate(
      `window.__grid.getDisplayedRowAtIndex(${index}).data.id`,
    ) as Promise<string>;
  }
}
