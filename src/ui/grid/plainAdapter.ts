/**
 * The sheet adapter of a plain grid sheet (an imported table kept as it is): numbered rows ×
 * lettered columns, every cell writable, figures written and read in the user's number style; the
 * sheet shows a margin of empty rows and columns past its contents and grows as it is written.
 */
import type { ColDef, GridApi } from 'ag-grid-community';
import {
  copyGridRange,
  planGridClear,
  planGridFill,
  planGridPaste,
} from '../../app/plainClipboard';
import type { ShownValue } from '../../app/clipboardHtml';
import type { CommitResult } from '../../app/editing';
import type { SessionEvent, WorkbookSession } from '../../app/session';
import { columnLetter } from '../../domain/columns';
import { gridCell, gridColumns, gridInput, gridText } from '../../domain/grid';
import { formatAmount } from '../../domain/numbers';
import type { CellInput, GridSheet, Id, Row } from '../../domain/types';
import type { Lang, T } from '../i18n';
import { PlanCellEditor } from './CellEditor';
import { collabClassRules } from './collabCells';
import { gridKeys, inRange } from './columnDefs';
import type { GridView } from './displayFormat';
import { type GridCtx, type GridItem, reindex } from './gridContext';
import { withPlainCollab } from './plainCollab';
import type { SheetAdapter } from './sheetAdapter';
import { resizePlain } from './structureRefresh';

/** Empty rows and columns shown past a plain sheet's contents (room to type and paste into). */
export const SPARE_ROWS = 30;
export const SPARE_COLUMNS = 3;
const MIN_COLUMNS = 8;

/** How many columns the grid shows for a plain sheet. */
export function shownColumns(g: GridSheet): number {
  return Math.max(gridColumns(g) + SPARE_COLUMNS, MIN_COLUMNS);
}

/** The text an editor opens with: the formula, the number in the user's style, or the text. */
export function plainEditText(v: CellInput, lang: Lang): string {
  if (v === null) return '';
  if (typeof v === 'number') return formatAmount(v, lang, 10);
  return v;
}

/** What a computed value of a plain cell shows, figures in the user's style. */
export function plainShown(v: unknown, raw: CellInput, lang: Lang): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatAmount(v, lang);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') return `#${(v as { error: string }).error}`;
  return typeof raw === 'string' ? gridText(String(v)) : String(v);
}

/** Column definitions of a plain sheet: a row-number gutter, then `n` lettered columns. */
export function plainColumnDefs(n: number, view?: GridView, t?: T): ColDef<GridItem>[] {
  const cols: ColDef<GridItem>[] = [
    {
      colId: '__row',
      headerName: '',
      width: 56,
      pinned: 'left',
      editable: false,
      cellClass: 'pb-gutter',
      suppressKeyboardEvent: gridKeys,
      valueGetter: (p) => (p.data ? ((p.context as GridCtx).index.get(p.data.id) ?? 0) + 1 : ''),
    },
  ];
  for (let c = 0; c < n; c++) {
    const colId = String(c);
    const def: ColDef<GridItem> = {
      colId,
      headerName: columnLetter(c),
      width: view?.widths[colId] ?? 120,
      editable: true,
      cellEditor: PlanCellEditor,
      // the edit is committed here, synchronously (as the appendix's columns do)
      valueSetter: (p) => {
        if (p.data) (p.context as GridCtx).commit(p.data.id, colId, String(p.newValue ?? ''));
        return false;
      },
      valueGetter: (p) => {
        const ctx = p.context as GridCtx;
        const i = p.data ? ctx.index.get(p.data.id) : undefined;
        return i === undefined ? null : ctx.adapter.value(i, colId);
      },
      valueFormatter: (p) => {
        const ctx = p.context as GridCtx;
        const i = p.data ? ctx.index.get(p.data.id) : undefined;
        return i === undefined ? '' : plainShown(p.value, ctx.adapter.raw(i, colId), ctx.lang);
      },
      cellClassRules: {
        'pb-num': (p) => typeof p.value === 'number',
        'pb-selected': (p) => inRange((x) => x.selection, p, colId),
        'pb-cut': (p) => inRange((x) => x.cut, p, colId),
        'pb-fill-target': (p) => inRange((x) => x.fillTarget, p, colId),
        'pb-refused': (p) => {
          const r = (p.context as GridCtx).refused;
          return !!r && r.colId === colId && r.rowId === p.data?.id;
        },
        ...collabClassRules(colId),
      },
      tooltipValueGetter: (p) => {
        const r = (p.context as GridCtx).refused;
        return r && r.colId === colId && r.rowId === p.data?.id ? r.message : undefined;
      },
      suppressKeyboardEvent: (p) =>
        !p.editing && (p.event.key === 'Delete' || p.event.key === 'Backspace'),
    };
    cols.push(withPlainCollab(def, colId, t));
  }
  return cols;
}

/** The adapter of a plain grid sheet. */
export function plainAdapter(session: WorkbookSession, gridId: Id): SheetAdapter {
  // a sheet just removed (turned into an appendix, undone) reads as empty until the view moves on
  const grid = (): GridSheet =>
    session.workbook.grids?.find((g) => g.id === gridId) ?? {
      kind: 'grid',
      id: gridId,
      name: '',
      cells: [],
    };
  /** One item per row index, kept so that AG Grid sees the same objects between steps. */
  const items: Row[] = [];
  const itemsTo = (n: number): Row[] => {
    for (let i = items.length; i < n; i++)
      items.push({ id: String(i), kind: 'project', level: 0, cells: {} });
    return items.slice(0, n);
  };
  const raw = (i: number, c: string) => gridCell(grid(), i, Number(c));
  const value = (i: number, c: string) => session.gridValue(gridId, i, Number(c));
  /** What a cell shows: its number, else its text (a truth value as TRUE or FALSE). */
  const shownValue = (i: number, c: string): ShownValue => {
    const v = value(i, c);
    if (v === null || typeof v === 'object') return '';
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (typeof v === 'number') return v;
    return typeof raw(i, c) === 'string' ? gridText(v) : v;
  };
  const shown = (_ctx: GridCtx, i: number, c: string): string => String(shownValue(i, c));
  const commit = (ctx: GridCtx, rowId: string, colId: string, text: string): CommitResult => {
    const r = Number(rowId);
    const c = Number(colId);
    const v = gridInput(text, ctx.lang);
    if (gridCell(grid(), r, c) === v) return { ok: true, changed: false };
    const res = session.dispatch(
      { type: 'setGridCells', gridId, changes: [{ r, c, value: v }] },
      'editCell',
    );
    return res.ok ? { ok: true, changed: true } : { ok: false, refusal: res.refusals[0] };
  };
  return {
    kind: 'plain',
    id: gridId,
    items: () => itemsTo(grid().cells.length + SPARE_ROWS),
    rowCount: () => grid().cells.length + SPARE_ROWS,
    rowId: (i) => (i >= 0 && i < grid().cells.length + SPARE_ROWS ? String(i) : undefined),
    leafIds: () => Array.from({ length: shownColumns(grid()) }, (_, c) => String(c)),
    raw,
    value,
    shown,
    copy: (_ctx, r) => copyGridRange(grid(), r, (i, j) => shownValue(i, String(j))),
    paste: (ctx, at, m, rawM) => planGridPaste(grid(), at, m, rawM, ctx.lang),
    fill: (_ctx, source, target) => planGridFill(grid(), source, target),
    clear: (_ctx, r) => planGridClear(grid(), r),
    commit,
    editText: (ctx, rowId, colId) => plainEditText(raw(Number(rowId), colId), ctx.lang),
    columnDefs: (t: T, view?: GridView) => plainColumnDefs(shownColumns(grid()), view, t),
  };
}

/**
 * Follows a step on a plain sheet's grid: new columns or rows when the sheet grew (or shrank on
 * undo), else the rows whose values changed redrawn. The focused cell keeps the keyboard focus,
 * so that the next key or paste still reaches the grid.
 */
export function followPlain(
  e: SessionEvent,
  api: GridApi<GridItem>,
  ctx: GridCtx,
  t: T,
  view?: GridView,
): void {
  const a = ctx.adapter;
  const mine = e.grids.filter((g) => g.gridId === a.id);
  if (!mine.length && e.kind !== 'reload') return;
  if (!ctx.session.workbook.grids?.some((g) => g.id === a.id)) return;
  const hadFocus = !!document.activeElement?.closest('.ag-root-wrapper');
  const focused = api.getFocusedCell();
  let reshaped = false;
  const ids = a.leafIds();
  if (ids.length !== ctx.leafIds.length) {
    ctx.leafIds = ids;
    ctx.leafIndex = new Map(ids.map((id, i) => [id, i]));
    api.setGridOption('columnDefs', a.columnDefs(t, view));
    reshaped = true;
  }
  if (a.rowCount() !== ctx.index.size) {
    // the rows past the old end added or removed (all rows only when none were recorded)
    const rows = a.items();
    if (!resizePlain(api, ctx, rows)) {
      reindex(ctx, rows);
      api.setGridOption('rowData', rows);
    }
    reshaped = true;
  }
  if (reshaped || e.kind === 'reload') api.refreshCells({ force: true });
  else {
    const rows = new Set(mine.flatMap((g) => [...g.rows]));
    const nodes = [...rows].map((r) => api.getRowNode(String(r))).filter((n) => !!n);
    if (nodes.length) api.refreshCells({ rowNodes: nodes, force: true });
  }
  if (reshaped && hadFocus && focused && !document.activeElement?.closest('.ag-root-wrapper'))
    api.setFocusedCell(focused.rowIndex, focused.column.getColId());
}
