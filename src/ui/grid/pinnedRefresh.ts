/**
 * Redraws Planbook's pinned total rows after an edit, cell by cell: they show computed figures
 * only, so a cell whose figure did not change shows the same (AG Grid compares the values), and
 * the row-total cells are redrawn always (they carry the mark of a stated plan total's finding).
 */
import type { GridApi, IRowNode } from 'ag-grid-community';
import { leaves } from '../../domain/columns';
import type { AppendixSheet } from '../../domain/types';
import type { GridItem } from './gridContext';

/** The pinned rows' nodes of the grid (bottom), none for a sheet without them. */
export function pinnedNodes(api: GridApi<GridItem>): IRowNode<GridItem>[] {
  const out: IRowNode<GridItem>[] = [];
  for (let k = 0; k < api.getPinnedBottomRowCount(); k++) {
    const n = api.getPinnedBottomRow(k);
    if (n) out.push(n);
  }
  return out;
}

/** Redraws the pinned totals' cells whose figure changed, and their row totals (marks). */
export function refreshPinned(api: GridApi<GridItem>, sheet: AppendixSheet): void {
  const rowNodes = pinnedNodes(api);
  if (!rowNodes.length) return;
  api.refreshCells({ rowNodes });
  const columns = leaves(sheet.columns)
    .filter((l) => l.role === 'rowTotal')
    .map((l) => l.id);
  if (columns.length) api.refreshCells({ rowNodes, columns, force: true });
}
