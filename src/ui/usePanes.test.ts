import { describe, expect, it } from 'vitest';
import { nextPane, PANES } from './usePanes';

describe('F6 pane order', () => {
  it('cycles grid → checks → toolbar → header → tabs → grid, and back with Shift+F6', () => {
    const all = PANES.map(() => true);
    expect(nextPane(0, 1, all)).toBe(1);
    expect(nextPane(1, 1, all)).toBe(2);
    expect(nextPane(3, 1, all)).toBe(4);
    expect(nextPane(4, 1, all)).toBe(0);
    expect(nextPane(0, -1, all)).toBe(4);
  });
  it('skips a hidden checks panel, and starts at the grid from outside every pane', () => {
    const noChecks = [true, false, true, true, true];
    expect(nextPane(0, 1, noChecks)).toBe(2);
    expect(nextPane(-1, 1, noChecks)).toBe(0);
    expect(nextPane(-1, -1, noChecks)).toBe(4);
  });
});
