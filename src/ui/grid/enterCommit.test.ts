import { describe, expect, it } from 'vitest';
import { type EnterState, enterTarget } from './enterCommit';

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
