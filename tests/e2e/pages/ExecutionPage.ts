/** Page model: following a year's execution (start from the plan, import, pair, edit, export). */
import type { Locator, Page } from 'playwright-core';

export class ExecutionPageModel {
  constructor(readonly page: Page) {}

  /** From an open workbook: its versions page, then a new tracking of `year` from the plan. */
  async start(year: number): Promise<void> {
    await this.page.click('[data-testid=versions-toggle]');
    await this.page.waitForSelector('[data-testid=exec-start]');
    await this.page.selectOption('[data-testid=exec-year]', String(year));
    await this.page.click('[data-testid=exec-start-button]');
    await this.page.waitForSelector('[data-testid=exec-view]');
  }

  /** Imports a report file; the message it leaves (a new one: the last import's is not read). */
  async importReport(path: string): Promise<string> {
    const msg = this.page.locator('[data-testid=exec-message]');
    const before = (await msg.count()) ? await msg.innerText() : null;
    await this.page.setInputFiles('[data-testid=exec-import]', path);
    await this.page.waitForFunction((old) => {
      const el = document.querySelector('[data-testid=exec-message]');
      return !!el && el.textContent !== old;
    }, before);
    return msg.innerText();
  }

  unmatched(): Locator {
    return this.page.locator('[data-testid=exec-unmatched-line]');
  }

  /** Pairs the unmatched line named `line` with the project whose option starts with `project`. */
  async pair(line: string, project: string): Promise<void> {
    const li = this.unmatched().filter({ hasText: line });
    const select = li.locator('[data-testid=exec-pair-select]');
    const value = await select.evaluate(
      (el, start) =>
        [...(el as HTMLSelectElement).options].find((o) => o.text.startsWith(start))?.value ?? '',
      project,
    );
    await select.selectOption(value);
    await li.locator('[data-testid=exec-pair]').click();
    await li.waitFor({ state: 'detached' });
  }

  /** The grid's row id of the line of a project (name start) and source, scrolled into view. */
  async rowId(name: string, source: string): Promise<string> {
    const id = await this.page.evaluate(
      ([n, s]) => {
        type Node = { id?: string; data?: { name: string; source: string } };
        const api = (
          window as unknown as {
            __execGrid: {
              forEachNode: (f: (x: Node) => void) => void;
              ensureNodeVisible: (x: Node, pos: string) => void;
            };
          }
        ).__execGrid;
        let found: Node | null = null;
        api.forEachNode((x) => {
          if (!found && x.data?.name.startsWith(n) && x.data.source === s) found = x;
        });
        if (!found) return '';
        api.ensureNodeVisible(found, 'middle');
        return (found as Node).id ?? '';
      },
      [name, source],
    );
    if (!id) throw new Error(`no row ${name} / ${source}`);
    await this.cell(id, 'plan').waitFor();
    return id;
  }

  cell(rowId: string, col: string): Locator {
    return this.page.locator(
      `[data-testid=exec-grid] .ag-row[row-id="${rowId}"] [col-id="${col}"]`,
    );
  }

  /** Types a figure into a cell (Vietnamese number style) and commits it with Enter. */
  async type(rowId: string, col: string, text: string): Promise<void> {
    const c = this.cell(rowId, col);
    await c.scrollIntoViewIfNeeded();
    await c.dblclick();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Exports the execution report (.xlsx) and saves it as `file`; resolves with `file`. */
  async exportXlsx(file: string): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.click('[data-testid=exec-export-xlsx]');
    await (await download).saveAs(file);
    return file;
  }

  async totalDisbursed(): Promise<string> {
    return this.page.locator('[data-testid=exec-total-disbursed]').innerText();
  }

  async commits(): Promise<number> {
    return Number(await this.page.getAttribute('[data-testid=exec-save-state]', 'data-commits'));
  }

  /** Waits until more than `after` changes are stored and the page says "Đã lưu". */
  async waitSaved(after: number): Promise<void> {
    await this.page.waitForFunction((n) => {
      const el = document.querySelector('[data-testid=exec-save-state]');
      return (
        el?.getAttribute('data-state') === 'saved' && Number(el.getAttribute('data-commits')) > n
      );
    }, after);
  }
}
