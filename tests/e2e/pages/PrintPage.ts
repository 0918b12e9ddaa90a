/** Page model: the appendix as printed (the form laid out for paper, as the .xlsx export writes it). */
import type { Page } from 'playwright-core';

export class PrintPageModel {
  constructor(readonly page: Page) {}

  /** Lays the page out for paper as any print does and returns the printed form's text. */
  async formText(): Promise<string> {
    await this.page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    const form = this.page.locator('[data-testid=print-form]');
    await form.waitFor({ state: 'attached' });
    await this.page.emulateMedia({ media: 'print' });
    const text = await form.innerText();
    await this.page.emulateMedia({ media: 'screen' });
    await this.page.evaluate("window.dispatchEvent(new Event('afterprint'))");
    return text;
  }
}
