/**
 * Excel's navigation and selection keys on the grid (Home/End, Ctrl+Home/End, Ctrl+arrows,
 * PageUp/PageDown, Shift+Space, Ctrl+Space), the grid's focus when a sheet opens, and the hand-off
 * of the menu, help and row-action keys to the workbook view. The key map itself is `keymap.ts`.
 */
import type { GridApi } from 'ag-grid-community';
import { useCallback, useRef } from 'react';
import type { CellPos, CellRange } from '../../app/selection';
import type { WorkbookSession } from '../../app/session';
import { type GridCommand, gridCommand, navTarget } from './keymap';
import { type GridCtx, type GridItem } from './gridContext';

export interface GridKeyDeps {
  session: WorkbookSession;
  sheetId: string;
  apiRef: React.MutableRefObject<GridApi<GridItem> | null>;
  ctx: GridCtx;
  select: (range: CellRange, anchor?: CellPos | null) => void;
  extendTo: (p: CellPos) => void;
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

/** Rows a page moves by: the body rows on screen, less one (as Excel keeps one in view). */
function pageRows(api: GridApi<GridItem>): number {
  const range = api.getVerticalPixelRange();
  const h = api.getDisplayedRowAtIndex(0)?.rowHeight ?? 30;
  return Math.max(1, Math.floor((range.bottom - range.top) / h) - 1);
}

/** Puts the grid's focus (and so the selection) on a body cell, scrolled into view. */
export function focusCell(api: GridApi<GridItem>, ctx: GridCtx, p: CellPos): void {
  const colId = ctx.leafIds[p.col];
  if (colId === undefined) return;
  api.ensureIndexVisible(p.row);
  api.ensureColumnVisible(colId);
  api.setFocusedCell(p.row, colId);
}

/** The grid's focus when a sheet opens: the name of its first project (else its first row). */
export function focusFirstProject(
  api: GridApi<GridItem>,
  ctx: GridCtx,
  session: WorkbookSession,
): void {
  const active = document.activeElement;
  if (active && active !== document.body && !active.closest('[data-testid=plan-grid]')) return;
  // a cell the user (or a link) chose before the first rows were drawn keeps the focus
  if (api.getFocusedCell()) return;
  const rows = session.workbook.sheets.find((s) => s.id === ctx.sheetId)?.rows ?? [];
  if (!rows.length) return;
  const i = Math.max(
    0,
    rows.findIndex((r) => r.kind === 'project'),
  );
  const col = ctx.leafIndex.get('name') ?? 0;
  focusCell(api, ctx, { row: i, col });
}

/**
 * The grid's own keys; returns a handler that takes a key event (true: handled) and hands the
 * commands that are the workbook view's (menu, help, row actions) to `other`.
 */
export function useGridKeys(deps: GridKeyDeps) {
  const ref = useRef(deps);
  ref.current = deps;
  return useCallback((e: KeyboardEvent, other: (c: GridCommand) => boolean): boolean => {
    const d = ref.current;
    const api = d.apiRef.current;
    if (!api || api.getEditingCells().length) return false;
    const cmd = gridCommand(e);
    if (!cmd) return false;
    const { ctx } = d;
    const rows = ctx.adapter.rowCount();
    const cols = ctx.leafIds.length;
    const focused = api.getFocusedCell();
    const fcol = focused ? ctx.leafIndex.get(focused.column.getColId()) : undefined;
    const here: CellPos | null =
      focused && !focused.rowPinned && fcol !== undefined
        ? { row: focused.rowIndex, col: fcol }
        : ctx.anchor;
    if (cmd.kind === 'nav') {
      if (!here || !rows) return false;
      const s = ctx.selection;
      // an extension moves the selection's far corner, as Shift+arrows do
      const from =
        cmd.extend && s && ctx.anchor
          ? {
              row: s.r0 === ctx.anchor.row ? s.r1 : s.r0,
              col: s.c0 === ctx.anchor.col ? s.c1 : s.c0,
            }
          : here;
      const filled = (r: number, c: number) => {
        const id = ctx.leafIds[c];
        const v = ctx.adapter.value(r, id);
        return !isBlank(v) || !isBlank(ctx.adapter.raw(r, id));
      };
      const to = navTarget(cmd.to, from, { rows, cols, page: pageRows(api), filled });
      if (cmd.extend && ctx.anchor) d.extendTo(to);
      else focusCell(api, ctx, to);
    } else if (cmd.kind === 'selectRow' || cmd.kind === 'selectColumn') {
      if (!here || !rows) return false;
      const s = ctx.selection ?? { r0: here.row, r1: here.row, c0: here.col, c1: here.col };
      if (cmd.kind === 'selectRow')
        d.select({ r0: s.r0, r1: s.r1, c0: 0, c1: cols - 1 }, { row: s.r0, col: 0 });
      else d.select({ r0: 0, r1: rows - 1, c0: s.c0, c1: s.c1 }, { row: 0, col: s.c0 });
    } else if (!other(cmd)) return false;
    e.preventDefault();
    return true;
  }, []);
}
