import { describe, expect, it } from 'vitest';
import type { GridCtx } from './gridContext';
import { takeSeed } from './imeCell';

describe('takeSeed', () => {
  it("gives an input method's text once, to the editor of the cell it arrived on", () => {
    const ctx = { seed: { rowId: 'r1', colId: 'name', text: 'Việt', at: 0 } } as unknown as GridCtx;
    expect(takeSeed(ctx, 'r2', 'name')).toBeNull();
    expect(takeSeed(ctx, 'r1', 'lead')).toBeNull();
    expect(takeSeed(ctx, 'r1', 'name')).toBe('Việt');
    expect(takeSeed(ctx, 'r1', 'name')).toBeNull();
  });
});
