/** Page model: an open workbook (grid, toolbar, save state, status line). */
import type { Locator, Page } from 'playwright-core';

export class WorkbookPageModel {
  constructor(readonly page: Page) {}

  /** A body cell by 0-based row index and column id. */
  cell(row: number, colId: string): Locator {
    return this.page
      .locator(
        `[data-testid=plan-grid] .ag-row[row-index="${row}"]:not([row-id^="pin:"]) [col-id="${colId}"]`,
      )
      .first();
  }

  /** A pinned total cell: k-th pinned bottom row (sources in order, then the grand total). */
  pinned(k: number, colId: string): Locator {
    return this.page
      .locator(`[data-testid=plan-grid] .ag-row[row-id^="pin:"]`)
      .nth(k)
      .locator(`[col-id="${colId}"]`);
  }

  /**
   * Waits (up to 5 s) until a computed figure, formatted as the grid formats it, is `want` — also
   * in a column the grid does not show (Planbook's own row total, issue 15). `row`: a row index,
   * `pin:k` (k-th pinned row) or `grand` (the pinned grand total, else the plan's Tổng cộng row).
   */
  async computedIs(row: number | `pin:${number}` | 'grand', colId: string, want: string) {
    let last = '';
    for (const t0 = Date.now(); Date.now() - t0 < 5000;) {
      last = await this.computed(row, colId);
      if (last === want) return last;
      await this.page.waitForTimeout(25);
    }
    return last;
  }

  /** A computed figure now, formatted as the grid formats it (rows as `computedIs` names them). */
  computed(row: number | `pin:${number}` | 'grand', colId: string): Promise<string> {
    return this.page.evaluate(
      ([r, c]) => {
        type Node = {
          data?: { cells?: Record<string, unknown>; kind?: string; totalSource?: string };
        };
        const api = (
          window as unknown as {
            __grid: {
              getDisplayedRowAtIndex: (i: number) => Node | undefined;
              getDisplayedRowCount: () => number;
              getPinnedBottomRowCount: () => number;
              getPinnedBottomRow: (i: number) => Node | undefined;
              getCellValue: (p: {
                rowNode: Node;
                colKey: string;
                useFormatter: boolean;
              }) => unknown;
            };
          }
        ).__grid;
        let node: Node | undefined;
        if (typeof r === 'number') node = api.getDisplayedRowAtIndex(r);
        else if (r.startsWith('pin:')) node = api.getPinnedBottomRow(Number(r.slice(4)));
        else if (api.getPinnedBottomRowCount())
          node = api.getPinnedBottomRow(api.getPinnedBottomRowCount() - 1);
        else
          // the plan's last Tổng cộng row, by plan index (under a filter the grid's API speaks
          // plan indexes, hidden rows included)
          for (let i = 0, n = api.getDisplayedRowAtIndex(0); n; n = api.getDisplayedRowAtIndex(++i))
            if (n.data?.kind === 'total' && !n.data.totalSource) node = n;
        if (!node) return '';
        const v = api.getCellValue({ rowNode: node, colKey: c as string, useFormatter: true });
        return v === null || v === undefined ? '' : String(v);
      },
      [row, colId] as const,
    );
  }

  /** A cell's text as shown (the focused cell's empty input-method slot, U+200B, left out). */
  async text(l: Locator): Promise<string> {
    return (await l.innerText()).replace(/\u200b/g, '').trim();
  }

  /** Polls the locator's text until it matches `want` (the name box follows the focus a render later); 5 s at most. */
  async textMatches(l: Locator, want: RegExp): Promise<string> {
    let last = '';
    for (const t0 = Date.now(); Date.now() - t0 < 5000;) {
      last = (await l.innerText().catch(() => '')).replace(/\u200b/g, '').trim();
      if (want.test(last)) return last;
      await this.page.waitForTimeout(25);
    }
    return last;
  }

  /** Waits (up to 5 s) until the element's text is `want`; returns the last text seen. */
  async textIs(l: Locator, want: string): Promise<string> {
    let last = '';
    for (const t0 = Date.now(); Date.now() - t0 < 5000;) {
      last = (await l.innerText().catch(() => '')).replace(/\u200b/g, '').trim();
      if (last === want) return last;
      await this.page.waitForTimeout(25);
    }
    return last;
  }

  /** Waits (up to 5 s) until the formula bar shows `want`; returns the last value seen. */
  async formulaIs(want: string): Promise<string> {
    const l = this.page.locator('[data-testid=formula-input]');
    let last = '';
    for (const t0 = Date.now(); Date.now() - t0 < 5000;) {
      last = await l.inputValue();
      if (last === want) return last;
      await this.page.waitForTimeout(25);
    }
    return last;
  }

  /** Waits for a status message matching `re`; returns its text. */
  async messageMatching(re: RegExp): Promise<string> {
    const l = this.page.locator('[data-testid=message]', { hasText: re });
    await l.waitFor({ timeout: 5000 }).catch(() => undefined);
    return (
      await this.message()
        .innerText()
        .catch(() => '')
    ).trim();
  }

  /** Makes a column visible (the grid virtualises columns). */
  async showColumn(colId: string): Promise<void> {
    await this.page.evaluate((id) => {
      const api = (window as unknown as { __grid?: { ensureColumnVisible: (c: string) => void } })
        .__grid;
      api?.ensureColumnVisible(id);
    }, colId);
  }

  /**
   * Focuses a cell (scrolled into view, as a click would) and types a value, committing with Enter,
   * at a person's pace: the first key once the cell holds the focus, the rest once the editor it
   * opened is up, Enter once the editor holds the text (a cell that opens no editor, as a total,
   * gets the keys anyway after a short wait, so that its refusal can be seen).
   */
  async type(row: number, colId: string, value: string): Promise<void> {
    await this.focus(row, colId);
    const soft = { timeout: 2000 };
    const editor = '[data-testid=plan-grid] input.pb-editor';
    await this.page
      .waitForFunction(
        (c) => {
          const a = document.activeElement;
          return !!a?.closest('[data-testid=plan-grid]') && a.getAttribute('col-id') === c;
        },
        colId,
        soft,
      )
      .catch(() => undefined);
    await this.page.keyboard.type(value.slice(0, 1));
    const up = await this.page
      .locator(editor)
      .waitFor(soft)
      .then(() => true)
      .catch(() => false);
    await this.page.keyboard.type(value.slice(1));
    if (up)
      await this.page
        .waitForFunction(
          ([sel, v]) => (document.querySelector(sel) as HTMLInputElement | null)?.value === v,
          [editor, value] as const,
          soft,
        )
        .catch(() => undefined);
    await this.page.keyboard.press('Enter');
  }

  /** Puts the grid's focus on a cell. */
  async focus(row: number, colId: string): Promise<void> {
    // a tab following another tab's saves may draw its grid again meanwhile (a new grid API,
    // the focus of the old one gone): the focus is given again until the range follows it
    for (let attempt = 1; ; attempt++) {
      await this.page.waitForFunction(() => !!(window as unknown as { __grid?: unknown }).__grid);
      await this.page.evaluate(
        ([r, c]) => {
          const api = (
            window as unknown as {
              __grid: {
                ensureIndexVisible: (i: number) => void;
                ensureColumnVisible: (c: string) => void;
                setFocusedCell: (i: number, c: string) => void;
              };
            }
          ).__grid;
          api.ensureIndexVisible(r as number);
          api.ensureColumnVisible(c as string);
          api.setFocusedCell(r as number, c as string);
        },
        [row, colId],
      );
      // the grid reports focus asynchronously; the range follows it
      const followed = await this.page
        .waitForFunction(
          ([r, c]) =>
            document
              .querySelector(`.ag-row[row-index="${r}"]:not([row-id^="pin:"]) [col-id="${c}"]`)
              ?.classList.contains('pb-selected'),
          [row, colId],
          { timeout: attempt < 4 ? 5000 : 15000 },
        )
        .then(() => true)
        .catch((e: unknown) => {
          if (attempt >= 4) throw e;
          return false;
        });
      if (followed) return;
    }
  }

  saveState(): Promise<string | null> {
    return this.page.getAttribute('[data-testid=save-state]', 'data-state');
  }

  /** Changes this tab has committed to IndexedDB so far. */
  async commits(): Promise<number> {
    return Number(await this.page.getAttribute('[data-testid=save-state]', 'data-commits'));
  }

  /** Waits until more than `after` changes are committed and the app says "Đã lưu". */
  async waitSaved(after: number): Promise<void> {
    await this.page.waitForFunction((n) => {
      const el = document.querySelector('[data-testid=save-state]');
      return (
        el?.getAttribute('data-state') === 'saved' && Number(el.getAttribute('data-commits')) > n
      );
    }, after);
  }

  message(): Locator {
    return this.page.locator('[data-testid=message]');
  }

  async action(name: string): Promise<void> {
    await this.page.click(`[data-action=${name}]`);
  }

  /** Selects a column's cells from row r0 to r1 (focus the first, Shift+click the last). */
  async selectCells(r0: number, r1: number, colId: string): Promise<void> {
    await this.focus(r0, colId);
    await this.cell(r1, colId).click({ modifiers: ['Shift'] });
  }

  /** Waits (up to 5 s) until the status line's selection figures match `re`; returns the last seen. */
  async statsMatching(re: RegExp): Promise<string> {
    const stats = this.page.locator('[data-testid=selection-stats]');
    let last = '';
    for (const t0 = Date.now(); Date.now() - t0 < 5000;) {
      last = (await stats.innerText({ timeout: 200 }).catch(() => '')).trim();
      if (re.test(last)) return last;
      await this.page.waitForTimeout(25);
    }
    return last;
  }
}
