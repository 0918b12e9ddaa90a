/** Page model: typing and reading figures while a sheet shows another unit than the plan's. */
import type { Page } from 'playwright-core';
import { NumberingPageModel } from './NumberingPage';

export class DisplayUnitPageModel extends NumberingPageModel {
  constructor(page: Page) {
    super(page);
  }

  /** Opens the cell editor (F2) on a cell and returns the text it starts with; Escape closes it. */
  async editorText(row: number, colId: string): Promise<string> {
    await this.focus(row, colId);
    await this.page.keyboard.press('F2');
    const input = this.page.locator('input.pb-editor');
    await input.waitFor({ timeout: 5000 });
    const v = await input.inputValue();
    await this.page.keyboard.press('Escape');
    return v;
  }

  /** Selects from a cell down `rows` rows (Shift+↓) and returns the status line's figures. */
  async selectDown(row: number, colId: string, rows: number): Promise<string> {
    await this.focus(row, colId);
    for (let k = 0; k < rows; k++) await this.page.keyboard.press('Shift+ArrowDown');
    const l = this.page.locator('[data-testid=selection-stats]');
    await l.waitFor({ timeout: 5000 });
    return (await l.innerText()).trim();
  }
}
