/** The adjustment table as a read-only grid: years × sources → assigned, increase, decrease, after. */
import type { ColDef, ColGroupDef, IDatasource } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import type { AdjRow, LazyAdjustmentTable } from '../domain/adjustment';
import { formatAmount } from '../domain/numbers';
import { fitColumnsOnDoubleClick } from './grid/columnFit';
import { theme } from './grid/PlanGrid';
import { useLang } from './i18n';

const MEASURES = {
  vi: ['Đã giao', 'Tăng', 'Giảm', 'Sau điều chỉnh'],
  en: ['Assigned', 'Increase', 'Decrease', 'After'],
};

/**
 * A grid row: the table's row i, built when the grid first shows it. The grid asks for rows a
 * block at a time as it scrolls (its infinite row model): a 100,000-project table hands it no
 * item up front.
 */
interface Item {
  id: string;
  i: number;
  row?: AdjRow;
  total?: boolean;
}

/** The table keeps b's tree order: its columns do not sort. */
const NOT_SORTED: ColDef<Item> = { sortable: false };

function rowOf(table: LazyAdjustmentTable, item: Item | undefined): AdjRow | undefined {
  return item ? (item.row ??= table.row(item.i)) : undefined;
}

/** `money`: an amount (plan's unit) as the comparison shows it (its unit, see compareFigures). */
export function AdjustmentGrid({
  table,
  money,
}: {
  table: LazyAdjustmentTable;
  money?: (v: number) => string;
}) {
  const { lang, t } = useLang();
  const columnDefs = useMemo(() => {
    const shown = money ?? ((v: number) => formatAmount(v, lang));
    const num = (g: number, k: number): ColDef<Item> => ({
      colId: `g${g}m${k}`,
      headerName: MEASURES[lang][k],
      width: k === 3 ? 118 : 96,
      type: 'rightAligned',
      valueGetter: (p) => rowOf(table, p.data)?.values[g]?.[k] ?? null,
      valueFormatter: (p) => {
        // a column one version lacks: its side absent (not 0), no increase or decrease made up
        const absent = table.columns[g]?.absent;
        if (absent && p.data && !p.data.total) {
          if ((absent === 'a' && k === 0) || (absent === 'b' && k === 3))
            return t('columnAbsentCell');
          if (k === 1 || k === 2) return '';
        }
        return typeof p.value === 'number' && (p.value !== 0 || k === 0 || k === 3)
          ? shown(p.value)
          : '';
      },
      cellClassRules: {
        'pb-adj-inc': (p) => k === 1 && (p.value as number) > 0,
        'pb-adj-dec': (p) => k === 2 && (p.value as number) > 0,
      },
    });
    const label = (c: (typeof table.columns)[number]) =>
      c.absent
        ? `${c.label} ${t(c.absent === 'a' ? 'columnOnlyAfter' : 'columnOnlyBefore')}`
        : c.label;
    const groups: ColGroupDef<Item>[] = [...table.columns.map(label), t('totalAll')].map(
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
  }, [table, lang, t, money]);
  const datasource = useMemo<IDatasource>(
    () => ({
      rowCount: table.size,
      getRows: (p) => {
        const to = Math.min(p.endRow, table.size);
        const items: Item[] = [];
        for (let i = p.startRow; i < to; i++) items.push({ id: String(i), i });
        p.successCallback(items, table.size);
      },
    }),
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
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={200}
        maxBlocksInCache={20}
        defaultColDef={NOT_SORTED}
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
        onGridReady={(e) => fitColumnsOnDoubleClick(e.api)}
      />
    </div>
  );
}
