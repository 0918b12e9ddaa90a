/** Page model: a consolidation workbook (Sổ tổng hợp). */
import type { Locator, Page } from 'playwright-core';

export class ConsolidationPageModel {
  constructor(readonly page: Page) {}

  /** Creates a consolidation from the start page; waits for it to open. */
  async create(o: {
    title: string;
    firstYear: number;
    years: number;
    units: string[];
  }): Promise<void> {
    const p = this.page;
    await p.click('[data-testid=new-consolidation] summary');
    await p.fill('[data-testid=c-title]', o.title);
    await p.fill('[data-testid=c-first-year]', String(o.firstYear));
    await p.fill('[data-testid=c-years]', String(o.years));
    await p.fill('[data-testid=c-units]', o.units.join('\n'));
    await p.click('[data-testid=c-create]');
    await p.waitForSelector('[data-testid=consolidation]');
  }

  /** Drops files on the consolidation's drop zone, as a user dragging several at once. */
  async drop(files: { name: string; bytes: Buffer }[]): Promise<void> {
    await this.page.evaluate(
      (list) => {
        const dt = new DataTransfer();
        for (const [n, data] of list)
          dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], n));
        const zone = document.querySelector('[data-testid=c-drop]')!;
        for (const type of ['dragover', 'drop'])
          zone.dispatchEvent(
            new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
          );
      },
      files.map((f) => [f.name, f.bytes.toString('base64')] as const),
    );
    await this.page.waitForSelector(`[data-testid=c-pending] tr >> nth=${files.length - 1}`);
  }

  /** Drops files and receives them (the files waiting are then gone). */
  async receive(files: { name: string; bytes: Buffer }[]): Promise<void> {
    await this.drop(files);
    await this.page.click('[data-testid=c-receive]');
    await this.page.waitForSelector('[data-testid=c-pending]', { state: 'detached' });
  }

  /**
   * Opens the unit's submission in force from the status board and removes it (Gỡ bản nộp),
   * accepting the confirmation; resolves with the confirmation's text.
   */
  async withdraw(unit: string): Promise<string> {
    const p = this.page;
    await this.tab('board');
    await this.boardRow(unit).click();
    await p.waitForSelector('[data-testid=c-submission]');
    const asked = new Promise<string>((done) =>
      p.once('dialog', (d) => {
        done(d.message());
        void d.accept();
      }),
    );
    await p.click('[data-testid=c-withdraw]');
    return asked;
  }

  /** Types a proposed amount into a cell of the consolidated grid (the appendix tab open). */
  async propose(rowKey: string, colId: string, text: string): Promise<void> {
    await this.cell(rowKey, colId).dblclick();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Receives what the departments sent through the server; resolves with the message shown. */
  async fetchFromServer(url: string, plan: string, token: string): Promise<string> {
    const p = this.page;
    if (!(await p.locator('[data-testid=c-server][open]').count()))
      await p.click('[data-testid=c-server] summary');
    await p.fill('[data-testid=c-server-url]', url);
    await p.fill('[data-testid=c-server-plan]', plan);
    await p.fill('[data-testid=c-server-token]', token);
    // the click clears the last message and disables the button until the server answers
    await p.click('[data-testid=c-server-fetch]');
    await p.waitForSelector('[data-testid=c-server-fetch]:not(:disabled)');
    return p.locator('[data-testid=c-server-message]').innerText();
  }

  tab(name: 'board' | 'appendix' | 'duplicates'): Promise<void> {
    return this.page.click(`[data-testid=c-tab-${name}]`);
  }

  /** A line of the status board. */
  boardRow(unit: string): Locator {
    return this.page.locator(`[data-testid=c-board] tbody tr[data-unit="${unit}"]`);
  }

  /** A cell of the consolidated grid (row key, column id such as `y2026_dtpt:p`). */
  cell(rowKey: string, colId: string): Locator {
    return this.page.locator(
      `[data-testid=c-grid] .ag-row[row-id="${rowKey}"] [col-id="${colId}"]`,
    );
  }

  /** A cell of the grand total row. */
  total(colId: string): Locator {
    return this.page.locator(
      `[data-testid=c-grid] .ag-row[row-id="pin:grand"] [col-id="${colId}"]`,
    );
  }

  /** Row key of the project whose name contains `name`. */
  async rowKey(name: string): Promise<string> {
    const row = this.page.locator('[data-testid=c-grid] .ag-row', {
      has: this.page.locator('[col-id=name]', { hasText: name }),
    });
    return (await row.first().getAttribute('row-id'))!;
  }

  /** Waits (up to 10 s) until the element's text is `want`; returns the last text seen. */
  async textIs(l: Locator, want: string): Promise<string> {
    let last = '';
    for (const t0 = Date.now(); Date.now() - t0 < 10_000;) {
      last = (
        (await l
          .first()
          .textContent({ timeout: 200 })
          .catch(() => '')) ?? ''
      ).trim();
      if (last === want) return last;
      await this.page.waitForTimeout(25);
    }
    return last;
  }

  /** Waits until every change is stored. */
  async saved(): Promise<void> {
    await this.page.waitForSelector(
      '[data-testid=consolidation] [data-testid=save-state][data-state=saved]',
    );
  }
}
