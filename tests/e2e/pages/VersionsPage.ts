/** Page model: the versions of an open workbook, and a comparison. */
import type { Locator, Page } from 'playwright-core';

export class VersionsPageModel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.click('[data-testid=versions-toggle]');
    await this.page.waitForSelector('[data-testid=versions-view]');
  }

  /** Saves the current state as a named version and waits for it on the timeline. */
  async save(name: string, note = ''): Promise<void> {
    await this.page.fill('[data-testid=version-name]', name);
    await this.page.fill('[data-testid=version-note]', note);
    await this.page.click('[data-testid=version-save]');
    await this.page.waitForSelector(`[data-testid=version-list] li[data-version="${name}"]`);
  }

  version(name: string): Locator {
    return this.page.locator(`[data-testid=version-list] li[data-version="${name}"]`);
  }

  async compareWithCurrent(name: string): Promise<void> {
    await this.version(name).locator('[data-testid=compare-current]').click();
    await this.page.waitForSelector('[data-testid=compare-view]');
  }

  /** Rows of the changed-cells table: project, column, before, after, kind. */
  async changes(): Promise<string[][]> {
    return this.page
      .locator('[data-testid=compare-changes] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
  }

  async back(): Promise<void> {
    await this.page.click('[data-testid=versions-back]');
    await this.page.waitForSelector('[data-testid=plan-grid] .ag-row');
  }
}
