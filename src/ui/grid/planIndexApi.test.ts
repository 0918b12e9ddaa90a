import type { GridApi, IRowNode } from 'ag-grid-community';
import { describe, expect, it, vi } from 'vitest';
import type { GridCtx, GridItem } from './gridContext';
import { planIndexApi, setShown, shownRow } from './planIndexApi';
import { acceptedEntry, reopenRefused, takeRefused } from './refusedEntry';

const ids = ['a', 'b', 'c', 'd', 'e'];

/** A grid of five rows whose filter shows `shown` (displayed indexes follow). */
function fake(shown: string[]) {
  const node = (id: string): IRowNode<GridItem> => {
    const k = shown.indexOf(id);
    return {
      id,
      data: { id } as GridItem,
      displayed: k >= 0,
      rowIndex: k >= 0 ? k : null,
      rowPinned: undefined,
    } as unknown as IRowNode<GridItem>;
  };
  const calls: unknown[][] = [];
  const api = {
    getRowNode: (id: string) => (ids.includes(id) ? node(id) : undefined),
    getDisplayedRowAtIndex: (d: number) => (shown[d] ? node(shown[d]) : undefined),
    getDisplayedRowCount: () => shown.length,
    ensureIndexVisible: (...a: unknown[]) => calls.push(['visible', ...a]),
    setFocusedCell: (...a: unknown[]) => calls.push(['focus', ...a]),
    startEditingCell: (p: unknown) => calls.push(['edit', p]),
    getFocusedCell: () => ({ rowIndex: 1, column: { getColId: () => 'name' }, rowPinned: null }),
    getEditingCells: () => [],
    isDestroyed: () => false,
    onFilterChanged: () => calls.push(['filter']),
  };
  const ctx = {
    sheetId: 's',
    session: { workbook: { sheets: [{ id: 's', rows: ids.map((id) => ({ id })) }] } },
    index: new Map(ids.map((id, i) => [id, i])),
  } as unknown as GridCtx;
  return { api: api as unknown as GridApi<GridItem>, ctx, calls };
}

describe('plan row indexes under a filter', () => {
  it('translates the calls that take or give an index; identity without a filter', () => {
    const { api, ctx, calls } = fake(['b', 'd']);
    const p = planIndexApi(api, ctx);
    p.ensureIndexVisible(3);
    expect(calls.at(-1)).toEqual(['visible', 3, undefined]); // no filter yet
    setShown(api, ctx, new Set(['b', 'd']));
    expect(shownRow(ctx)!({ id: 'c' })).toBe(false);
    p.ensureIndexVisible(3, 'middle');
    expect(calls.at(-1)).toEqual(['visible', 1, 'middle']); // d is the 2nd row shown
    p.setFocusedCell(2, 'name'); // c is hidden: the next row shown
    expect(calls.at(-1)).toEqual(['focus', 1, 'name', undefined]);
    p.startEditingCell({ rowIndex: 1, colKey: 'name' });
    expect(calls.at(-1)).toEqual(['edit', { rowIndex: 0, colKey: 'name' }]);
    expect(p.getFocusedCell()?.rowIndex).toBe(3);
    expect(p.getDisplayedRowAtIndex(3)?.id).toBe('d');
    setShown(api, ctx, null);
    expect(shownRow(ctx)).toBeUndefined();
  });
});

describe('a refused entry', () => {
  it('reopens once with the text as typed; the same text left again does not trap the user', () => {
    vi.useFakeTimers();
    const { api, ctx, calls } = fake(ids);
    reopenRefused(api, ctx, 'c', 'y2011_dtpt', '3.5OO');
    vi.runAllTimers();
    expect(calls.at(-1)).toEqual(['edit', { rowIndex: 2, colKey: 'y2011_dtpt' }]);
    expect(takeRefused(ctx, 'c', 'name')).toBeNull();
    expect(takeRefused(ctx, 'c', 'y2011_dtpt')).toBe('3.5OO');
    expect(takeRefused(ctx, 'c', 'y2011_dtpt')).toBeNull(); // once
    const n = calls.length;
    reopenRefused(api, ctx, 'c', 'y2011_dtpt', '3.5OO');
    vi.runAllTimers();
    expect(calls.length).toBe(n);
    acceptedEntry(ctx);
    reopenRefused(api, ctx, 'c', 'y2011_dtpt', '3.5OO');
    vi.runAllTimers();
    expect(calls.length).toBe(n + 3); // into view, focus, then the editor
    vi.useRealTimers();
  });
});
