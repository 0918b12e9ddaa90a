/**
 * After an edit the pinned totals are redrawn cell by cell: a plain refresh (AG Grid redraws only
 * the cells whose figure changed) and a forced one of the row-total cells, whose finding mark may
 * change with no figure changing; never a forced redraw of every cell of the rows.
 */
import type { GridApi, IRowNode, RefreshCellsParams } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { leaves } from '../../domain/columns';
import { generatePlan } from '../../domain/generate';
import { yearSpans } from '../../domain/policy';
import type { GridItem } from './gridContext';
import { refreshPinned } from './pinnedRefresh';

function fakeApi(pinned: number) {
  const calls: RefreshCellsParams<GridItem>[] = [];
  const nodes = Array.from({ length: pinned }, (_, k) => ({ id: `pin:${k}` }));
  const api = {
    getPinnedBottomRowCount: () => pinned,
    getPinnedBottomRow: (k: number) => nodes[k] as unknown as IRowNode<GridItem>,
    refreshCells: (p: RefreshCellsParams<GridItem>) => void calls.push(p),
  } as unknown as GridApi<GridItem>;
  return { api, calls, nodes };
}

describe('the pinned totals after an edit', () => {
  it('redraw changed figures, and the row totals forced (their marks)', () => {
    const sheet = generatePlan({ projects: 3 }).sheets[0];
    const { api, calls, nodes } = fakeApi(3);
    refreshPinned(api, sheet);
    expect(calls).toEqual([
      { rowNodes: nodes },
      { rowNodes: nodes, columns: ['total'], force: true },
    ]);
  });

  it('compare only the columns whose totals moved when the engine says which', () => {
    const sheet = generatePlan({ projects: 3 }).sheets[0];
    const { api, calls, nodes } = fakeApi(2);
    const leaf = leaves(sheet.columns).find((l) => l.id === 'y2023_dtpt')!;
    // a year group's total is shown on its first leaf (the grand total spans the group)
    const [first, { groupId }] = [...yearSpans(sheet.columns)][0];
    refreshPinned(api, sheet, new Set([leaf.id, 'total']));
    refreshPinned(api, sheet, new Set([groupId]));
    expect(calls).toEqual([
      { rowNodes: nodes, columns: [leaf.id, 'total'] },
      { rowNodes: nodes, columns: ['total'], force: true },
      { rowNodes: nodes, columns: [first] },
      { rowNodes: nodes, columns: ['total'], force: true },
    ]);
  });

  it('does nothing without pinned rows', () => {
    const { api, calls } = fakeApi(0);
    refreshPinned(api, generatePlan({ projects: 3 }).sheets[0]);
    expect(calls).toEqual([]);
  });
});
