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
import { useEffect, useMemo, useRef } from 'react';
import { parseCellInput } from '../../app/commands';
import type { SessionEvent, WorkbookSession } from '../../app/session';
import { leaves } from '../../domain/columns';
import type { AppendixSheet, Row } from '../../domain/types';
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
  sheet: AppendixSheet;
  onRefused: (rowId: string, colId: string, code: string, detail?: string) => void;
  onAccepted: () => void;
  onFocus: (f: FocusInfo) => void;
  onKeyDown: (e: KeyboardEvent, api: GridApi<GridItem>) => boolean;
  apiRef: React.MutableRefObject<GridApi<GridItem> | null>;
  ctxRef: React.MutableRefObject<GridCtx | null>;
}

function pinnedRows(
  session: WorkbookSession,
  sheet: AppendixSheet,
  t: ReturnType<typeof useLang>['t'],
): PinnedRow[] {
  const sources = session.layout(sheet.id).sources;
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

export function PlanGrid(p: PlanGridProps) {
  const { lang, t } = useLang();
  const { session, sheet, apiRef, ctxRef } = p;
  const ctx = useMemo<GridCtx>(() => {
    const c: GridCtx = { session, sheetId: sheet.id, index: new Map(), lang, refused: null };
    reindex(c, sheet.rows);
    return c;
    // the context object lives as long as the session and sheet; later changes mutate it
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, sheet.id]);
  ctx.lang = lang;
  ctxRef.current = ctx;
  const columnDefs = useMemo(() => buildColumnDefs(sheet, t), [sheet.columns, t]); // eslint-disable-line react-hooks/exhaustive-deps
  const [initialRows] = useMemo(() => [sheet.rows.slice()], [sheet.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const pinned = useMemo(() => pinnedRows(session, sheet, t), [session, sheet.id, t]); // eslint-disable-line react-hooks/exhaustive-deps
  const handlers = useRef(p);
  handlers.current = p;

  useEffect(() => {
    apiRef.current?.refreshCells({ force: true });
    apiRef.current?.refreshHeader();
  }, [lang, apiRef]);

  useEffect(() => {
    return session.subscribe((e: SessionEvent) => {
      const api = apiRef.current;
      const current = session.workbook.sheets.find((s) => s.id === sheet.id);
      if (!api || !current) return;
      if (e.structure || e.reload) {
        reindex(ctx, current.rows);
        api.setGridOption('rowData', current.rows.slice());
        api.refreshCells({ force: true });
        return;
      }
      const mine = e.patches.filter((x) => x.sheetId === sheet.id);
      const refresh = [];
      for (const patch of mine) {
        for (const i of patch.rows) {
          const row = current.rows[i];
          const node = row && api.getRowNode(row.id);
          if (!node) continue;
          if (node.data !== row) node.setData(row);
          else refresh.push(node);
        }
        if (patch.totals) {
          for (let k = 0; k < api.getPinnedBottomRowCount(); k++) {
            const n = api.getPinnedBottomRow(k);
            if (n) refresh.push(n);
          }
        }
      }
      if (refresh.length) api.refreshCells({ rowNodes: refresh, force: true });
    });
  }, [session, sheet.id, ctx, apiRef]);

  const onCellEditRequest = (e: CellEditRequestEvent<GridItem>) => {
    const item = e.data;
    if (!item || isPinned(item)) return;
    const colId = e.column.getColId();
    const leaf = leaves(sheet.columns).find((l) => l.id === colId);
    if (!leaf) return;
    const parsed = parseCellInput(String(e.newValue ?? ''), leaf);
    if (parsed !== null && typeof parsed === 'object') {
      handlers.current.onRefused(item.id, colId, 'notNumber', parsed.invalid);
      return;
    }
    const i = ctx.index.get(item.id)!;
    const old =
      typeof parsed === 'number' || (typeof parsed === 'string' && parsed.startsWith('='))
        ? session.raw(sheet.id, i, colId)
        : (item.cells[colId] ?? null);
    if (old === parsed) return;
    const r = session.dispatch(
      { type: 'setCells', sheetId: sheet.id, changes: [{ rowId: item.id, colId, value: parsed }] },
      'edit',
    );
    if (r.ok) handlers.current.onAccepted();
    else handlers.current.onRefused(item.id, colId, r.refusals[0].code, r.refusals[0].detail);
  };

  const onCellFocused = (e: CellFocusedEvent<GridItem>) => {
    const api = apiRef.current;
    if (!api || e.rowIndex === null || e.rowPinned) {
      handlers.current.onFocus({ rowIndex: null, row: null, colId: null });
      return;
    }
    const node = api.getDisplayedRowAtIndex(e.rowIndex);
    const row = node?.data && !isPinned(node.data) ? node.data : null;
    const colId = typeof e.column === 'string' ? e.column : (e.column?.getColId() ?? null);
    handlers.current.onFocus({ rowIndex: e.rowIndex, row, colId });
  };

  const onCellKeyDown = (e: CellKeyDownEvent<GridItem>) => {
    const ev = e.event as KeyboardEvent | undefined;
    if (ev && apiRef.current) handlers.current.onKeyDown(ev, apiRef.current);
  };

  return (
    <div className="pb-grid" data-testid="plan-grid">
      <AgGridReact<GridItem>
        theme={theme}
        rowData={initialRows}
        columnDefs={columnDefs}
        pinnedBottomRowData={pinned}
        getRowId={(r) => r.data.id}
        context={ctx}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        onCellFocused={onCellFocused}
        onCellKeyDown={onCellKeyDown}
        onGridReady={(e: GridReadyEvent<GridItem>) => {
          apiRef.current = e.api;
          (window as unknown as { __grid?: GridApi<GridItem> }).__grid = e.api;
        }}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        localeText={lang === 'vi' ? AG_GRID_LOCALE_VN : undefined}
        tooltipShowDelay={300}
        suppressColumnVirtualisation
        animateRows={false}
        getRowClass={(r: RowClassParams<GridItem>) => {
          const d = r.data;
          if (!d || isPinned(d)) return d?.source === null ? 'pb-pinned pb-grand' : 'pb-pinned';
          return `pb-${d.kind} pb-level-${Math.min(d.level, 4)}`;
        }}
      />
    </div>
  );
}
