/**
 * The grid's start: its API wrapped to speak plan row indexes, the focus followed through it, and
 * the first project focused once the rows are drawn.
 */
import type { CellFocusedEvent, GridApi, GridReadyEvent } from 'ag-grid-community';
import { type RefObject, useCallback, useRef } from 'react';
import type { WorkbookSession } from '../../app/session';
import type { Row } from '../../domain/types';
import { fitColumnsOnDoubleClick } from './columnFit';
import { type GridCtx, type GridItem, isPinned } from './gridContext';
import { planIndexApi, planIndexOf } from './planIndexApi';
import { focusFirstProject } from './useGridKeys';
import { warmGridWhenIdle } from './warmGrid';

/** The focused cell as the views read it (row index in the plan, the row, the column id). */
export interface FocusInfo {
  rowIndex: number | null;
  row: Row | null;
  colId: string | null;
}

/** The grid's ready and first-data handlers; focus changes go to `handlers.onFocus` (after `ix`). */
export function useGridReady(o: {
  session: WorkbookSession;
  apiRef: RefObject<GridApi<GridItem> | null>;
  ctx: GridCtx;
  ix: { onCellFocused: (e: CellFocusedEvent<GridItem>) => void };
  handlers: RefObject<{ onFocus: (f: FocusInfo) => void }>;
}): { onGridReady: (e: GridReadyEvent<GridItem>) => void; onFirstData: () => void } {
  const { session, apiRef, ctx, ix, handlers } = o;
  const onCellFocused = useCallback(
    (e: CellFocusedEvent<GridItem>) => {
      ix.onCellFocused(e);
      const api = apiRef.current;
      if (!api || e.rowIndex === null || e.rowPinned) {
        handlers.current.onFocus({ rowIndex: null, row: null, colId: null });
        return;
      }
      const node = api.getDisplayedRowAtIndex(e.rowIndex);
      const row = node?.data && !isPinned(node.data) ? node.data : null;
      const colId = typeof e.column === 'string' ? e.column : (e.column?.getColId() ?? null);
      handlers.current.onFocus({ rowIndex: e.rowIndex, row, colId });
    },
    [apiRef, ix, handlers],
  );

  const onFirstData = useCallback(() => {
    performance.mark('pb:grid-ready');
    if (apiRef.current) focusFirstProject(apiRef.current, ctx, session);
    // the grid is drawn: a large workbook's engine is built after the next paint; its checks then
    // mark the cells
    if (!session.engineReady)
      requestAnimationFrame(() => {
        void session.whenEngineReady().then(() => {
          apiRef.current?.refreshCells({ force: true });
          warmGridWhenIdle(() => apiRef.current);
        });
      });
    // the cells' refresh path run before the first edits (warmGrid.ts)
    else warmGridWhenIdle(() => apiRef.current);
  }, [apiRef, ctx, session]);

  // focus is followed through the API (edits are committed by the columns' valueSetter)
  const listeners = useRef({ onCellFocused });
  listeners.current = { onCellFocused };
  const onGridReady = useCallback(
    (e: GridReadyEvent<GridItem>) => {
      // Planbook speaks plan row indexes; a filter makes AG Grid's displayed ones differ
      const api = planIndexApi(e.api, ctx);
      apiRef.current = api;
      (window as unknown as { __grid?: GridApi<GridItem> }).__grid = api;
      fitColumnsOnDoubleClick(e.api);
      e.api.addEventListener('cellFocused', (ev) =>
        listeners.current.onCellFocused(
          ev.rowIndex === null || ev.rowPinned
            ? ev
            : {
                ...ev,
                rowIndex:
                  planIndexOf(ctx, e.api.getDisplayedRowAtIndex(ev.rowIndex)) ?? ev.rowIndex,
              },
        ),
      );
      // compare marks that arrived before the grid was ready (its events come a task late)
      if (ctx.marks) e.api.refreshCells({ force: true });
    },
    [apiRef, ctx],
  );
  return { onGridReady, onFirstData };
}
