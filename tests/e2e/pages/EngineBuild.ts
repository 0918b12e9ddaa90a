import type { Page } from 'playwright-core';

/**
 * The engine's build after a large workbook's grid is shown, as a test sees it: slowed (each task
 * it queues waits longer), and whether it is done (the `pb:engine-ready` mark).
 */
export class EngineBuildModel {
  constructor(readonly page: Page) {}

  /**
   * Before the page loads: every task queued with no delay (as the build's steps are) waits `ms`
   * milliseconds instead, so that a build of a few thousand rows takes seconds.
   */
  async slowTasks(ms: number): Promise<void> {
    await this.page.addInitScript(
      `(() => {
        const set = window.setTimeout.bind(window);
        window.setTimeout = (fn, delay, ...args) => set(fn, delay ? delay : ${ms}, ...args);
      })();`,
    );
  }

  /** Whether the opened workbook's engine is built. */
  isReady(): Promise<boolean> {
    return this.page.evaluate("performance.getEntriesByName('pb:engine-ready').length > 0");
  }

  /** Waits for the engine to be built. */
  async waitReady(): Promise<void> {
    await this.page.waitForFunction("performance.getEntriesByName('pb:engine-ready').length > 0");
  }
}
