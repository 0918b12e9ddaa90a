/** How an appendix's grid follows the session's steps: rows replaced or redrawn, totals pinned. */
import type { GridApi, IRowNode } from 'ag-grid-community';
import type { SessionEvent, WorkbookSession } from '../../app/session';
import type { ColumnNode, Id, Row } from '../../domain/types';
import type { T } from '../i18n';
import { type GridCtx, type GridItem, isPinned, type PinnedRow, reindex } from './gridContext';
import { pinnedTotals } from './totalsModel';
import { refreshPinned } from './pinnedRefresh';
import {
  presenceChanged,
  redrawFigures,
  refreshColumns,
  shownColumns,
  updateRows,
} from './rowRefresh';
import { applyStructure } from './structureRefresh';

/** Planbook's computed total rows, only where the plan has no total row of its own. */
export function pinnedRows(session: WorkbookSession, sheetId: string, t: T): PinnedRow[] {
  // a plain grid sheet has none (no sheet of the plan by this id)
  const sheet = session.workbook.sheets.find((s) => s.id === sheetId);
  if (!sheet) return [];
  return pinnedTotals(sheet, session.layout(sheetId).sources, (s) =>
    s === null ? t('grandTotal') : t('totalOf', { source: s }),
  );
}

/**
 * Follows a step on an appendix's grid: after a structural step the rows that moved (all rows
 * after a reload or a change too large for a transaction: structureRefresh.ts), else
 * the rows whose data changed take their new objects and those whose values changed are redrawn.
 */
export function followAppendix(
  e: SessionEvent,
  api: GridApi<GridItem>,
  ctx: GridCtx,
  current: { rows: readonly Row[]; columns: ColumnNode[] },
  t: T,
): void {
  const { session, sheetId } = ctx;
  const cols = refreshColumns(current.columns);
  if (e.structure || e.kind === 'reload') {
    // the rows that moved, as one transaction (all rows only after a reload or a large change)
    const moved = e.kind !== 'reload' && applyStructure(api, ctx, current.rows, cols);
    if (!moved) {
      reindex(ctx, current.rows);
      api.setGridOption('rowData', current.rows.slice());
    }
    const pins = pinnedRows(session, sheetId, t);
    if (pins.length !== api.getPinnedBottomRowCount())
      api.setGridOption('pinnedBottomRowData', pins);
    api.refreshCells({ force: true });
    return;
  }
  // rows whose data changed get their new objects (one transaction for large pastes); rows
  // whose computed values changed are redrawn only if they are on screen, in the columns whose
  // values changed when the engine says which (null: the whole row)
  const rendered = new Set(api.getRenderedNodes().map((n) => n.id));
  const refresh = new Map<IRowNode<GridItem>, Id[] | null>();
  const updated: Row[] = [];
  let totals = false;
  // the totals that moved, when every patch that moved some says which
  let totalCols: Set<Id> | undefined = new Set();
  for (const patch of e.patches) {
    if (patch.sheetId !== sheetId) continue;
    // a label made the table a balance table, or no longer one: its computed totals come or go
    if (patch.pinned) api.setGridOption('pinnedBottomRowData', pinnedRows(session, sheetId, t));
    for (const i of patch.rows) {
      const row = current.rows[i];
      const node = row && api.getRowNode(row.id);
      if (!node) continue;
      if (node.data !== row) updated.push(row);
      else if (rendered.has(node.id)) {
        const ids = patch.cells?.get(i);
        const had = refresh.get(node);
        refresh.set(
          node,
          ids && had !== null ? [...(had ?? []), ...shownColumns(ids, cols, ctx, row)] : null,
        );
      }
    }
    if (patch.totals) {
      // stated total rows are checked against the totals: refresh their marks too
      for (const n of api.getRenderedNodes()) {
        if (n.data && !isPinned(n.data) && n.data.kind === 'total') refresh.set(n, null);
      }
      totals = true;
      if (totalCols && patch.totalCols) for (const c of patch.totalCols) totalCols.add(c);
      else totalCols = undefined;
    }
  }
  // under a filter a large change is one transaction (the filter runs again); else each row
  // takes its data (a transaction would place all the sheet's rows again)
  // (only the cells that can show something else are redrawn: rowRefresh.ts)
  if (updated.length > 20 && api.isAnyFilterPresent()) api.applyTransaction({ update: updated });
  else
    updateRows(
      api,
      updated.map((row) => ({ node: api.getRowNode(row.id)!, row })),
      cols,
      rendered,
    );
  // a section whose sum stays 0 can still show something else: blank while nothing under it
  // holds a figure, 0 once one does (domain/emptySums): the columns where a row's cell came or
  // went are compared on every section on screen, not forced
  redrawFigures(api, refresh, cols);
  const filled = presenceChanged(e, sheetId, updated, cols);
  if (filled.length) {
    const sections = api
      .getRenderedNodes()
      .filter((n) => !refresh.has(n) && n.data && !isPinned(n.data) && n.data.kind === 'section');
    if (sections.length) api.refreshCells({ rowNodes: sections, columns: filled });
  }
  const sheet = totals && session.workbook.sheets.find((s) => s.id === sheetId);
  if (sheet) refreshPinned(api, sheet, totalCols);
}
