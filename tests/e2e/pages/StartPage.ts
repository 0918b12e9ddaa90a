/** Page model: the start page. */
import type { Page } from 'playwright-core';

export class StartPageModel {
  constructor(readonly page: Page) {}

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.waitForSelector('[data-testid=workbook-list] tbody tr');
  }

  /** Titles of the listed workbooks. */
  titles(): Promise<string[]> {
    return this.page.locator('[data-testid=workbook-list] tbody tr td:first-child').allInnerTexts();
  }

  async open(titleContains: string): Promise<void> {
    await this.page
      .locator('[data-testid=workbook-list] tbody tr a', { hasText: titleContains })
      .first()
      .click();
    await this.page.waitForSelector('[data-testid=plan-grid] .ag-row');
  }
}
