/** Page model: the cell editor after a refusal, the delete question, the status line's counts. */
import type { Locator, Page } from 'playwright-core';

export class ForgivingEdits {
  constructor(readonly page: Page) {}

  /** The editor reopened on a refused entry (marked with the reason). */
  refusedEditor(): Locator {
    return this.page.locator('input.pb-editor.pb-editor-refused');
  }

  dialog(): Locator {
    return this.page.locator('[data-testid=confirm-dialog]');
  }

  /** The text of the element that has the keyboard focus. */
  focusedText(): Promise<string> {
    return this.page.evaluate(
      () => (document.activeElement as HTMLElement | null)?.innerText ?? '',
    );
  }

  stats(): Locator {
    return this.page.locator('[data-testid=selection-stats]');
  }

  /** Waits for the message line to be empty (a stale message cleared). */
  async noMessage(): Promise<boolean> {
    return this.page
      .locator('[data-testid=message]')
      .waitFor({ state: 'detached', timeout: 5000 })
      .then(() => true)
      .catch(() => false);
  }
}
