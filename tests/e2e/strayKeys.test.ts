/**
 * Keys pressed while the grid draws the focused cell's row again (a scroll, a commit, a row
 * inserted): the browser's focus is on the page's body until the grid focuses the new cell, a
 * task later. A digit, Enter or a shortcut pressed then reaches the focused cell all the same.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite } from './harness';
import { type Key, KeyboardPageModel } from './pages/KeyboardPage';

const suite = e2eSuite();
const open = async () => new KeyboardPageModel((await suite.sample()).page);

// the sample: rows 1–6 are projects of section "1"; column y2011_dtpt holds – in row 2
const A = 'y2011_dtpt';
const digits = (s: string): Key[] =>
  [...s].map((ch) =>
    ch === '\r' ? { key: 'Enter', code: 'Enter' } : { key: ch, code: `Digit${ch}` },
  );
const addProject: Key = { key: '+', code: 'Equal', ctrlKey: true, shiftKey: true };

describe('keys while the focused cell is drawn again', () => {
  it('digits and Enter sent while the row is redrawn land in the cell, Enter moves down', async () => {
    const wb = await open();
    await wb.focus(2, A);
    await wb.activeIs(`cell:2:${A}`);
    assert.equal(await wb.keysWhileRedrawn(digits('777\r')), true, 'the focus was on the body');
    assert.equal(await wb.computedIs(2, A, '777'), '777');
    assert.equal(await wb.activeIs(`cell:3:${A}`), `cell:3:${A}`);
  });

  it('a shortcut sent while the row is redrawn acts on the focused cell', async () => {
    const wb = await open();
    const n = await wb.rowCount();
    await wb.focus(3, 'name');
    await wb.activeIs('cell:3:name');
    assert.equal(await wb.keysWhileRedrawn([addProject]), true, 'the focus was on the body');
    assert.equal(await wb.activeIs('cell:4:name'), 'cell:4:name');
    assert.equal(await wb.rowCount(), n + 1);
  });

  it('keys typed with the focus on the body go to the focused cell, shortcuts too', async () => {
    const wb = await open();
    const k = wb.page.keyboard;
    const n = await wb.rowCount();
    await wb.focus(2, A);
    await wb.dropFocus();
    await k.type('55');
    await k.press('Enter');
    assert.equal(await wb.computedIs(2, A, '55'), '55');
    assert.equal(await wb.activeIs(`cell:3:${A}`), `cell:3:${A}`);
    await wb.focus(3, 'name');
    await wb.dropFocus();
    await k.press('Control+Shift+Equal');
    assert.equal(await wb.activeIs('cell:4:name'), 'cell:4:name');
    assert.equal(await wb.rowCount(), n + 1);
  });

  it('letters and Vietnamese text typed after the new editor lost the focus to nothing are kept', async () => {
    // h212: 'M' opened the editor, a redraw took its focus to the body: AG Grid ended the edit,
    // 'ụ' (insertText, no key) went nowhere and 'c' opened a new one: the cell got 'c mới'
    const wb = await open();
    await wb.focus(7, 'name');
    await wb.activeIs('cell:7:name');
    await wb.dropFocusOnceEditing();
    await wb.page.keyboard.type('Mục mới');
    await wb.page.keyboard.press('Enter');
    assert.equal(await wb.textIs(wb.cell(7, 'name'), 'Mục mới'), 'Mục mới');
  });

  it('after a click elsewhere on the page, keys are not the grid’s', async () => {
    const wb = await open();
    await wb.focus(2, A);
    const before = await wb.computed(2, A);
    // the header's save state: text outside the grid, which takes no focus
    await wb.page.click('[data-testid=save-state]');
    await wb.page.waitForFunction(() => document.activeElement === document.body);
    await wb.page.keyboard.type('9');
    assert.equal(await wb.editorText(), null);
    assert.equal(await wb.computed(2, A), before);
  });
});
