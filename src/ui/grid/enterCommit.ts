/**
 * Enter (Shift+Enter) in a cell editor, taken before AG Grid's own: the entry is committed and the
 * cell below (above) gets the focus at once; the grid scrolls it into view a frame later. AG Grid's
 * own Enter scrolls first, and a scroll of one row draws a new row of ~25 cells (class rules, tips,
 * renderers) before the new totals can be painted; here the totals are painted first, and the
 * scroll follows after that frame. Whatever this does not cover exactly (a spanned total row, the
 * first or last row, a filter, a cell not drawn) is left to AG Grid.
 */
import type { GridApi } from 'ag-grid-community';
import { type GridItem, isPinned } from './gridContext';

/** What the decision reads of the key, the edited cell and the rows around it. */
export interface EnterState {
  key: string;
  shiftKey: boolean;
  /** Alt, Ctrl or Meta held, or an input method composing. */
  other: boolean;
  /** The cells being edited (AG Grid's displayed indexes). */
  editing: { rowIndex: number; rowPinned: string | null | undefined; colId: string }[];
  rowCount: number;
  /** The row kind at a displayed index ('total' rows may span year groups), or null. */
  kindAt: (i: number) => string | null;
  /** A filter shows some rows only (displayed and plan indexes differ). */
  filtered: boolean;
}

/** The cell Enter moves to after committing, or null: AG Grid's own Enter handles the key. */
export function enterTarget(s: EnterState): { rowIndex: number; colId: string } | null {
  if (s.key !== 'Enter' || s.other || s.filtered || s.editing.length !== 1) return null;
  const cur = s.editing[0];
  if (cur.rowPinned) return null;
  const to = cur.rowIndex + (s.shiftKey ? -1 : 1);
  if (to < 0 || to >= s.rowCount) return null;
  // a total row's cells may span a year group (AG Grid then remembers the column under the span)
  const from = s.kindAt(cur.rowIndex);
  const next = s.kindAt(to);
  if (!from || !next || from === 'total' || next === 'total') return null;
  return { rowIndex: to, colId: cur.colId };
}

/** The drawn cell of a body row (not a pinned total), or null. */
function drawnCell(root: HTMLElement, rowIndex: number, colId: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(
    `.ag-row[row-index="${rowIndex}"]:not([row-id^="pin:"]) .ag-cell[col-id="${colId}"]`,
  );
}

/**
 * Stops the editing with the browser's focus going straight to the cell `next()` finds: the grid
 * gives the focus back to the edited cell as its editor goes (a focus, which lays the page out),
 * and the cell below would then take it (another one); here the first goes to the cell below.
 */
export function stopInto(
  api: Pick<GridApi<GridItem>, 'stopEditing'>,
  edited: HTMLElement | null,
  next: () => HTMLElement | null,
): void {
  if (!edited) return api.stopEditing();
  const own = edited.focus;
  edited.focus = (o?: FocusOptions) => {
    const to = next();
    if (to) to.focus({ preventScroll: true });
    else own.call(edited, o);
  };
  try {
    api.stopEditing();
  } finally {
    delete (edited as { focus?: unknown }).focus;
  }
}

/**
 * Takes Enter/Shift+Enter in an editor of the grid under `root` (see the file's comment); true when
 * taken (the event is then stopped). `filtered`: a filter hides rows.
 */
export function commitEnter(
  e: KeyboardEvent,
  api: GridApi<GridItem>,
  root: HTMLElement,
  filtered: boolean,
): boolean {
  if (e.key !== 'Enter') return false;
  const editing = api.getEditingCells().map((c) => ({
    rowIndex: c.rowIndex,
    rowPinned: c.rowPinned,
    colId: c.column?.getColId() ?? '',
  }));
  const kindAt = (i: number) => {
    const d = api.getDisplayedRowAtIndex(i)?.data;
    return d && !isPinned(d) ? d.kind : null;
  };
  const to = enterTarget({
    key: e.key,
    shiftKey: e.shiftKey,
    other: e.altKey || e.ctrlKey || e.metaKey || e.isComposing || e.keyCode === 229,
    editing,
    rowCount: api.getDisplayedRowCount(),
    kindAt,
    filtered,
  });
  if (!to || !drawnCell(root, to.rowIndex, to.colId)) return false;
  e.preventDefault();
  e.stopPropagation();
  stopInto(api, drawnCell(root, editing[0].rowIndex, editing[0].colId), () =>
    drawnCell(root, to.rowIndex, to.colId),
  );
  if (api.getEditingCells().length) return true;
  // the commit may have redrawn the row: the cell is looked up again
  const cell = drawnCell(root, to.rowIndex, to.colId);
  if (!cell) {
    api.ensureIndexVisible(to.rowIndex);
    api.setFocusedCell(to.rowIndex, to.colId);
    return true;
  }
  // focused without scrolling: the grid's own focus then finds it focused and does not scroll
  if (cell.ownerDocument.activeElement !== cell) cell.focus({ preventScroll: true });
  api.setFocusedCell(to.rowIndex, to.colId);
  // after the frame that shows the totals: the cell scrolled into view, if it still has the focus
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (api.isDestroyed()) return;
      const f = api.getFocusedCell();
      if (!f || f.rowPinned || f.rowIndex !== to.rowIndex || f.column.getColId() !== to.colId)
        return;
      api.ensureIndexVisible(to.rowIndex);
      api.ensureColumnVisible(to.colId);
    }, 0),
  );
  return true;
}
