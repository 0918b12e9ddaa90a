import { describe, expect, it } from 'vitest';
import { type EnterState, enterTarget, stopInto } from './enterCommit';

const kinds = ['section', 'project', 'project', 'total', 'project'];
const state = (o: Partial<EnterState> = {}): EnterState => ({
  key: 'Enter',
  shiftKey: false,
  other: false,
  editing: [{ rowIndex: 1, rowPinned: null, colId: 'y2023_dtpt' }],
  rowCount: kinds.length,
  kindAt: (i) => kinds[i] ?? null,
  filtered: false,
  ...o,
});

describe('enterTarget', () => {
  it('moves Enter down and Shift+Enter up in the same column', () => {
    expect(enterTarget(state())).toEqual({ rowIndex: 2, colId: 'y2023_dtpt' });
    expect(enterTarget(state({ shiftKey: true }))).toEqual({ rowIndex: 0, colId: 'y2023_dtpt' });
  });

  it('leaves other keys, modifiers, input methods and a closed editor to the grid', () => {
    expect(enterTarget(state({ key: 'Tab' }))).toBeNull();
    expect(enterTarget(state({ other: true }))).toBeNull();
    expect(enterTarget(state({ editing: [] }))).toBeNull();
  });

  it('leaves the first and last rows, pinned totals and filtered sheets to the grid', () => {
    const at = (rowIndex: number, shiftKey = false, rowPinned: string | null = null) =>
      enterTarget(state({ shiftKey, editing: [{ rowIndex, rowPinned, colId: 'c' }] }));
    expect(at(0, true)).toBeNull();
    expect(at(4)).toBeNull();
    expect(at(0, false, 'bottom')).toBeNull();
    expect(enterTarget(state({ filtered: true }))).toBeNull();
  });

  it('leaves total rows (their cells may span a year group) to the grid', () => {
    const at = (rowIndex: number, shiftKey = false) =>
      enterTarget(state({ shiftKey, editing: [{ rowIndex, rowPinned: null, colId: 'c' }] }));
    expect(at(2)).toBeNull(); // into a total row
    expect(at(4, true)).toBeNull(); // up into a total row
    expect(at(3)).toBeNull(); // from a total row
    expect(enterTarget(state({ kindAt: () => null }))).toBeNull(); // rows not known
  });
});

describe('stopInto', () => {
  /** A stand-in element counting the focus calls it gets (and their options). */
  class El {
    calls: (FocusOptions | undefined)[] = [];
    focus(o?: FocusOptions) {
      this.calls.push(o);
    }
  }
  const el = () => new El() as unknown as HTMLElement & El;

  it('sends the focus the grid gives back to the edited cell to the cell below: one focus', () => {
    const edited = el();
    const below = el();
    // AG Grid's editor, as it goes, focuses its cell again (without scrolling)
    const api = { stopEditing: () => edited.focus({ preventScroll: true }) };
    stopInto(api, edited, () => below);
    expect(edited.calls).toEqual([]);
    expect(below.calls).toEqual([{ preventScroll: true }]);
    // the edited cell's own focus is back afterwards
    edited.focus();
    expect(edited.calls).toEqual([undefined]);
    expect(Object.prototype.hasOwnProperty.call(edited, 'focus')).toBe(false);
  });

  it('keeps the grid’s own focus when there is no cell below, and stops without a drawn cell', () => {
    const edited = el();
    let stopped = 0;
    stopInto({ stopEditing: () => edited.focus({ preventScroll: true }) }, edited, () => null);
    expect(edited.calls).toEqual([{ preventScroll: true }]);
    stopInto({ stopEditing: () => void stopped++ }, null, () => null);
    expect(stopped).toBe(1);
  });

  it('puts the edited cell’s focus back when stopping throws', () => {
    const edited = el();
    const boom = () => {
      throw new Error('x');
    };
    expect(() => stopInto({ stopEditing: boom }, edited, () => null)).toThrow('x');
    expect(Object.prototype.hasOwnProperty.call(edited, 'focus')).toBe(false);
  });
});
