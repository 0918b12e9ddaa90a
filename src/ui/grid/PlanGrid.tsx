/**
 * The one grid of every sheet (appendix or plain grid sheet, through its sheet adapter): AG Grid
 * over the session, with Planbook's range selection, clipboard, fill, keys and input methods;
 * refreshes only the rows an edit changed.
 */
import type { GridApi } from 'ag-grid-community';
import { AG_GRID_LOCALE_VN } from '@ag-grid-community/locale';
import { AgGridReact } from 'ag-grid-react';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { Refusal, RefusalCode } from '../../app/commands';
import type { CellRange } from '../../app/selection';
import { useGridInteraction } from './useGridInteraction';
import { attachIme } from './imeCell';
import type { GridCommand } from './keymap';
import { useGridKeys } from './useGridKeys';
import type { SessionEvent, WorkbookSession } from '../../app/session';
import type { SheetDisplay } from '../../domain/display';
import { useLang } from '../i18n';
import { acceptedEntry, reopenRefused } from './refusedEntry';
import { externalFilter, shownRows } from './planIndexApi';
import { commitEnter } from './enterCommit';
import { attachKeyBurst } from './keyBurst';
import { attachStrayKeys } from './strayKeys';
import { useColumnWidths } from './useColumnWidths';
import { type GridCtx, type GridItem, isPinned, reindex } from './gridContext';
import { followPlain } from './plainAdapter';
import { sheetAdapter } from './sheetAdapter';
import { followAppendix, pinnedRows } from './followAppendix';
import { defaultColDef, getRowClass, getRowId, theme } from './gridOptions';
import { useFillHandle } from './useFillHandle';
import { readOnlyKeyRefusal } from './readOnlyKey';
import { type FocusInfo, useGridReady } from './useGridReady';

export { theme };
export type { FocusInfo };

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
      followAppendix(e, api, ctx, current, t);
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

  const wrapper = useRef<HTMLDivElement | null>(null);
  const { handle, placeHandle } = useFillHandle(wrapper, ctx);
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
  // keys are taken in the capture phase, before the grid and the browser act on them
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return undefined;
    const unbind = ix.bind(el);
    // keys typed while an editor opens are held for it, before the grid's keys see them
    const unBurst = attachKeyBurst(el, () => apiRef.current, ctx);
    const unIme = attachIme(el, { api: () => apiRef.current, ctx });
    // keys that reach the page's body while a redraw took the cell's focus: back to the cell
    const unStray = attachStrayKeys(el, () => apiRef.current);
    const other = (c: GridCommand) => handlers.current.onCommand?.(c) ?? false;
    const key = (e: KeyboardEvent) => {
      // an input method's keys are its own (Enter confirms a composition, not the cell)
      if (e.isComposing || e.keyCode === 229) return e.stopPropagation();
      const api = apiRef.current;
      if (api && commitEnter(e, api, el, !!shownRows(ctx))) return;
      if (!api || api.getEditingCells().length || (e.target as Element).closest('.pb-fill-handle'))
        return;
      if (!plain) {
        // a character or Delete on a section's figure: say why nothing is written
        const f = api.getFocusedCell();
        const item = f && !f.rowPinned ? api.getDisplayedRowAtIndex(f.rowIndex)?.data : undefined;
        const row = item && !isPinned(item) ? item : undefined;
        const no = readOnlyKeyRefusal(e, sheetOf(), row, f?.column.getColId(), ctx.selection);
        if (no) handlers.current.onRangeRefused(no);
      }
      if (gridKey(e, other) || ix.onKey(e) || handlers.current.onKeyDown(e, api))
        e.stopPropagation();
    };
    el.addEventListener('keydown', key, true);
    return () => {
      unbind?.();
      unIme();
      unBurst();
      unStray();
      el.removeEventListener('keydown', key, true);
    };
  }, [ix, apiRef, ctx, gridKey, plain, sheetOf]);

  const { onGridReady, onFirstData } = useGridReady({ session, apiRef, ctx, ix, handlers });

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
