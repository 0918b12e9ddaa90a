/** Widths the user drags in the grid, kept with the workbook (never undo steps). */
import type { ColumnResizedEvent } from 'ag-grid-community';
import { useCallback } from 'react';
import type { WorkbookSession } from '../../app/session';
import type { GridItem } from './gridContext';

/** The grid's `onColumnResized`: a finished drag of a column edge records its width (px). */
export function useColumnWidths(session: WorkbookSession, sheetId: string) {
  return useCallback(
    (e: ColumnResizedEvent<GridItem>) => {
      if (!e.finished || e.source !== 'uiColumnResized') return;
      const widths: Record<string, number> = {};
      for (const c of e.columns ?? []) widths[c.getColId()] = c.getActualWidth();
      delete widths.__row;
      session.widths.set(sheetId, widths);
    },
    [session, sheetId],
  );
}
