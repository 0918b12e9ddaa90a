/**
 * Double-click on a column's header edge fits the column to its content, as AG Grid's column
 * autosize does, without registering that module: with it registered, ag-grid-react starts one
 * `setTimeout` per row whose data changes (its render-status service queues resize operations
 * for every `rowNodeDataChanged`), 1,000 timers for a pasted block of 1,000 rows. The width is
 * measured the same way: the header and the rendered cells of the column cloned, unsized, into a
 * hidden box inside the grid (its theme applies), plus AG Grid's default padding (20 px), within
 * the column's min and max width; recorded as a user's resize (source `uiColumnResized`).
 */
import type { Column, ColumnGroup, GridApi } from 'ag-grid-community';

/** AG Grid's `autoSizePadding` default (px). */
const PADDING = 20;

/** A clone of a header or body cell, unsized, in a parent carrying its row's classes. */
function cloneInto(cell: HTMLElement, box: HTMLElement): void {
  const clone = cell.cloneNode(true) as HTMLElement;
  clone.style.width = '';
  clone.style.position = 'static';
  clone.style.left = '';
  clone.style.right = '';
  const parent = document.createElement('div');
  const header = clone.classList.contains('ag-header-cell');
  if (header) {
    parent.classList.add('ag-header', 'ag-header-row');
    parent.style.position = 'static';
  } else parent.classList.add('ag-row');
  const row = cell.closest('.ag-header-row, .ag-row');
  if (row)
    for (const c of row.classList) if (c !== 'ag-row-position-absolute') parent.classList.add(c);
  parent.appendChild(clone);
  box.appendChild(parent);
}

/** The width (px) fitting a column's header and rendered cells in `grid`; 0 when not shown. */
export function fitWidth(grid: HTMLElement, colId: string): number {
  const sel = `[col-id="${CSS.escape(colId)}"]`;
  const header = grid.querySelector<HTMLElement>(`.ag-header-cell${sel}`);
  const viewport = grid.querySelector<HTMLElement>('.ag-grid-viewport');
  if (!header || !viewport) return 0;
  const box = document.createElement('form');
  box.style.position = 'fixed';
  for (const cell of grid.querySelectorAll<HTMLElement>(`.ag-row .ag-cell${sel}`))
    cloneInto(cell, box);
  cloneInto(header, box);
  viewport.appendChild(box);
  const width = box.offsetWidth;
  box.remove();
  return width + PADDING;
}

/** The displayed leaf columns under a header group (by its unique id). */
function leavesOf(api: GridApi, groupId: string): Column[] {
  return api.getAllDisplayedColumns().filter((c) => {
    for (let g: ColumnGroup | null = c.getParent(); g; g = g.getParent())
      if (g.getUniqueId() === groupId) return true;
    return false;
  });
}

/**
 * Fits, on a double-click on a header's edge (a column's or a group's), the columns under it; on
 * the grid `api`'s element, until the grid is destroyed. Call once from the grid's `onGridReady`.
 */
export function fitColumnsOnDoubleClick(api: GridApi): void {
  const el = api.getGridElement() as HTMLElement | undefined;
  if (!el) return;
  const onDblClick = (e: MouseEvent) => {
    const edge = (e.target as Element).closest?.('.ag-header-cell-resize');
    const cell = edge?.closest('.ag-header-cell, .ag-header-group-cell');
    const id = cell?.getAttribute('col-id');
    if (!cell || !id || api.isDestroyed()) return;
    const columns = cell.classList.contains('ag-header-group-cell')
      ? leavesOf(api, id)
      : [api.getColumn(id)].filter((c): c is Column => !!c);
    const widths = columns.flatMap((c) => {
      const fit = fitWidth(el, c.getColId());
      if (fit <= 0 || !c.isResizable()) return [];
      return [
        { key: c, newWidth: Math.min(Math.max(fit, c.getMinWidth()), c.getMaxWidth() || fit) },
      ];
    });
    if (widths.length) api.setColumnWidths(widths, true, 'uiColumnResized');
  };
  el.addEventListener('dblclick', onDblClick);
  api.addEventListener('gridPreDestroyed', () => el.removeEventListener('dblclick', onDblClick));
}
