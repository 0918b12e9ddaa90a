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

  /** Drops a file on the import zone, as a user dragging it from the file manager. */
  async drop(name: string, bytes: Buffer): Promise<void> {
    await this.page.evaluate(
      ([n, data]) => {
        const raw = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([raw], n));
        const zone = document.querySelector('[data-testid=drop-zone]')!;
        for (const type of ['dragover', 'drop'])
          zone.dispatchEvent(
            new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
          );
      },
      [name, bytes.toString('base64')] as const,
    );
    await this.page.waitForSelector('[data-testid=import-preview]');
  }
}
