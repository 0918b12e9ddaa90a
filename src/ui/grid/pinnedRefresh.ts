/**
 * Redraws Planbook's pinned total rows after an edit, cell by cell: they show computed figures
 * only, so a cell whose figure did not change shows the same (AG Grid compares the values), and
 * the row-total cells are redrawn always (they carry the mark of a stated plan total's finding).
 */
import type { GridApi, IRowNode } from 'ag-grid-community';
import { leaves } from '../../domain/columns';
import { yearSpans } from '../../domain/policy';
import type { AppendixSheet, Id } from '../../domain/types';
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

/**
 * Redraws the pinned totals' cells whose figure changed, and their row totals (marks): with
 * `changed` (the engine's leaf or year group ids whose total moved, all of them), only those
 * columns are compared (an edit moves one column's totals, not the twenty others).
 */
export function refreshPinned(
  api: GridApi<GridItem>,
  sheet: AppendixSheet,
  changed?: ReadonlySet<Id>,
): void {
  const rowNodes = pinnedNodes(api);
  if (!rowNodes.length) return;
  const ls = leaves(sheet.columns);
  if (!changed) api.refreshCells({ rowNodes });
  else {
    // a year group's total is shown on its leaves (the grand total spans them)
    const groups = yearSpans(sheet.columns);
    const moved = ls
      .filter((l) => changed.has(l.id) || changed.has(groups.get(l.id)?.groupId ?? l.id))
      .map((l) => l.id);
    if (moved.length) api.refreshCells({ rowNodes, columns: moved });
  }
  const columns = ls.filter((l) => l.role === 'rowTotal').map((l) => l.id);
  if (columns.length) api.refreshCells({ rowNodes, columns, force: true });
}
