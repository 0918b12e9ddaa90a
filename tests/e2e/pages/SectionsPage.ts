/** Page model: adding sections from the keyboard and reading a row's place in the tree. */
import type { Page } from 'playwright-core';
import { WorkbookPageModel } from './WorkbookPage';

export class SectionsPageModel extends WorkbookPageModel {
  constructor(page: Page) {
    super(page);
  }

  /** Alt+Shift+= on row `row` (add a section below it), as an officer adds one. */
  async addSectionBelow(row: number): Promise<void> {
    await this.focus(row, 'name');
    await this.page.keyboard.press('Alt+Shift+=');
  }

  /** Alt+↑ / Alt+↓ on row `row`: moves it (with its rows) up or down, as an officer does. */
  async moveByKey(row: number, dir: 'up' | 'down'): Promise<void> {
    await this.focus(row, 'name');
    await this.page.keyboard.press(dir === 'up' ? 'Alt+ArrowUp' : 'Alt+ArrowDown');
  }

  /** Waits (up to 5 s) until row `i` has kind and level `want` (`section:1`); returns the last seen. */
  async shapeIs(i: number, want: string): Promise<string> {
    let last = '';
    for (const t0 = Date.now(); Date.now() - t0 < 5000;) {
      last = await this.page.evaluate((k) => {
        const api = (
          window as unknown as {
            __grid: {
              getDisplayedRowAtIndex: (
                i: number,
              ) => { data?: { kind: string; level: number } } | undefined;
            };
          }
        ).__grid;
        const d = api.getDisplayedRowAtIndex(k)?.data;
        return d ? `${d.kind}:${d.level}` : '';
      }, i);
      if (last === want) return last;
      await this.page.waitForTimeout(25);
    }
    return last;
  }
}
