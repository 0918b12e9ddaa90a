/** Page model: the unit and year views of the open workbook. */
import type { Page } from 'playwright-core';

export class ViewsPageModel {
  constructor(readonly page: Page) {}

  async units(): Promise<void> {
    await this.page.click('[data-testid=view-units]');
    await this.page.waitForSelector('[data-testid=units-table] tbody tr');
  }

  async years(): Promise<void> {
    await this.page.click('[data-testid=view-years]');
    await this.page.waitForSelector('[data-testid=years-table] tbody tr');
  }

  /** A figure of a unit's row: `count`, `total`, or an amount column id. */
  unitCell(unit: string, field: string): Promise<string> {
    const row = this.page.locator(`[data-testid=units-table] tr[data-unit="${unit}"]`);
    const cell = /^(count|total)$/.test(field)
      ? row.locator(`td[data-field=${field}]`)
      : row.locator(`td[data-col=${field}]`);
    return cell.innerText();
  }

  /** A figure of a year's row (`amount-ĐTPT`, `gap-SN`, `amount-all`…). */
  yearCell(year: number, field: string): Promise<string> {
    return this.page
      .locator(`[data-testid=years-table] tr[data-year="${year}"] td[data-field="${field}"]`)
      .innerText();
  }

  /** The series a chart draws: [name, values][]. */
  async chart(testId: 'units-chart' | 'years-chart'): Promise<[string, number[]][]> {
    return JSON.parse(
      (await this.page.getAttribute(`[data-testid=${testId}]`, 'data-series')) ?? '[]',
    ) as [string, number[]][];
  }

  /** Ticks units in the units table and merges them under a name; waits for its row. */
  async merge(units: string[], name: string): Promise<void> {
    for (const u of units)
      await this.page.check(`[data-testid=units-table] tr[data-unit="${u}"] input[type=checkbox]`);
    await this.page.fill('[data-testid=merge-name]', name);
    await this.page.click('[data-testid=merge-units]');
    await this.page.waitForSelector(`[data-testid=units-table] tr[data-unit="${name}"]`);
  }

  async backToSheet(name = 'Phụ lục'): Promise<void> {
    await this.page.locator('[data-testid=sheet-tabs] button', { hasText: name }).first().click();
    await this.page.waitForSelector('[data-testid=plan-grid] .ag-row');
  }
}
