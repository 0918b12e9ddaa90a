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

  /** Waits until the undo history kept in IndexedDB leads to the stored workbook's revision. */
  async waitHistoryKept(): Promise<void> {
    await this.page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const req = indexedDB.open('planbook');
          req.onerror = () => resolve(false);
          req.onsuccess = () => {
            const db = req.result;
            if (!db.objectStoreNames.contains('historyStates')) return resolve(db.close() ?? false);
            const tx = db.transaction(['workbooks', 'historyStates'], 'readonly');
            const wbs = tx.objectStore('workbooks').getAll();
            const hs = tx.objectStore('historyStates').getAll();
            tx.oncomplete = () => {
              const revs = new Map(
                (wbs.result as { id: string; rev: number }[]).map((w) => [w.id, w.rev]),
              );
              db.close();
              resolve(
                (hs.result as { workbookId: string; rev: number }[]).some(
                  (h) => revs.get(h.workbookId) === h.rev,
                ),
              );
            };
          };
        }),
      undefined,
      { polling: 100 },
    );
  }
}
