/** A plain grid sheet in AG Grid: lettered columns, numbered rows, computed values, typed edits. */
import type { ColDef, GridApi, ValueFormatterParams, ValueSetterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef } from 'react';
import type { WorkbookSession } from '../../app/session';
import { columnLetter } from '../../domain/columns';
import { gridCell, gridColumns, gridText } from '../../domain/grid';
import { formatAmount } from '../../domain/numbers';
import type { CellInput } from '../../domain/types';
import { useLang } from '../i18n';
import { theme } from './PlanGrid';

interface Item {
  i: number;
}

/** The text a cell's editor starts with: the formula, the number (`1,5`), or the literal text. */
export function gridRawText(v: CellInput): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v).replace('.', ',');
  return v;
}

export function PlainGrid(p: {
  session: WorkbookSession;
  gridId: string;
  readOnly: boolean;
  onEdit: (r: number, c: number, text: string) => void;
  onFocus: (r: number, c: number) => void;
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
        valueGetter: (x) => (x.data ? gridRawText(gridCell(grid(), x.data.i, c)) : ''),
        valueFormatter: (x: ValueFormatterParams<Item>) => {
          if (!x.data) return '';
          const v = session.gridValue(gridId, x.data.i, c);
          if (v === null) return '';
          if (typeof v === 'number') return formatAmount(v, lang);
          if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
          if (typeof v === 'object') return `#${v.error}`;
          return typeof gridCell(grid(), x.data.i, c) === 'string' ? gridText(v) : v;
        },
        valueSetter: (x: ValueSetterParams<Item>) => {
          if (x.data) onEdit.current(x.data.i, c, String(x.newValue ?? ''));
          return false;
        },
        cellClassRules: {
          'pb-num': (x) => typeof x.value === 'number' || /^-?[\d.,]+$/.test(String(x.value)),
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
    <div className="pb-grid" data-testid="plain-grid" data-grid-id={gridId}>
      <AgGridReact<Item>
        theme={theme}
        rowData={rowData}
        columnDefs={columnDefs}
        getRowId={(x) => String(x.data.i)}
        onGridReady={(e) => (apiRef.current = e.api)}
        onCellFocused={(e) => {
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
