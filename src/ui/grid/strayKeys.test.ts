import { describe, expect, it } from 'vitest';
import { type StrayKey, straysToGrid } from './strayKeys';

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
