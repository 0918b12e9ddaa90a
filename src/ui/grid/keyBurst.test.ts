import { describe, expect, it } from 'vitest';
import { holdsKey, type KeyDown } from './keyBurst';

const key = (k: string, more: Partial<KeyDown> = {}): KeyDown => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  isComposing: false,
  keyCode: 0,
  ...more,
});

describe('the keys held while a cell editor opens', () => {
  it('holds characters and the keys a burst carries (Enter, Tab, Escape, Backspace, Delete)', () => {
    for (const k of ['1', '5', 'a', 'ư', ',', '.', 'Enter', 'Tab', 'Escape', 'Backspace', 'Delete'])
      expect(holdsKey(key(k), false), k).toBe(true);
  });

  it('never holds an input method’s keys (Telex/VNI composing) nor shortcuts', () => {
    expect(holdsKey(key('a', { isComposing: true }), true)).toBe(false);
    expect(holdsKey(key('Process', { keyCode: 229 }), true)).toBe(false);
    expect(holdsKey(key('v', { ctrlKey: true }), true)).toBe(false);
    expect(holdsKey(key('z', { metaKey: true }), true)).toBe(false);
    expect(holdsKey(key('ArrowDown', { altKey: true }), true)).toBe(false);
  });

  it('holds an arrow only behind keys already held (to keep their order), else leaves it', () => {
    expect(holdsKey(key('ArrowDown'), false)).toBe(false);
    expect(holdsKey(key('ArrowDown'), true)).toBe(true);
    expect(holdsKey(key('F2'), true)).toBe(false);
  });
});
