/** The appendix grid: AG Grid over the session; refreshes only the rows an edit changed. */
import {
  AllCommunityModule,
  type CellEditRequestEvent,
  type CellFocusedEvent,
  type CellKeyDownEvent,
  type GridApi,
  type GridReadyEvent,
  ModuleRegistry,
  type RowClassParams,
  themeQuartz,
} from 'ag-grid-community';
import { AG_GRID_LOCALE_VN } from '@ag-grid-community/locale';
import { AgGridReact } from 'ag-grid-react';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { parseCellInput } from '../../app/commands';
import type { SessionEvent, WorkbookSession } from '../../app/session';
import { leaves } from '../../domain/columns';
import type { Row } from '../../domain/types';
import { useLang } from '../i18n';
import { buildColumnDefs } from './columnDefs';
import { type GridCtx, type GridItem, isPinned, type PinnedRow, reindex } from './gridContext';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({
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
  onRefused: (rowId: string, colId: string, code: string, detail?: string) => void;
  onAccepted: () => void;
  onFocus: (f: FocusInfo) => void;
  onKeyDown: (e: KeyboardEvent, api: GridApi<GridItem>) => boolean;
  apiRef: React.MutableRefObject<GridApi<GridItem> | null>;
  ctxRef: React.MutableRefObject<GridCtx | null>;
}

function pinnedRows(
  session: WorkbookSession,
  sheetId: string,
  t: ReturnType<typeof useLang>['t'],
): PinnedRow[] {
  const sources = session.layout(sheetId).sources;
  return [
    ...sources.map((s) => ({
      id: `pin:${s}`,
      pinned: true as const,
      source: s,
      label: t('totalOf', { source: s }),
    })),
    { id: 'pin:all', pinned: true as const, source: null, label: t('grandTotal') },
  ];
}

const getRowId = (r: { data: GridItem }) => r.data.id;
const getRowClass = (r: RowClassParams<GridItem>) => {
  const d = r.data;
  if (!d || isPinned(d)) return d?.source === null ? 'pb-pinned pb-grand' : 'pb-pinned';
  return `pb-${d.kind} pb-level-${Math.min(d.level, 4)}`;
};
const markReady = () => performance.mark('pb:grid-ready');

/** The grid of one appendix sheet; re-renders only when the language or the sheet changes. */
export const PlanGrid = memo(function PlanGrid(p: PlanGridProps) {
  const { lang, t } = useLang();
  const { session, sheetId, apiRef, ctxRef } = p;
  const sheetOf = useCallback(
    () => session.workbook.sheets.find((s) => s.id === sheetId)!,
    [session, sheetId],
  );
  const ctx = useMemo<GridCtx>(() => {
    const c: GridCtx = { session, sheetId, index: new Map(), lang: 'vi', refused: null };
    reindex(c, sheetOf().rows);
    return c;
  }, [session, sheetId, sheetOf]);
  ctx.lang = lang;
  ctxRef.current = ctx;
  const columns = sheetOf().columns;
  const columnDefs = useMemo(() => buildColumnDefs(columns, t), [columns, t]);
  const initialRows = useMemo(() => sheetOf().rows.slice(), [sheetOf]);
  const pinned = useMemo(() => pinnedRows(session, sheetId, t), [session, sheetId, t]);
  const handlers = useRef(p);
  handlers.current = p;

  useEffect(() => {
    apiRef.current?.refreshCells({ force: true });
    apiRef.current?.refreshHeader();
  }, [lang, apiRef]);

  useEffect(() => {
    return session.subscribe((e: SessionEvent) => {
      const api = apiRef.current;
      const current = sheetOf();
      if (!api || !current) return;
      if (e.structure || e.reload) {
        reindex(ctx, current.rows);
        api.setGridOption('rowData', current.rows.slice());
        api.refreshCells({ force: true });
        return;
      }
      const refresh = [];
      for (const patch of e.patches) {
        if (patch.sheetId !== sheetId) continue;
        for (const i of patch.rows) {
          const row = current.rows[i];
          const node = row && api.getRowNode(row.id);
          if (!node) continue;
          if (node.data !== row) node.setData(row);
          else refresh.push(node);
        }
        if (patch.totals) {
          // stated total rows are checked against the totals: refresh their marks too
          for (const r of current.rows) {
            const n = r.kind === 'total' ? api.getRowNode(r.id) : undefined;
            if (n) refresh.push(n);
          }
          for (let k = 0; k < api.getPinnedBottomRowCount(); k++) {
            const n = api.getPinnedBottomRow(k);
            if (n) refresh.push(n);
          }
        }
      }
      if (refresh.length) api.refreshCells({ rowNodes: refresh, force: true });
    });
  }, [session, sheetId, sheetOf, ctx, apiRef]);

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<GridItem>) => {
      const item = e.data;
      if (!item || isPinned(item)) return;
      const colId = e.column.getColId();
      const leaf = leaves(sheetOf().columns).find((l) => l.id === colId);
      if (!leaf) return;
      const parsed = parseCellInput(String(e.newValue ?? ''), leaf);
      if (parsed !== null && typeof parsed === 'object') {
        handlers.current.onRefused(item.id, colId, 'notNumber', parsed.invalid);
        return;
      }
      const i = ctx.index.get(item.id)!;
      const numeric =
        typeof parsed === 'number' || (typeof parsed === 'string' && parsed.startsWith('='));
      const old = numeric ? session.raw(sheetId, i, colId) : (item.cells[colId] ?? null);
      if (old === parsed) return;
      const r = session.dispatch(
        { type: 'setCells', sheetId, changes: [{ rowId: item.id, colId, value: parsed }] },
        'edit',
      );
      if (r.ok) handlers.current.onAccepted();
      else handlers.current.onRefused(item.id, colId, r.refusals[0].code, r.refusals[0].detail);
    },
    [session, sheetId, sheetOf, ctx],
  );

  const onCellFocused = useCallback(
    (e: CellFocusedEvent<GridItem>) => {
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
    [apiRef],
  );

  const onCellKeyDown = useCallback(
    (e: CellKeyDownEvent<GridItem>) => {
      const ev = e.event as KeyboardEvent | undefined;
      if (ev && apiRef.current) handlers.current.onKeyDown(ev, apiRef.current);
    },
    [apiRef],
  );

  const onGridReady = useCallback(
    (e: GridReadyEvent<GridItem>) => {
      apiRef.current = e.api;
      (window as unknown as { __grid?: GridApi<GridItem> }).__grid = e.api;
    },
    [apiRef],
  );

  return (
    <div className="pb-grid" data-testid="plan-grid">
      <AgGridReact<GridItem>
        theme={theme}
        rowData={initialRows}
        columnDefs={columnDefs}
        pinnedBottomRowData={pinned}
        getRowId={getRowId}
        context={ctx}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        onCellFocused={onCellFocused}
        onCellKeyDown={onCellKeyDown}
        onFirstDataRendered={markReady}
        onGridReady={onGridReady}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        localeText={lang === 'vi' ? AG_GRID_LOCALE_VN : undefined}
        tooltipShowDelay={300}
        suppressColumnVirtualisation
        animateRows={false}
        getRowClass={getRowClass}
      />
    </div>
  );
});
