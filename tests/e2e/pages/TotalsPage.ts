/** Page model: the totals of an open appendix (the plan's total rows, pinned rows, marked figures, export choice). */
import type { Download, Locator, Page } from 'playwright-core';

export class TotalsPageModel {
  constructor(readonly page: Page) {}

  /** A cell of a plan row, by the row's id (the row moves when rows are added above it). */
  cell(rowId: string, colId: string): Locator {
    return this.page
      .locator(`[data-testid=plan-grid] .ag-row[row-id="${rowId}"] [col-id="${colId}"]`)
      .first();
  }

  /** The computed figure shown beside a stated figure that differs from its rows. */
  beside(rowId: string, colId: string): Locator {
    return this.cell(rowId, colId).locator('[data-testid=computed-beside]');
  }

  /** The figure a cell shows (the computed one beside it left out). */
  async shown(rowId: string, colId: string): Promise<string> {
    return this.cell(rowId, colId).evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[data-testid=computed-beside]').forEach((b) => b.remove());
      return (copy.textContent ?? '').replace(/\u200b/g, '').trim();
    });
  }

  /** Whether the cell is marked as a stated figure that differs from its rows. */
  async marked(rowId: string, colId: string): Promise<boolean> {
    return /\bpb-stated-diff\b/.test((await this.cell(rowId, colId).getAttribute('class')) ?? '');
  }

  /** Waits (up to 5 s) until the computed figure beside the cell is `want`; returns the last seen. */
  async besideIs(rowId: string, colId: string, want: string): Promise<string> {
    let last = '';
    for (const t0 = Date.now(); Date.now() - t0 < 5000;) {
      last = (
        await this.beside(rowId, colId)
          .innerText({ timeout: 200 })
          .catch(() => '')
      ).trim();
      if (last === want) return last;
      await this.page.waitForTimeout(25);
    }
    return last;
  }

  /** The names of the grid's rows named `name` (the plan's rows and the pinned ones). */
  async rowsNamed(name: string): Promise<number> {
    return this.page
      .locator('[data-testid=plan-grid] .ag-row [col-id=name]', {
        hasText: new RegExp(`^${name}$`),
      })
      .count();
  }

  pinnedRows(): Locator {
    return this.page.locator('[data-testid=plan-grid] .ag-row[row-id^="pin:"]');
  }

  /** Waits (up to `ms`) until the grid pins `want` computed rows; returns the last count seen. */
  async pinnedCountIs(want: number, ms = 3000): Promise<number> {
    let last = -1;
    for (const t0 = Date.now(); Date.now() - t0 < ms;) {
      last = await this.pinnedRows().count();
      if (last === want) return last;
      await this.page.waitForTimeout(25);
    }
    return last;
  }

  /** Whether a column header is shown. */
  async headerShown(colId: string): Promise<boolean> {
    return (await this.page.locator(`.ag-header-cell[col-id="${colId}"]`).count()) > 0;
  }

  /** Clicks Excel export and waits for the stated-figures dialog. */
  async exportAsked(): Promise<Locator> {
    await this.page.click('[data-testid=export-xlsx]');
    const dialog = this.page.locator('[data-testid=stated-choice]');
    await dialog.waitFor();
    return dialog;
  }

  /** Answers the dialog; the download that follows (null when cancelled). */
  async choose(choice: 'formulas' | 'keep' | 'cancel'): Promise<Download | null> {
    if (choice === 'cancel') {
      await this.page.click('[data-testid=stated-cancel]');
      return null;
    }
    const download = this.page.waitForEvent('download');
    await this.page.click(`[data-testid=stated-${choice}]`);
    return download;
  }
}
