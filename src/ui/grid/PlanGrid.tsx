/**
 * The one grid of every sheet (appendix or plain grid sheet, through its sheet adapter): AG Grid
 * over the session, with Planbook's range selection, clipboard, fill, keys and input methods;
 * refreshes only the rows an edit changed.
 */
import {
  AllCommunityModule,
  type CellFocusedEvent,
  type GridApi,
  type IRowNode,
  type GridReadyEvent,
  ModuleRegistry,
  type RowClassParams,
  themeQuartz,
} from 'ag-grid-community';
import { AG_GRID_LOCALE_VN } from '@ag-grid-community/locale';
import { AgGridReact } from 'ag-grid-react';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Refusal, RefusalCode } from '../../app/commands';
import type { CellRange } from '../../app/selection';
import { useGridInteraction } from './useGridInteraction';
import { attachIme } from './imeCell';
import type { GridCommand } from './keymap';
import { focusFirstProject, useGridKeys } from './useGridKeys';
import type { SessionEvent, WorkbookSession } from '../../app/session';
import type { SheetDisplay } from '../../domain/display';
import type { Row } from '../../domain/types';
import { useLang } from '../i18n';
import { acceptedEntry, reopenRefused } from './refusedEntry';
import { externalFilter, planIndexApi, planIndexOf } from './planIndexApi';
import { useColumnWidths } from './useColumnWidths';
import { type GridCtx, type GridItem, isPinned, type PinnedRow, reindex } from './gridContext';
import { pinnedTotals } from './totalsModel';
import { followPlain } from './plainAdapter';
import { sheetAdapter } from './sheetAdapter';

ModuleRegistry.registerModules([AllCommunityModule]);

export const theme = themeQuartz.withParams({
  fontFamily: '"Times New Roman", "Liberation Serif", serif',
  fontSize: 14,
  headerFontWeight: 700,
  rowHeight: 30,
  headerHeight: 34,
  spacing: 5,
  wrapperBorderRadius: 0,
});

export interface FocusInfo {
  rowIndex: number | null;
  row: Row | null;
  colId: string | null;
}

export interface PlanGridProps {
  session: WorkbookSession;
  sheetId: string;
  onRangeRefused: (r: Refusal) => void;
  onSelection: (r: CellRange | null) => void;
  onRefused: (rowId: string, colId: string, code: RefusalCode, detail?: string) => void;
  onAccepted: () => void;
  /** A paste filled the project rows and skipped this many computed cells. */
  onPasteSkipped?: (n: number) => void;
  onFocus: (f: FocusInfo) => void;
  onKeyDown: (e: KeyboardEvent, api: GridApi<GridItem>) => boolean;
  /** The menu, help and row-action keys (see keymap.ts); true when taken. */
  onCommand?: (c: GridCommand) => boolean;
  apiRef: React.MutableRefObject<GridApi<GridItem> | null>;
  ctxRef: React.MutableRefObject<GridCtx | null>;
  /** How the sheet shows figures and texts (display unit, decimals, wrapping). */
  display?: SheetDisplay;
}

/** Planbook's computed total rows, only where the plan has no total row of its own. */
function pinnedRows(
  session: WorkbookSession,
  sheetId: string,
  t: ReturnType<typeof useLang>['t'],
): PinnedRow[] {
  // a plain grid sheet has none (no sheet of the plan by this id)
  const sheet = session.workbook.sheets.find((s) => s.id === sheetId);
  if (!sheet) return [];
  return pinnedTotals(sheet, session.layout(sheetId).sources, (s) =>
    s === null ? t('grandTotal') : t('totalOf', { source: s }),
  );
}

const getRowId = (r: { data: GridItem }) => r.data.id;
const getRowClass = (r: RowClassParams<GridItem>) => {
  const d = r.data;
  if (!d || isPinned(d)) return d?.source === null ? 'pb-pinned pb-grand' : 'pb-pinned';
  return `pb-${d.kind} pb-level-${Math.min(d.level, 4)}`;
};
/** Rows stay in plan order: no sorting, no column dragging (indexes are the plan's own). */
const defaultColDef = { sortable: false, suppressMovable: true } as const;

/**
 * The grid of one sheet (an appendix, or a plain grid sheet: `sheetId` is then the grid's id);
 * re-renders only when the language or the sheet changes.
 */
export const PlanGrid = memo(function PlanGrid(p: PlanGridProps) {
  const { lang, t } = useLang();
  const { session, sheetId, apiRef, ctxRef } = p;
  const adapter = useMemo(() => sheetAdapter(session, sheetId), [session, sheetId]);
  const plain = adapter.kind === 'plain';
  const sheetOf = useCallback(
    () => session.workbook.sheets.find((s) => s.id === sheetId)!,
    [session, sheetId],
  );
  const commitRef = useRef<(rowId: string, colId: string, text: string) => void>(() => undefined);
  const ctx = useMemo<GridCtx>(() => {
    const leafIds = adapter.leafIds();
    const c: GridCtx = {
      session,
      sheetId,
      adapter,
      index: new Map(),
      lang: 'vi',
      refused: null,
      selection: null,
      anchor: null,
      cut: null,
      fillTarget: null,
      marks: null,
      leafIds,
      leafIndex: new Map(leafIds.map((id, i) => [id, i])),
      commit: (rowId, colId, text) => commitRef.current(rowId, colId, text),
    };
    reindex(c, adapter.items());
    return c;
  }, [session, sheetId, adapter]);
  ctx.lang = lang;
  ctxRef.current = ctx;
  // a plain sheet's columns change only as it grows (see followPlain)
  const columns = plain ? null : sheetOf().columns;
  const wrap = !!p.display?.wrap;
  const columnDefs = useMemo(
    () => adapter.columnDefs(t, { widths: session.widths.of(sheetId), wrap }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- columns: the appendix's tree
    [adapter, columns, t, wrap, session, sheetId],
  );
  const onColumnResized = useColumnWidths(session, sheetId);
  const initialRows = useMemo(() => adapter.items(), [adapter]);
  const filter = useMemo(() => externalFilter(ctx), [ctx]);
  const pinned = useMemo(() => pinnedRows(session, sheetId, t), [session, sheetId, t]);
  const handlers = useRef(p);
  handlers.current = p;

  useEffect(() => {
    apiRef.current?.refreshCells({ force: true });
    apiRef.current?.refreshHeader();
  }, [lang, apiRef]);

  useEffect(() => {
    apiRef.current?.refreshCells({ force: true });
    apiRef.current?.resetRowHeights();
  }, [p.display, apiRef]);

  useEffect(() => {
    return session.subscribe((e: SessionEvent) => {
      const api = apiRef.current;
      if (api && plain)
        return followPlain(e, api, ctx, t, { widths: session.widths.of(sheetId), wrap: false });
      const current = sheetOf();
      if (!api || !current) return;
      if (e.structure || e.kind === 'reload') {
        reindex(ctx, current.rows);
        api.setGridOption('rowData', current.rows.slice());
        const pins = pinnedRows(session, sheetId, t);
        if (pins.length !== api.getPinnedBottomRowCount())
          api.setGridOption('pinnedBottomRowData', pins);
        api.refreshCells({ force: true });
        return;
      }
      // rows whose data changed get their new objects (one transaction for large pastes); rows
      // whose computed values changed are redrawn only if they are on screen
      const rendered = new Set(api.getRenderedNodes().map((n) => n.id));
      const refresh: IRowNode<GridItem>[] = [];
      const updated: Row[] = [];
      for (const patch of e.patches) {
        if (patch.sheetId !== sheetId) continue;
        for (const i of patch.rows) {
          const row = current.rows[i];
          const node = row && api.getRowNode(row.id);
          if (!node) continue;
          if (node.data !== row) updated.push(row);
          else if (rendered.has(node.id)) refresh.push(node);
        }
        if (patch.totals) {
          // stated total rows are checked against the totals: refresh their marks too
          for (const n of api.getRenderedNodes()) {
            if (n.data && !isPinned(n.data) && n.data.kind === 'total') refresh.push(n);
          }
          for (let k = 0; k < api.getPinnedBottomRowCount(); k++) {
            const n = api.getPinnedBottomRow(k);
            if (n) refresh.push(n);
          }
        }
      }
      // under a filter a large change is one transaction (the filter runs again); else each row
      // takes its data (a transaction would place all the sheet's rows again)
      if (updated.length > 20 && api.isAnyFilterPresent())
        api.applyTransaction({ update: updated });
      else for (const row of updated) api.getRowNode(row.id)?.setData(row);
      if (refresh.length) api.refreshCells({ rowNodes: refresh, force: true });
    });
  }, [session, sheetId, sheetOf, ctx, apiRef, t, plain]);

  commitRef.current = (rowId: string, colId: string, text: string) => {
    const r = adapter.commit(ctx, rowId, colId, text);
    if (r.ok) {
      acceptedEntry(ctx);
      handlers.current.onAccepted();
    } else {
      handlers.current.onRefused(rowId, colId, r.refusal.code, r.refusal.detail);
      reopenRefused(apiRef.current, ctx, rowId, colId, text);
    }
  };

  const ix = useGridInteraction({
    session,
    sheetId,
    apiRef,
    ctx,
    onRefused: (r) => handlers.current.onRangeRefused(r),
    onDone: () => handlers.current.onAccepted(),
    onSkipped: (n) => handlers.current.onPasteSkipped?.(n),
    onSelection: (r) => {
      handlers.current.onSelection(r);
      placeHandle();
    },
  });
  const gridKey = useGridKeys({
    session,
    sheetId,
    apiRef,
    ctx,
    select: ix.select,
    extendTo: ix.extendTo,
  });
  const wrapper = useRef<HTMLDivElement | null>(null);
  const [handle, setHandle] = useState<{ x: number; y: number } | null>(null);
  const placeHandle = useCallback(() => {
    requestAnimationFrame(() => {
      const el = wrapper.current;
      const sel = ctx.selection;
      if (!el || !sel) return setHandle(null);
      const rowId = adapter.rowId(sel.r1) ?? '';
      const cell = el.querySelector(
        `.ag-row[row-id="${CSS.escape(rowId)}"] [col-id="${ctx.leafIds[sel.c1]}"]`,
      );
      if (!cell) return setHandle(null);
      const a = el.getBoundingClientRect();
      const b = cell.getBoundingClientRect();
      setHandle({ x: b.right - a.left - 4, y: b.bottom - a.top - 4 });
    });
  }, [ctx, adapter]);
  // keys are taken in the capture phase, before the grid and the browser act on them
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return undefined;
    const unbind = ix.bind(el);
    const unIme = attachIme(el, { api: () => apiRef.current, ctx });
    const other = (c: GridCommand) => handlers.current.onCommand?.(c) ?? false;
    const key = (e: KeyboardEvent) => {
      // an input method's keys are its own (Enter confirms a composition, not the cell)
      if (e.isComposing || e.keyCode === 229) return e.stopPropagation();
      const api = apiRef.current;
      if (!api || api.getEditingCells().length || (e.target as Element).closest('.pb-fill-handle'))
        return;
      if (gridKey(e, other) || ix.onKey(e) || handlers.current.onKeyDown(e, api))
        e.stopPropagation();
    };
    el.addEventListener('keydown', key, true);
    return () => {
      unbind?.();
      unIme();
      el.removeEventListener('keydown', key, true);
    };
  }, [ix, apiRef, ctx, gridKey]);

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
    [apiRef, ix],
  );

  const onFirstData = useCallback(() => {
    performance.mark('pb:grid-ready');
    if (apiRef.current) focusFirstProject(apiRef.current, ctx, session);
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

  return (
    <div
      className="pb-grid"
      data-testid={plain ? 'plain-grid' : 'plan-grid'}
      data-grid-id={plain ? sheetId : undefined}
      ref={wrapper}
    >
      {handle && (
        <div
          className="pb-fill-handle"
          data-testid="fill-handle"
          style={{ left: handle.x, top: handle.y }}
        />
      )}
      <AgGridReact<GridItem>
        theme={theme}
        rowData={initialRows}
        columnDefs={columnDefs}
        defaultColDef={defaultColDef}
        pinnedBottomRowData={pinned}
        getRowId={getRowId}
        context={ctx}
        onFirstDataRendered={onFirstData}
        onColumnHeaderClicked={ix.onColumnHeaderClicked}
        onColumnResized={onColumnResized}
        onBodyScroll={placeHandle}
        onGridReady={onGridReady}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        localeText={lang === 'vi' ? AG_GRID_LOCALE_VN : undefined}
        tooltipShowDelay={300}
        suppressColumnVirtualisation
        animateRows={false}
        getRowClass={getRowClass}
        {...filter}
      />
    </div>
  );
});
