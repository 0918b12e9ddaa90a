/**
 * Keys at scanner rate (a barcode reader, a number pad typed blind): `12345` Enter arriving within
 * a millisecond on cell after cell, before the cell editor is up. Every key reaches its cell, in
 * order: typed through Playwright with no delay and dispatched through CDP without waiting.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite } from './harness';
import type { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
// the sample on the file's shared page, reset before each test (no fresh profile per test)
const open = () => suite.sample();

// rows 8–18: the projects of section I.2 (row 7); the page is short, so Enter scrolls down them
const ROWS = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18];
const COLS = ['y2013_dtpt', 'y2013_sn', 'y2014_dtpt'];

/** A figure as the grid shows it in Vietnamese (`12.345`). */
const shown = (v: number) => v.toLocaleString('vi-VN');

/** A key event for CDP's `Input.dispatchKeyEvent`. */
interface CdpKey {
  type: 'keyDown' | 'keyUp';
  key: string;
  code: string;
  windowsVirtualKeyCode: number;
  nativeVirtualKeyCode: number;
  location?: number;
  text?: string;
  unmodifiedText?: string;
}

/** One key's CDP events: down (with its text) and up; `pad` as typed on the number pad. */
function keyEvents(ch: string, pad: boolean): CdpKey[] {
  const enter = ch === '\r';
  const key = enter ? 'Enter' : ch;
  const code = enter ? (pad ? 'NumpadEnter' : 'Enter') : `${pad ? 'Numpad' : 'Digit'}${ch}`;
  const vk = enter ? 13 : ch.charCodeAt(0);
  const common = { key, code, windowsVirtualKeyCode: vk, nativeVirtualKeyCode: vk };
  const location = pad ? { location: 3 } : {};
  return [
    { type: 'keyDown', ...common, ...location, text: ch, unmodifiedText: ch },
    { type: 'keyUp', ...common, ...location },
  ];
}

/**
 * Key events for `chars` sent to whatever holds the focus, all in one task of the page: each key
 * arrives before the page could draw anything, so before the editor the first one opens is up.
 */
function sameTask(chars: string): string {
  return `(() => {
    for (const ch of ${JSON.stringify(chars)}) {
      const key = ch === '\\r' ? 'Enter' : ch;
      const code = key === 'Enter' ? 'Enter' : 'Digit' + ch;
      const init = { key, code, bubbles: true, cancelable: true, composed: true };
      const at = document.activeElement;
      at.dispatchEvent(new KeyboardEvent('keydown', init));
      at.dispatchEvent(new KeyboardEvent('keyup', init));
    }
  })()`;
}

/**
 * Types a value into each of `ROWS` down each of `COLS` (`base` + column × 1000 + row), every
 * value followed by Enter, through `send` (the values of one column, its index), and checks that
 * each value landed in its own cell.
 */
async function downColumns(
  base: number,
  send: (wb: WorkbookPageModel, want: number[], n: number) => Promise<void>,
): Promise<void> {
  const wb = await open();
  // a short page: Enter scrolls down the rows
  await wb.page.setViewportSize({ width: 1200, height: 420 });
  for (const [n, col] of COLS.entries()) {
    await wb.focus(ROWS[0], col);
    // the keys go where the page's focus is: on the cell, once the grid has put it there
    await wb.page.waitForFunction(
      `document.activeElement?.closest('.ag-row')?.getAttribute('row-index') === '${ROWS[0]}' &&
        document.activeElement.getAttribute('col-id') === '${col}'`,
    );
    const want = ROWS.map((r) => base + 1000 * n + r);
    await send(wb, want, n);
    for (const [k, r] of ROWS.entries())
      assert.equal(
        await wb.computedIs(r, col, shown(want[k])),
        shown(want[k]),
        `${col} ${r}: ${await Promise.all(ROWS.map((i) => wb.computed(i, col)))}`,
      );
  }
  await wb.page.close();
}

describe('typing in bursts', () => {
  it('keyboard.type with no delay, then Enter, down a column: each value lands exactly', () =>
    downColumns(12345, async (wb, want) => {
      for (const v of want) {
        await wb.page.keyboard.type(String(v), { delay: 0 });
        await wb.page.keyboard.press('Enter');
      }
    }));

  it('CDP key events sent all at once (digits and number pad): each value lands exactly', () =>
    downColumns(54321, async (wb, want, n) => {
      const cdp = await wb.page.context().newCDPSession(wb.page);
      const events = want.flatMap((v, k) =>
        [...`${v}\r`].flatMap((ch) => keyEvents(ch, (k + n) % 2 === 1)),
      );
      // no wait between events: the browser queues them as a scanner's keys arrive
      await Promise.all(events.map((e) => cdp.send('Input.dispatchKeyEvent', e)));
      await cdp.detach();
    }));

  it('a whole burst within one task of the page (before any editor is up): nothing is lost', () =>
    downColumns(23456, async (wb, want) => {
      await wb.page.evaluate(sameTask(want.map((v) => `${v}\r`).join('')));
    }));

  it('a Telex composition then digits and Enter, all sent at once, cell after cell', async () => {
    const wb = await open();
    const cdp = await wb.page.context().newCDPSession(wb.page);
    await wb.focus(ROWS[0], 'name');
    const sends: Promise<unknown>[] = [];
    for (const r of ROWS) {
      for (const t of ['V', 'Vi', 'Vie', 'Viê', 'Việ', 'Việt'])
        sends.push(
          cdp.send('Input.imeSetComposition', {
            text: t,
            selectionStart: t.length,
            selectionEnd: t.length,
          }),
        );
      sends.push(cdp.send('Input.insertText', { text: 'Việt' }));
      for (const e of [...`${r}\r`].flatMap((ch) => keyEvents(ch, false)))
        sends.push(cdp.send('Input.dispatchKeyEvent', e));
    }
    await Promise.all(sends);
    for (const r of ROWS) assert.equal(await wb.computedIs(r, 'name', `Việt${r}`), `Việt${r}`);
    await wb.page.close();
  });
});
