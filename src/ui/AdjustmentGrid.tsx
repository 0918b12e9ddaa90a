/** The adjustment table as a read-only grid: years × sources → assigned, increase, decrease, after. */
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import type { AdjRow, LazyAdjustmentTable } from '../domain/adjustment';
import { formatAmount } from '../domain/numbers';
import { theme } from './grid/PlanGrid';
import { useLang } from './i18n';

const MEASURES = {
  vi: ['Đã giao', 'Tăng', 'Giảm', 'Sau điều chỉnh'],
  en: ['Assigned', 'Increase', 'Decrease', 'After'],
};

/** A grid row: the table's row i, built when the grid first shows it. */
interface Item {
  id: string;
  i: number;
  row?: AdjRow;
  total?: boolean;
}

function rowOf(table: LazyAdjustmentTable, item: Item | undefined): AdjRow | undefined {
  return item ? (item.row ??= table.row(item.i)) : undefined;
}

export function AdjustmentGrid({ table }: { table: LazyAdjustmentTable }) {
  const { lang, t } = useLang();
  const columnDefs = useMemo(() => {
    const num = (g: number, k: number): ColDef<Item> => ({
      colId: `g${g}m${k}`,
      headerName: MEASURES[lang][k],
      width: k === 3 ? 118 : 96,
      type: 'rightAligned',
      valueGetter: (p) => rowOf(table, p.data)?.values[g]?.[k] ?? null,
      valueFormatter: (p) =>
        typeof p.value === 'number' && (p.value !== 0 || k === 0 || k === 3)
          ? formatAmount(p.value, lang)
          : '',
      cellClassRules: {
        'pb-adj-inc': (p) => k === 1 && (p.value as number) > 0,
        'pb-adj-dec': (p) => k === 2 && (p.value as number) > 0,
      },
    });
    const groups: ColGroupDef<Item>[] = [...table.columns.map((c) => c.label), t('totalAll')].map(
      (label, g) => ({ headerName: label, children: [0, 1, 2, 3].map((k) => num(g, k)) }),
    );
    const fixed: ColDef<Item>[] = [
      {
        colId: 'tt',
        headerName: 'TT',
        width: 56,
        pinned: 'left',
        valueGetter: (p) => rowOf(table, p.data)?.number,
      },
      {
        colId: 'name',
        headerName: t('colProject'),
        width: 320,
        pinned: 'left',
        valueGetter: (p) => rowOf(table, p.data)?.name,
        cellStyle: (p) => ({
          paddingLeft: `${8 + 14 * Math.max(0, rowOf(table, p.data)?.level ?? 0)}px`,
        }),
        tooltipValueGetter: (p) => rowOf(table, p.data)?.name,
      },
      {
        colId: 'lead',
        headerName: t('role_lead'),
        width: 150,
        valueGetter: (p) => rowOf(table, p.data)?.lead,
      },
    ];
    return [...fixed, ...groups];
  }, [table, lang, t]);
  const rows = useMemo<Item[]>(
    () => Array.from({ length: table.size }, (_, i) => ({ id: String(i), i })),
    [table],
  );
  const pinned = useMemo<Item[]>(
    () => [
      {
        id: 'total',
        i: -1,
        total: true,
        row: {
          kind: 'section',
          level: 0,
          number: '',
          name: t('totalAll'),
          lead: '',
          status: 'section',
          values: table.total,
        },
      },
    ],
    [table, t],
  );
  return (
    <div className="pb-grid pb-adjustment" data-testid="adjustment-grid">
      <AgGridReact<Item>
        theme={theme}
        rowData={rows}
        pinnedBottomRowData={pinned}
        columnDefs={columnDefs}
        getRowId={(p) => p.data.id}
        getRowClass={(p) =>
          p.data?.total || rowOf(table, p.data)?.kind === 'section'
            ? 'pb-row-section'
            : `pb-adj-${rowOf(table, p.data)?.status}`
        }
        tooltipShowDelay={300}
        animateRows={false}
        suppressColumnVirtualisation
      />
    </div>
  );
}
