/** Page model: the form panel of an open workbook (metadata, columns, years and sources). */
import type { Locator, Page } from 'playwright-core';

export class FormPanelModel {
  constructor(readonly page: Page) {}

  /** Shows the panel (the header's Thông tin biểu mẫu button). */
  async show(): Promise<void> {
    if (await this.page.locator('[data-testid=form-panel]').count()) return;
    await this.page.click('[data-testid=form-toggle]');
    await this.page.waitForSelector('[data-testid=form-panel]');
  }

  /** A field of the panel by its key (`title`, `sheetTitle`, `sheetName`, `issuingBody`…). */
  field(key: string): Locator {
    return this.page.locator(`[data-testid=form-${key}]`);
  }

  /** Types a field's new text and commits it (Enter leaves the field: one step). */
  async set(key: string, text: string): Promise<void> {
    const f = this.field(key);
    await f.fill(text);
    await f.press('Enter');
  }

  /** Picks the document type. */
  async docType(type: string): Promise<void> {
    await this.field('docType').selectOption(type);
  }

  /** Adds a column of a kind (`text`, `amount`, `stated`, `value`) with its header (or source). */
  async addColumn(kind: string, label: string): Promise<void> {
    await this.page.selectOption('[data-testid=form-add-kind]', kind);
    await this.page.fill('[data-testid=form-add-label]', label);
    await this.page.click('[data-testid=form-add-column]');
  }

  /** Adds a year to every appendix. */
  async addYear(year: number): Promise<void> {
    await this.page.fill('[data-testid=form-year-input]', String(year));
    await this.page.click('[data-testid=form-add-year]');
  }

  /** The grid's header texts, left to right (groups and leaves). */
  async headers(): Promise<string[]> {
    return this.page
      .locator(
        '[data-testid=plan-grid] .ag-header-cell-text, [data-testid=plan-grid] .ag-header-group-text',
      )
      .allInnerTexts();
  }

  /** The col-id of the grid's column whose header reads `text`, or null. */
  async colIdOf(text: string): Promise<string | null> {
    const cell = this.page
      .locator('[data-testid=plan-grid] .ag-header-cell', { hasText: text })
      .first();
    return (await cell.count()) ? cell.getAttribute('col-id') : null;
  }
}
