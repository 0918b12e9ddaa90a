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

  /**
   * The printed form's stated figures that differ from their rows (each cell's text: the stated
   * figure, then `≠ computed*`) and the note under the table ('' when none).
   */
  async statedDiffs(): Promise<{ cells: string[]; note: string }> {
    await this.page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    const form = this.page.locator('[data-testid=print-form]');
    await form.waitFor({ state: 'attached' });
    await this.page.emulateMedia({ media: 'print' });
    const cells = await form
      .locator('td:has([data-testid=print-stated-diff])')
      .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).innerText.replace(/\s+/g, ' ')));
    const note = form.locator('[data-testid=print-stated-note]');
    const text = (await note.count()) ? await note.innerText() : '';
    await this.page.emulateMedia({ media: 'screen' });
    await this.page.evaluate("window.dispatchEvent(new Event('afterprint'))");
    return { cells, note: text };
  }
}
