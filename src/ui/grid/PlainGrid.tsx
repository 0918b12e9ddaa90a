/** A plain grid sheet in AG Grid: lettered columns, numbered rows, computed values, typed edits. */
import type { ColDef, GridApi, ValueFormatterParams, ValueSetterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef } from 'react';
import type { WorkbookSession } from '../../app/session';
import { columnLetter } from '../../domain/columns';
import { gridCell, gridColumns, gridText } from '../../domain/grid';
import { formatAmount } from '../../domain/numbers';
import type { CellInput, GridSheet } from '../../domain/types';
import type { Refusal } from '../../app/commands';
import { usePlainGridInteraction } from './usePlainGridInteraction';
import { useLang } from '../i18n';
import { theme } from './PlanGrid';

interface Item {
  i: number;
}

/**
 * The text a cell's editor starts with: the formula, the number in the user's style (`1.500,5` in
 * Vietnamese, `1,500.5` in English — read back by `gridInput` in the same style), or the text.
 */
export function gridRawText(v: CellInput, lang: 'vi' | 'en'): string {
  if (v === null) return '';
  if (typeof v === 'number') return formatAmount(v, lang, 10);
  return v;
}

/** The text a cell shows (and copies): its value in the user's number style. */
function shownText(
  session: WorkbookSession,
  g: GridSheet,
  r: number,
  c: number,
  lang: 'vi' | 'en',
) {
  const v = session.gridValue(g.id, r, c);
  if (v === null) return '';
  if (typeof v === 'number') return formatAmount(v, lang);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') return `#${v.error}`;
  return typeof gridCell(g, r, c) === 'string' ? gridText(v) : v;
}

export function PlainGrid(p: {
  session: WorkbookSession;
  gridId: string;
  readOnly: boolean;
  onEdit: (r: number, c: number, text: string) => void;
  onFocus: (r: number, c: number) => void;
  onRefused: (r: Refusal) => void;
}) {
  const { lang } = useLang();
  const { session, gridId } = p;
  const grid = () => session.workbook.grids!.find((g) => g.id === gridId)!;
  const apiRef = useRef<GridApi<Item> | null>(null);
  const g = grid();
  const width = Math.max(gridColumns(g) + 3, 8);
  const height = g.cells.length + 30;
  const onEdit = useRef(p.onEdit);
  onEdit.current = p.onEdit;
  const ix = usePlainGridInteraction(
    {
      session,
      gridId,
      lang,
      rows: height,
      cols: width,
      readOnly: p.readOnly,
      shown: (r, c) => shownText(session, grid(), r, c, lang),
      onRefused: p.onRefused,
    },
    apiRef as { current: GridApi | null },
  );
  const wrap = useRef<HTMLDivElement | null>(null);
  const bind = ix.bind;
  useEffect(() => (wrap.current ? bind(wrap.current) : undefined), [bind]);

  const columnDefs = useMemo<ColDef<Item>[]>(() => {
    const cols: ColDef<Item>[] = [
      {
        colId: '#',
        headerName: '',
        width: 56,
        pinned: 'left',
        editable: false,
        valueGetter: (x) => (x.data ? x.data.i + 1 : ''),
        cellClass: 'pb-rownum',
      },
    ];
    for (let c = 0; c < width; c++) {
      cols.push({
        colId: String(c),
        headerName: columnLetter(c),
        width: 120,
        editable: !p.readOnly,
        valueGetter: (x) => (x.data ? gridRawText(gridCell(grid(), x.data.i, c), lang) : ''),
        valueFormatter: (x: ValueFormatterParams<Item>) =>
          x.data ? shownText(session, grid(), x.data.i, c, lang) : '',
        valueSetter: (x: ValueSetterParams<Item>) => {
          if (x.data) onEdit.current(x.data.i, c, String(x.newValue ?? ''));
          return false;
        },
        cellClassRules: {
          'pb-num': (x) => typeof x.value === 'number' || /^-?[\d.,]+$/.test(String(x.value)),
          'pb-selected': (x) => !!x.data && ix.isSelected(x.data.i, c),
        },
      });
    }
    return cols;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, gridId, width, lang, p.readOnly]);

  const rowData = useMemo(() => Array.from({ length: height }, (_, i) => ({ i })), [height]);

  useEffect(
    () =>
      session.subscribe((e) => {
        const api = apiRef.current;
        const mine = e.grids.filter((x) => x.gridId === gridId) ?? [];
        if (!api || (!mine.length && e.kind !== 'reload')) return;
        const rows = new Set(mine.flatMap((x) => [...x.rows]));
        const nodes =
          e.kind === 'reload'
            ? undefined
            : [...rows].map((r) => api.getRowNode(String(r))).filter((n) => !!n);
        api.refreshCells({ rowNodes: nodes, force: true });
      }),
    [session, gridId],
  );

  return (
    <div className="pb-grid" data-testid="plain-grid" data-grid-id={gridId} ref={wrap}>
      <AgGridReact<Item>
        theme={theme}
        rowData={rowData}
        columnDefs={columnDefs}
        getRowId={(x) => String(x.data.i)}
        onGridReady={(e) => (apiRef.current = e.api)}
        onCellFocused={(e) => {
          ix.onCellFocused(e);
          if (e.rowIndex !== null && typeof e.column === 'object' && e.column)
            p.onFocus(e.rowIndex, Number(e.column.getColId()));
        }}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        suppressColumnVirtualisation={width <= 60}
        animateRows={false}
      />
    </div>
  );
}
