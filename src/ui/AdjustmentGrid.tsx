/** The adjustment table as a read-only grid: years × sources → assigned, increase, decrease, after. */
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import type { AdjRow, AdjustmentTable } from '../domain/adjustment';
import { formatAmount } from '../domain/numbers';
import { theme } from './grid/PlanGrid';
import { useLang } from './i18n';

const MEASURES = {
  vi: ['Đã giao', 'Tăng', 'Giảm', 'Sau điều chỉnh'],
  en: ['Assigned', 'Increase', 'Decrease', 'After'],
};

interface Item {
  id: string;
  row: AdjRow;
  total?: boolean;
}

export function AdjustmentGrid({ table }: { table: AdjustmentTable }) {
  const { lang, t } = useLang();
  const columnDefs = useMemo(() => {
    const num = (g: number, k: number): ColDef<Item> => ({
      colId: `g${g}m${k}`,
      headerName: MEASURES[lang][k],
      width: k === 3 ? 118 : 96,
      type: 'rightAligned',
      valueGetter: (p) => p.data?.row.values[g]?.[k] ?? null,
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
        valueGetter: (p) => p.data?.row.number,
      },
      {
        colId: 'name',
        headerName: t('colProject'),
        width: 320,
        pinned: 'left',
        valueGetter: (p) => p.data?.row.name,
        cellStyle: (p) => ({ paddingLeft: `${8 + 14 * Math.max(0, p.data?.row.level ?? 0)}px` }),
        tooltipValueGetter: (p) => p.data?.row.name,
      },
      {
        colId: 'lead',
        headerName: t('role_lead'),
        width: 150,
        valueGetter: (p) => p.data?.row.lead,
      },
    ];
    return [...fixed, ...groups];
  }, [table, lang, t]);
  const rows = useMemo<Item[]>(() => table.rows.map((row, i) => ({ id: String(i), row })), [table]);
  const pinned = useMemo<Item[]>(
    () => [
      {
        id: 'total',
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
          p.data?.total || p.data?.row.kind === 'section'
            ? 'pb-row-section'
            : `pb-adj-${p.data?.row.status}`
        }
        tooltipShowDelay={300}
        animateRows={false}
        suppressColumnVirtualisation
      />
    </div>
  );
}
