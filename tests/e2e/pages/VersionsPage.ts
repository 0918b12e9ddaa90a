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

  /** The unit line above a comparison's figures (`ĐVT: triệu đồng`), '' when none. */
  async unitLine(): Promise<string> {
    const l = this.page.locator('[data-testid=compare-unit]');
    return (await l.count()) ? l.innerText() : '';
  }

  /** Rows of the changed-cells table: project, column, before, after, kind. */
  async changes(): Promise<string[][]> {
    return this.page
      .locator('[data-testid=compare-changes] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
  }

  /** Adds a file as a version and waits for it on the timeline. */
  async addFile(path: string): Promise<void> {
    const name = path.split('/').pop()!;
    await this.page.setInputFiles('[data-testid=version-file]', path);
    await this.page.waitForSelector(`[data-testid=version-list] li[data-version="${name}"]`);
  }

  /** Compares two versions picked by their labels (a: before, b: after). */
  async compare(a: string, b: string): Promise<void> {
    await this.page.selectOption('[data-testid=compare-a]', { label: a });
    await this.page.selectOption('[data-testid=compare-b]', { label: b });
    await this.page.click('[data-testid=compare-run]');
    await this.page.waitForSelector('[data-testid=compare-view]');
  }

  /** The items of a list of the comparison (compare-added, compare-removed, compare-renamed…). */
  async list(testid: string): Promise<string[]> {
    const items = this.page.locator(`[data-testid=${testid}] li:not(.pb-none)`);
    return (await items.allInnerTexts()).map((x) => x.trim());
  }

  /** Clicks a button of the list item holding `text` in a comparison list; waits for the redraw. */
  async answer(testid: string, text: string, button: string): Promise<void> {
    const before = await this.summary();
    await this.page
      .locator(`[data-testid=${testid}] li`, { hasText: text })
      .locator('button', { hasText: button })
      .click();
    await this.page.waitForFunction(
      (old) => document.querySelector('[data-testid=compare-summary]')?.textContent !== old,
      before,
    );
  }

  summary(): Promise<string> {
    return this.page.locator('[data-testid=compare-summary]').innerText();
  }

  /** Restores a version into the open workbook; resolves with the message shown. */
  async restore(name: string): Promise<string> {
    await this.version(name).locator('[data-testid=version-restore]').click();
    // the message that says the restore happened (an earlier one may name the same file)
    const msg = this.page.locator('[data-testid=versions-message]', {
      hasText: new RegExp(
        `(khôi phục|restored).*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
        'i',
      ),
    });
    await msg.waitFor();
    return msg.innerText();
  }

  /** Turns on compare mode against a version (its changed cells coloured in the sheet). */
  async highlight(name: string): Promise<void> {
    await this.version(name).locator('button', { hasText: 'Tô màu' }).click();
    await this.page.waitForSelector('[data-testid=compare-banner]');
  }

  async back(): Promise<void> {
    await this.page.click('[data-testid=versions-back]');
    await this.page.waitForSelector('[data-testid=plan-grid] .ag-row');
  }
}
