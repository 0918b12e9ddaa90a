import { describe, expect, it } from 'vitest';
import { en, vi } from '../strings';
import { edgeOf, gridCommand, KEY_HELP, type KeyLike, navTarget, type NavSheet } from './keymap';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('gridCommand', () => {
  it('maps Excel navigation keys', () => {
    expect(gridCommand(key('Home'))).toEqual({ kind: 'nav', to: 'rowStart', extend: false });
    expect(gridCommand(key('End'))).toEqual({ kind: 'nav', to: 'rowEnd', extend: false });
    expect(gridCommand(key('Home', { ctrlKey: true }))).toEqual({
      kind: 'nav',
      to: 'sheetStart',
      extend: false,
    });
    expect(gridCommand(key('End', { metaKey: true, shiftKey: true }))).toEqual({
      kind: 'nav',
      to: 'sheetEnd',
      extend: true,
    });
    expect(gridCommand(key('ArrowDown', { ctrlKey: true }))).toEqual({
      kind: 'nav',
      to: 'edgeDown',
      extend: false,
    });
    expect(gridCommand(key('ArrowLeft', { ctrlKey: true, shiftKey: true }))?.kind).toBe('nav');
    expect(gridCommand(key('PageDown'))).toEqual({ kind: 'nav', to: 'pageDown', extend: false });
    expect(gridCommand(key('PageUp', { shiftKey: true }))).toEqual({
      kind: 'nav',
      to: 'pageUp',
      extend: true,
    });
  });

  it('leaves plain arrows, Shift+arrows, letters and Ctrl+letters to the grid', () => {
    for (const k of ['ArrowDown', 'ArrowLeft', 'a', 'Enter', 'F2', 'Tab', 'Delete', ' '])
      expect(gridCommand(key(k)), k).toBeNull();
    expect(gridCommand(key('ArrowDown', { shiftKey: true }))).toBeNull();
    expect(gridCommand(key('c', { ctrlKey: true }))).toBeNull();
    expect(gridCommand(key('f', { ctrlKey: true }))).toBeNull();
  });

  it('selects rows and columns, opens the menu and the help', () => {
    expect(gridCommand(key(' ', { shiftKey: true }))).toEqual({ kind: 'selectRow' });
    expect(gridCommand(key(' ', { ctrlKey: true }))).toEqual({ kind: 'selectColumn' });
    expect(gridCommand(key('F10', { shiftKey: true }))).toEqual({ kind: 'menu' });
    expect(gridCommand(key('ContextMenu'))).toEqual({ kind: 'menu' });
    expect(gridCommand(key('F10'))).toBeNull();
    expect(gridCommand(key('F1'))).toEqual({ kind: 'help' });
    expect(gridCommand(key('?', { shiftKey: true }))).toEqual({ kind: 'help' });
  });

  it('maps the row shortcuts', () => {
    const action = (k: string, m: Partial<KeyLike>) => {
      const c = gridCommand(key(k, m));
      return c?.kind === 'action' ? c.action : null;
    };
    expect(action('ArrowRight', { altKey: true, shiftKey: true })).toBe('indent');
    expect(action('ArrowLeft', { altKey: true, shiftKey: true })).toBe('outdent');
    expect(action('=', { altKey: true, shiftKey: true })).toBe('addSection');
    expect(action('+', { ctrlKey: true, shiftKey: true })).toBe('addProject');
    expect(action('=', { ctrlKey: true, shiftKey: true })).toBe('addProject');
    expect(action('-', { ctrlKey: true })).toBe('deleteRow');
    expect(action('ArrowUp', { altKey: true })).toBe('moveUp');
    expect(action('ArrowDown', { altKey: true })).toBe('moveDown');
    // AltGr (Ctrl+Alt) characters are never taken
    expect(gridCommand(key('=', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});

describe('edgeOf (Ctrl+arrow)', () => {
  // filled: 0 1 2 _ _ 5 6 _ 8 _
  const cells = [1, 1, 1, 0, 0, 1, 1, 0, 1, 0];
  const filled = (j: number) => cells[j] === 1;
  it('runs to the end of a block of filled cells', () => {
    expect(edgeOf(0, 1, 10, filled)).toBe(2);
    expect(edgeOf(6, -1, 10, filled)).toBe(5);
  });
  it('jumps over empty cells to the next filled one', () => {
    expect(edgeOf(2, 1, 10, filled)).toBe(5);
    expect(edgeOf(3, 1, 10, filled)).toBe(5);
    expect(edgeOf(6, 1, 10, filled)).toBe(8);
    expect(edgeOf(5, -1, 10, filled)).toBe(2);
  });
  it('stops at the edge of the sheet when nothing filled follows', () => {
    expect(edgeOf(8, 1, 10, filled)).toBe(9);
    expect(edgeOf(9, 1, 10, filled)).toBe(9);
    expect(edgeOf(0, -1, 10, filled)).toBe(0);
    expect(edgeOf(4, 1, 5, () => false)).toBe(4);
  });
});

describe('navTarget', () => {
  const sheet: NavSheet = { rows: 50, cols: 8, page: 20, filled: (r, c) => r < 10 && c < 4 };
  it('moves to the row ends, the sheet ends and by pages', () => {
    const p = { row: 5, col: 3 };
    expect(navTarget('rowStart', p, sheet)).toEqual({ row: 5, col: 0 });
    expect(navTarget('rowEnd', p, sheet)).toEqual({ row: 5, col: 7 });
    expect(navTarget('sheetStart', p, sheet)).toEqual({ row: 0, col: 0 });
    expect(navTarget('sheetEnd', p, sheet)).toEqual({ row: 49, col: 7 });
    expect(navTarget('pageDown', p, sheet)).toEqual({ row: 25, col: 3 });
    expect(navTarget('pageDown', { row: 40, col: 3 }, sheet)).toEqual({ row: 49, col: 3 });
    expect(navTarget('pageUp', p, sheet)).toEqual({ row: 0, col: 3 });
  });
  it('moves to the edge of the data with Ctrl+arrows', () => {
    expect(navTarget('edgeDown', { row: 0, col: 1 }, sheet)).toEqual({ row: 9, col: 1 });
    expect(navTarget('edgeDown', { row: 9, col: 1 }, sheet)).toEqual({ row: 49, col: 1 });
    expect(navTarget('edgeRight', { row: 2, col: 0 }, sheet)).toEqual({ row: 2, col: 3 });
    expect(navTarget('edgeLeft', { row: 2, col: 7 }, sheet)).toEqual({ row: 2, col: 3 });
    expect(navTarget('edgeUp', { row: 30, col: 2 }, sheet)).toEqual({ row: 9, col: 2 });
  });
});

describe('KEY_HELP', () => {
  it('words every group and line in both languages', () => {
    const dicts = [vi, en] as unknown as Record<string, string>[];
    for (const g of KEY_HELP) {
      for (const d of dicts) expect(d[g.group], g.group).toBeTruthy();
      for (const it of g.items) for (const d of dicts) expect(d[it.label], it.label).toBeTruthy();
    }
  });
  it('lists every key the key map answers', () => {
    const listed = KEY_HELP.flatMap((g) => g.items.flatMap((i) => i.keys)).join(' ');
    for (const k of ['Home', 'Ctrl+End', 'PageDown', 'Shift+Space', 'Ctrl+Space', 'Shift+F10'])
      expect(listed).toContain(k);
    for (const k of ['F6', 'F1', 'Alt+Shift+=', 'Ctrl+Shift+=', 'Alt+Shift+→', 'Ctrl+→', 'Ctrl+H'])
      expect(listed).toContain(k);
  });
});
