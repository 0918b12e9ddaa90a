/** Page model: the keyboard on an open workbook (focus, input methods, row menu, help, panes). */
import type { CDPSession, Locator } from 'playwright-core';
import { WorkbookPageModel } from './WorkbookPage';

export interface Focus {
  row: number;
  col: string;
}

/** A key as `keysWhileRedrawn` sends it (a character, `Enter`, a shortcut with its modifiers). */
export interface Key {
  key: string;
  code: string;
  ctrlKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
}

export class KeyboardPageModel extends WorkbookPageModel {
  private cdp: CDPSession | null = null;

  /** The grid's focused body cell (row index and column id), or null. */
  focused(): Promise<Focus | null> {
    return this.page.evaluate(() => {
      const api = (
        window as unknown as {
          __grid: {
            getFocusedCell: () => {
              rowIndex: number;
              rowPinned: string | null;
              column: { getColId: () => string };
            } | null;
          };
        }
      ).__grid;
      const f = api.getFocusedCell();
      return f && !f.rowPinned ? { row: f.rowIndex, col: f.column.getColId() } : null;
    });
  }

  /** Waits (up to 5 s) until the grid's focus is on `want`; returns the last focus seen. */
  async focusIs(want: Focus): Promise<Focus | null> {
    let last: Focus | null = null;
    for (const t0 = Date.now(); Date.now() - t0 < 5000;) {
      last = await this.focused();
      if (last && last.row === want.row && last.col === want.col) return last;
      await this.page.waitForTimeout(25);
    }
    return last;
  }

  /** The document's focused element, described: a grid cell as `cell:row:col`, else its pane. */
  activeElement(): Promise<string> {
    return this.page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return 'body';
      if (a.classList.contains('pb-editor')) return 'editor';
      const cell = a.closest('.ag-cell');
      if (cell && a.closest('[data-testid=plan-grid]'))
        return `cell:${cell.closest('.ag-row')?.getAttribute('row-index')}:${cell.getAttribute('col-id')}`;
      if (
        a.closest(
          '[data-testid=checks-dock], [data-testid=checks-strip], [data-testid=checks-panel]',
        )
      )
        return 'checks';
      if (a.closest('.pb-toolbar')) return 'toolbar';
      if (a.closest('.pb-header')) return 'header';
      if (a.closest('[data-testid=sheet-tabs]')) return 'tabs';
      if (a.closest('[data-testid=row-menu]')) return `menu:${a.getAttribute('data-action')}`;
      if (a.closest('[data-testid=key-help]')) return 'help';
      return a.tagName.toLowerCase();
    });
  }

  /** Waits until the focused element is `want` (see activeElement); returns the last seen. */
  async activeIs(want: string): Promise<string> {
    let last = '';
    for (const t0 = Date.now(); Date.now() - t0 < 5000;) {
      last = await this.activeElement();
      if (last === want) return last;
      await this.page.waitForTimeout(25);
    }
    return last;
  }

  /**
   * An input method's composition through the DevTools protocol: each step is the composition's
   * text so far (as a Telex keyboard shows it), then `commit` is inserted (ending it).
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

  /** Cancels a composition in progress (as Esc in an input method does). */
  async cancelComposition(steps: string[]): Promise<void> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    for (const s of steps)
      await this.cdp.send('Input.imeSetComposition', {
        text: s,
        selectionStart: s.length,
        selectionEnd: s.length,
      });
    await this.cdp.send('Input.imeSetComposition', {
      text: '',
      selectionStart: 0,
      selectionEnd: 0,
    });
  }

  /** The cell editor's current text, or null when no cell is being edited. */
  editorText(): Promise<string | null> {
    return this.page.evaluate(
      () => (document.querySelector('input.pb-editor') as HTMLInputElement | null)?.value ?? null,
    );
  }

  /** Waits (up to 5 s) until no cell is being edited; returns the editor's last text (null: closed). */
  async editorClosed(): Promise<string | null> {
    let last: string | null = null;
    for (const t0 = Date.now(); Date.now() - t0 < 5000;) {
      last = await this.editorText();
      if (last === null) return null;
      await this.page.waitForTimeout(25);
    }
    return last;
  }

  /**
   * Takes the browser's focus off the grid to nothing (as a redraw of the focused cell's row
   * does); the grid gives it back to the focused cell (strayKeys.ts): keys typed next are its.
   */
  async dropFocus(): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }

  /**
   * Once the next key has opened the focused cell's editor, takes the browser's focus off it to
   * nothing, as a redraw of its row does (the focus falls to the page's body).
   */
  async dropFocusOnceEditing(): Promise<void> {
    await this.page.evaluate(() => {
      const grid = document.querySelector('[data-testid=plan-grid]')!;
      new MutationObserver((_, o) => {
        const input = grid.querySelector<HTMLInputElement>('input.pb-editor');
        if (!input) return;
        o.disconnect();
        // once it holds the focus, in a task of its own (the grid's focus first)
        const drop = () => (document.activeElement === input ? input.blur() : setTimeout(drop, 0));
        setTimeout(drop, 0);
      }).observe(grid, { childList: true, subtree: true });
    });
  }

  /**
   * Draws the focused cell's row again and, while the browser's focus is off it (on the body,
   * before the grid gives it back), sends `keys` in one task of the page to whatever holds the
   * focus, each key after the one before has acted, as keys arrive; true when the first key found
   * the focus on the body (else the redraw kept it and the keys say nothing of a lost focus).
   */
  keysWhileRedrawn(keys: Key[]): Promise<boolean> {
    return this.page.evaluate(async (ks) => {
      const api = (
        window as unknown as {
          __grid: {
            getFocusedCell: () => { rowIndex: number } | null;
            getDisplayedRowAtIndex: (i: number) => unknown;
            redrawRows: (p: { rowNodes: unknown[] }) => void;
          };
        }
      ).__grid;
      const f = api.getFocusedCell();
      if (!f) return false;
      // (no named functions here: the test runner's transform would name them by a helper the
      // page does not have)
      const fns: ((e?: FocusEvent) => void)[] = [];
      fns.push(() => {
        for (const k of ks) {
          const init = { ...k, bubbles: true, cancelable: true, composed: true };
          document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', init));
          document.activeElement?.dispatchEvent(new KeyboardEvent('keyup', init));
        }
      });
      let lost = false;
      // this one loss is kept from the grid's own listener, which gives the focus back at once
      // (strayKeys.ts): the keys find the body, as keys arriving in that moment do
      fns.push((e) => {
        if (e?.relatedTarget !== null) return;
        document.removeEventListener('focusout', fns[1], true);
        e.stopImmediatePropagation();
        lost = true;
      });
      document.addEventListener('focusout', fns[1], true);
      api.redrawRows({ rowNodes: [api.getDisplayedRowAtIndex(f.rowIndex)] });
      // the old row goes as React draws the new one; the grid focuses its cell a task later
      for (let i = 0; i < 50 && document.activeElement !== document.body; i++)
        await new Promise((r) => setTimeout(r, 0));
      document.removeEventListener('focusout', fns[1], true);
      lost = lost && document.activeElement === document.body;
      fns[0]();
      return lost;
    }, keys);
  }

  /** Body rows in the grid. */
  rowCount(): Promise<number> {
    return this.page.evaluate(() =>
      (
        window as unknown as { __grid: { getDisplayedRowCount: () => number } }
      ).__grid.getDisplayedRowCount(),
    );
  }

  /** A row's kind and level as the grid holds them (`project:1`). */
  rowShape(i: number): Promise<string> {
    return this.page.evaluate((k) => {
      const api = (
        window as unknown as {
          __grid: {
            getDisplayedRowAtIndex: (i: number) => { data: { kind: string; level: number } };
          };
        }
      ).__grid;
      const d = api.getDisplayedRowAtIndex(k).data;
      return `${d.kind}:${d.level}`;
    }, i);
  }

  /** Whether the rendered cell (row, col) is in the selection. */
  selected(row: number, col: string): Promise<boolean> {
    return this.cell(row, col).evaluate((el) => el.classList.contains('pb-selected'));
  }

  menu(): Locator {
    return this.page.locator('[data-testid=row-menu]');
  }

  help(): Locator {
    return this.page.locator('[data-testid=key-help]');
  }
}
