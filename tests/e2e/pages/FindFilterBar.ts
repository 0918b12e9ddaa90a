/** Page model: the find bar (Ctrl+F, Ctrl+H), the row filters and the checks panel's dock. */
import type { Locator, Page } from 'playwright-core';

export class FindFilterBar {
  constructor(readonly page: Page) {}

  bar(): Locator {
    return this.page.locator('[data-testid=find-bar]');
  }

  /** Opens the bar with Ctrl+F and types a query. */
  async find(query: string): Promise<void> {
    await this.page.keyboard.press('Control+f');
    const input = this.page.locator('[data-testid=find-input]');
    await input.waitFor();
    await input.fill(query);
  }

  /** Opens the bar with Ctrl+H and types the query and its replacement. */
  async findReplace(query: string, replacement: string): Promise<void> {
    await this.page.keyboard.press('Control+h');
    const input = this.page.locator('[data-testid=find-input]');
    await input.waitFor();
    await input.fill(query);
    await this.page.locator('[data-testid=replace-input]').fill(replacement);
  }

  /** Clicks "Thay tất cả" and waits for what the bar says it did. */
  async replaceAll(): Promise<string> {
    await this.page.click('[data-testid=replace-all]');
    return this.said().innerText();
  }

  /** Clicks "Thay thế" (the current cell, then the next). */
  async replaceOne(): Promise<void> {
    await this.page.click('[data-testid=replace-one]');
  }

  /** What the last replacement did, as the bar says it. */
  said(): Locator {
    return this.page.locator('[data-testid=replace-said]');
  }

  async next(): Promise<void> {
    await this.page.locator('[data-testid=find-input]').press('Enter');
  }

  async prev(): Promise<void> {
    await this.page.locator('[data-testid=find-input]').press('Shift+Enter');
  }

  /** Finds a query once its search is done, goes to its first hit, returns the count (`1/3`). */
  async findFirst(query: string): Promise<string> {
    await this.find(query);
    const searching = this.count().filter({ hasText: 'Đang tìm' });
    await searching.waitFor({ state: 'detached' });
    await this.next();
    return this.count().innerText();
  }

  /** The grid's focused cell: pinned (`bottom`: a computed total) or not, its row id and column. */
  focused(): Promise<{ pinned: string | null; rowId: string; col: string } | null> {
    return this.page.evaluate(`(() => {
      const g = window.__grid;
      const f = g.getFocusedCell();
      if (!f) return null;
      const node = f.rowPinned === 'bottom' ? g.getPinnedBottomRow(f.rowIndex) : null;
      return { pinned: f.rowPinned ?? null, rowId: node?.data?.id ?? '', col: f.column.getColId() };
    })()`);
  }

  count(): Locator {
    return this.page.locator('[data-testid=find-count]');
  }

  /** Shows the filters (through the header's button) and picks a lead unit. */
  async filterUnit(unit: string): Promise<void> {
    if (!(await this.bar().isVisible())) await this.page.click('[data-testid=find-open]');
    await this.page.selectOption('[data-testid=filter-unit]', unit);
    await this.page.locator('[data-testid=filtering]').waitFor();
  }

  /** The lead units the filter offers (shows the filters first). */
  async unitChoices(): Promise<string[]> {
    if (!(await this.bar().isVisible())) await this.page.click('[data-testid=find-open]');
    const options = this.page.locator('[data-testid=filter-unit] option');
    return (await options.allInnerTexts()).map((x) => x.trim()).filter((x) => x !== '(tất cả)');
  }

  async clearFilter(): Promise<void> {
    await this.page.click('[data-testid=filter-clear]');
  }

  /** The "filtered" mark. */
  filtering(): Locator {
    return this.page.locator('[data-testid=filtering]');
  }

  /** Names of the body rows the grid shows (rendered ones), top to bottom. */
  async shownNames(): Promise<string[]> {
    return this.page.evaluate(() => {
      const byIndex = new Map<number, string>();
      for (const cell of document.querySelectorAll(
        '[data-testid=plan-grid] .ag-row:not([row-id^="pin:"]) [col-id=name]',
      )) {
        const row = cell.closest('.ag-row')!;
        byIndex.set(Number(row.getAttribute('row-index')), (cell.textContent ?? '').trim());
      }
      return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
    });
  }

  /** A body cell by row id (under a filter the grid's row-index is the displayed one). */
  cellByRow(rowId: string, colId: string): Locator {
    return this.page
      .locator(`[data-testid=plan-grid] .ag-row[row-id="${rowId}"] [col-id="${colId}"]`)
      .first();
  }

  /** The id of the plan's row at a plan index (through the grid). */
  rowId(index: number): Promise<string> {
    return this.page.evaluate(
      (i) =>
        (
          window as unknown as {
            __grid: { getDisplayedRowAtIndex: (i: number) => { id: string } | undefined };
          }
        ).__grid.getDisplayedRowAtIndex(i)!.id,
      index,
    );
  }

  async collapseChecks(): Promise<void> {
    await this.page.click('[data-testid=checks-collapse]');
    await this.page.locator('[data-testid=checks-strip]').waitFor();
  }

  async expandChecks(): Promise<void> {
    await this.page.click('[data-testid=checks-expand]');
    await this.page.locator('[data-testid=checks-dock]').waitFor();
  }

  /** The checks panel's width on screen (px), 0 when collapsed. */
  async checksWidth(): Promise<number> {
    const box = await this.page.locator('[data-testid=checks-dock]').boundingBox();
    return Math.round(box?.width ?? 0);
  }

  /** Drags the panel's left edge by dx pixels (negative: wider). */
  async dragChecksEdge(dx: number): Promise<void> {
    const box = (await this.page.locator('[data-testid=checks-resize]').boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + 40;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y);
    await this.page.mouse.move(x + dx, y);
    await this.page.mouse.up();
  }
}
