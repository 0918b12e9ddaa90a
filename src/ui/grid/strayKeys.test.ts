import { describe, expect, it } from 'vitest';
import {
  type LostFocus,
  type StrayKey,
  gridOwnsKey,
  keepsGridFocus,
  straysToGrid,
} from './strayKeys';

const lost: StrayKey = {
  onPage: true,
  taken: false,
  composing: false,
  modal: false,
  gridFocused: true,
};

describe('straysToGrid', () => {
  it('sends a key on the body to the grid that has a focused cell', () => {
    expect(straysToGrid(lost)).toBe(true);
  });

  it('leaves a key whose target is an element (a field, a button, a cell) where it is', () => {
    expect(straysToGrid({ ...lost, onPage: false })).toBe(false);
  });

  it('leaves a key something took already, an input method’s key, and keys under a dialog', () => {
    expect(straysToGrid({ ...lost, taken: true })).toBe(false);
    expect(straysToGrid({ ...lost, composing: true })).toBe(false);
    expect(straysToGrid({ ...lost, modal: true })).toBe(false);
  });

  it('leaves the key when the grid has no focused cell or lost the keys to a click elsewhere', () => {
    expect(straysToGrid({ ...lost, gridFocused: false })).toBe(false);
  });
});

describe('gridOwnsKey', () => {
  const bare = { ctrlKey: false, altKey: false, metaKey: false };
  it('owns characters and the keys that move, edit or open the cell, typed bare', () => {
    for (const key of ['7', 'a', ' ', 'Enter', 'Tab', 'Escape', 'Delete', 'ArrowDown', 'F2'])
      expect(gridOwnsKey({ key, ...bare })).toBe(true);
  });

  it('leaves shortcuts and other keys to whoever takes them (F5, Ctrl+R stay the browser’s)', () => {
    expect(gridOwnsKey({ key: 'F5', ...bare })).toBe(false);
    expect(gridOwnsKey({ key: 'Shift', ...bare })).toBe(false);
    expect(gridOwnsKey({ key: 'r', ...bare, ctrlKey: true })).toBe(false);
    expect(gridOwnsKey({ key: '+', ...bare, ctrlKey: true })).toBe(false);
  });
});

describe('keepsGridFocus', () => {
  const lost: LostFocus = {
    toNothing: true,
    pointerDown: false,
    pageFocused: true,
    modal: false,
    gridFocused: true,
  };

  it('puts back the focus a redraw took from the cell or its editor (it fell to the body)', () => {
    expect(keepsGridFocus(lost)).toBe(true);
  });

  it('leaves the focus where an element, a click, another window or a dialog took it', () => {
    expect(keepsGridFocus({ ...lost, toNothing: false })).toBe(false);
    expect(keepsGridFocus({ ...lost, pointerDown: true })).toBe(false);
    expect(keepsGridFocus({ ...lost, pageFocused: false })).toBe(false);
    expect(keepsGridFocus({ ...lost, modal: true })).toBe(false);
  });

  it('leaves it when the grid has no focused cell or lost the keys to a click elsewhere', () => {
    expect(keepsGridFocus({ ...lost, gridFocused: false })).toBe(false);
  });
});
