import { describe, expect, it } from 'vitest';
import { holdsKey, type KeyDown, typeHeld } from './keyBurst';

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

/** An input's text and caret, with the browser's `setRangeText` (no DOM in these tests). */
function fakeInput(value: string, at = value.length, to = at) {
  const f = {
    value,
    selectionStart: at,
    selectionEnd: to,
    setRangeText(text: string, a: number, b: number) {
      f.value = f.value.slice(0, a) + text + f.value.slice(b);
      f.selectionStart = f.selectionEnd = a + text.length;
    },
  };
  return f;
}
const held = (k: string) => ({ key: k, code: '', shiftKey: false, location: 0 });

describe('a held key played into the editor', () => {
  it('types characters and text at the caret, Backspace and Delete remove as the browser does', () => {
    const input = fakeInput('1');
    const play = (k: Parameters<typeof typeHeld>[1]) =>
      typeHeld(input as unknown as HTMLInputElement, k);
    for (const k of ['2', '3', '4']) expect(play(held(k))).toBe(true);
    expect(play(held('Backspace'))).toBe(true);
    expect(play({ text: 'ệ' })).toBe(true);
    expect(input.value).toBe('123ệ');
    input.selectionStart = input.selectionEnd = 1;
    expect(play(held('Delete'))).toBe(true);
    expect(input.value).toBe('13ệ');
    input.selectionStart = 0;
    input.selectionEnd = 2;
    expect(play(held('Backspace'))).toBe(true);
    expect(input.value).toBe('ệ');
    // the grid's own keys are sent to it, not typed
    for (const k of ['Enter', 'Tab', 'Escape', 'ArrowDown']) expect(play(held(k))).toBe(false);
    expect(input.value).toBe('ệ');
  });
});
