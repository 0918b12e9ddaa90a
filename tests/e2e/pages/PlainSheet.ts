/** Page model: a plain grid sheet (values and formulas kept as imported). */
import type { CDPSession, Locator, Page } from 'playwright-core';

export class PlainSheetModel {
  private cdp: CDPSession | null = null;

  constructor(readonly page: Page) {}

  /** A cell by 0-based row and column. */
  cell(r: number, c: number): Locator {
    return this.page
      .locator(`[data-testid=plain-grid] .ag-row[row-index="${r}"] [col-id="${c}"]`)
      .first();
  }

  /** Types `text` into a cell and commits it with Enter. */
  async type(r: number, c: number, text: string): Promise<void> {
    await this.cell(r, c).dblclick();
    const input = this.page.locator('[data-testid=plain-grid] input').first();
    await input.fill(text);
    await input.press('Enter');
  }

  /** Selects a range: a click on one corner, Shift+click on the other (0-based cells). */
  async select(r0: number, c0: number, r1: number, c1: number): Promise<void> {
    await this.cell(r0, c0).click();
    await this.cell(r1, c1).click({ modifiers: ['Shift'] });
  }

  /**
   * Drags the fill handle of the selection (shown at its last cell's corner) with the mouse onto
   * cell (r, c), as a user extends a block down or right.
   */
  async dragFill(r: number, c: number): Promise<void> {
    const handle = this.page.locator('[data-testid=plain-grid] [data-testid=fill-handle]');
    await handle.waitFor();
    const h = (await handle.boundingBox())!;
    const to = (await this.cell(r, c).boundingBox())!;
    await this.page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 6 });
    await this.page.mouse.up();
  }

  /** Waits (up to 5 s) until `n` cells are shown selected; returns the last count seen. */
  async selectedIs(n: number): Promise<number> {
    const cells = this.page.locator('[data-testid=plain-grid] .ag-cell.pb-selected');
    let last = -1;
    for (const t0 = Date.now(); Date.now() - t0 < 5000;) {
      last = await cells.count();
      if (last === n) return last;
      await this.page.waitForTimeout(25);
    }
    return last;
  }

  /** How many lettered columns the sheet shows (its header cells, the gutter left out). */
  async columnCount(): Promise<number> {
    return this.page
      .locator('[data-testid=plain-grid] .ag-header-cell[col-id]:not([col-id="__row"])')
      .count();
  }

  /** Writes `text` to the system clipboard (what another program copied). */
  async clipboard(text: string): Promise<void> {
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  }

  /** The system clipboard's text. */
  clipboardText(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** The system clipboard's HTML ('' when it holds none). */
  clipboardHtml(): Promise<string> {
    return this.page.evaluate<string>(`(async () => {
      for (const item of await navigator.clipboard.read())
        if (item.types.includes('text/html')) return (await item.getType('text/html')).text();
      return '';
    })()`);
  }

  /**
   * An input method's composition on the focused cell (DevTools protocol): each step is the text
   * so far, then `commit` is inserted.
   */
  async compose(steps: string[], commit: string): Promise<void> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    for (const s of steps)
      await this.cdp.send('Input.imeSetComposition', {
        text: s,
        selectionStart: s.length,
        selectionEnd: s.length,
      });
    await this.cdp.send('Input.insertText', { text: commit });
  }

  /** Opens a sheet tab by its name. */
  async tab(name: string): Promise<void> {
    await this.page.locator('[data-testid=sheet-tabs] button', { hasText: name }).click();
  }

  /** Marks header rows (1-based) and turns the sheet into an appendix. */
  async convert(from: number, to: number): Promise<void> {
    await this.page.fill('[data-testid=convert-start]', String(from));
    await this.page.fill('[data-testid=convert-end]', String(to));
    await this.page.click('[data-testid=convert]');
  }
}
