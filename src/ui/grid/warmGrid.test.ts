import type { GridApi } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import type { GridItem } from './gridContext';
import { WARM_REFRESHES, warmGridWhenIdle } from './warmGrid';

type WarmApi = Pick<GridApi<GridItem>, 'isDestroyed' | 'getEditingCells' | 'refreshCells'>;

/** The grid API calls the warm-up makes, counted (unforced refreshes of all rendered cells). */
function grid(o: { editing?: () => boolean; destroyed?: () => boolean } = {}) {
  const calls: unknown[] = [];
  const api = {
    isDestroyed: () => o.destroyed?.() ?? false,
    getEditingCells: () => (o.editing?.() ? [{}] : []),
    refreshCells: (p?: unknown) => void calls.push(p),
  } as unknown as WarmApi;
  return { api, calls };
}

/** Lets the idle steps run (no idle callbacks in Node: each step is a timeout). */
const settle = async (n = WARM_REFRESHES + 5) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
};

describe('warmGridWhenIdle', () => {
  it('refreshes the rendered cells unforced, once per idle period, WARM_REFRESHES times', async () => {
    const { api, calls } = grid();
    warmGridWhenIdle(() => api);
    await settle();
    expect(calls).toEqual(Array.from({ length: WARM_REFRESHES }, () => undefined));
  });

  it('refreshes nothing while an editor is open, and goes on once it is closed', async () => {
    let editing = true;
    const { api, calls } = grid({ editing: () => editing });
    warmGridWhenIdle(() => api, 3);
    await settle(3);
    expect(calls).toHaveLength(0);
    editing = false;
    await settle(6);
    expect(calls).toHaveLength(3);
  });

  it('stops when the grid is destroyed or gone, or the warm-up is cancelled', async () => {
    let destroyed = false;
    const a = grid({ destroyed: () => destroyed });
    warmGridWhenIdle(() => a.api, 5);
    await settle(1);
    destroyed = true;
    await settle();
    expect(a.calls).toHaveLength(1);
    const b = grid();
    const cancel = warmGridWhenIdle(() => b.api, 5);
    cancel();
    await settle();
    expect(b.calls).toHaveLength(0);
    let gone = false;
    const c = grid();
    warmGridWhenIdle(() => (gone ? null : c.api), 5);
    await settle(1);
    gone = true;
    await settle();
    expect(c.calls).toHaveLength(1);
  });
});
