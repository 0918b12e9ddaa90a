/**
 * The projects of a tracking as a grid: one row per project and source, the year's allocations and
 * the chosen period's disbursement editable (Vietnamese number style), the live figures from the
 * engine beside them (to date, rate, remaining, since the start, behind the target).
 */
import type { CellEditRequestEvent, ColDef, GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef } from 'react';
import type { ExecField, ExecutionSession } from '../../app/execution';
import { pastedFigures } from '../../app/executionPaste';
import { lineKey } from '../../domain/execution';
import { viDate } from '../../domain/executionText';
import { formatAmount, parseAmount } from '../../domain/numbers';
import { fitColumnsOnDoubleClick } from '../grid/columnFit';
import { theme } from '../grid/PlanGrid';
import { execAmounts } from './ExecDisplay';
import { useLang } from '../i18n';

interface Item {
  key: string;
  projectId: string;
  number: number;
  name: string;
  unit: string;
  source: string;
}

type Col = ExecField | 'ytdPlan' | 'ytdCarry';

const INPUTS: Col[] = ['plan', 'carry', 'priorAllocated', 'priorDisbursed', 'ytdPlan', 'ytdCarry'];

export function ExecutionGrid(p: {
  session: ExecutionSession;
  periodId: string | null;
  /** Bumped by the page after every change (refreshes the computed cells). */
  version: number;
  onRefused: (why: string) => void;
}) {
  const { t, lang } = useLang();
  const { session, periodId } = p;
  const api = useRef<GridApi<Item> | null>(null);
  const year = session.plan.year;
  const period = session.plan.periods.find((x) => x.id === periodId) ?? null;
  const rows = useMemo<Item[]>(() => {
    const byId = new Map(session.plan.projects.map((x, i) => [x.id, { x, i }]));
    return session.plan.lines.map((l) => {
      const { x, i } = byId.get(l.projectId)!;
      return {
        key: lineKey(l.projectId, l.source),
        projectId: l.projectId,
        number: i + 1,
        name: x.name,
        unit: x.lead,
        source: l.source,
      };
    });
    // the rows change with the tracking's lines only (an import fills figures, not lines)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, session.plan.lines.length]);

  const display = session.plan.display;
  const columnDefs = useMemo<ColDef<Item>[]>(() => {
    // amounts shown and typed in the display unit (the model keeps the plan's unit)
    const amounts = execAmounts({ ...session.plan, display }, lang);
    const fmt = (v: unknown) => (typeof v === 'number' ? amounts.fmt(v) : '');
    const pct = (v: unknown) =>
      typeof v === 'number' ? `${formatAmount(Math.round(v * 1000) / 10, lang)} %` : '';
    const input = (col: Col, header: string): ColDef<Item> => ({
      colId: col,
      headerName: header,
      width: 120,
      type: 'rightAligned',
      editable: col === 'ytdPlan' || col === 'ytdCarry' ? !!period : true,
      valueGetter: (q) => {
        if (!q.data) return null;
        if (col === 'ytdPlan' || col === 'ytdCarry') {
          const d = period ? session.plan.disbursed[period.id]?.[q.data.key] : undefined;
          return (col === 'ytdPlan' ? d?.plan : d?.carry) ?? null;
        }
        return session.line(q.data.key)?.[col] ?? null;
      },
      valueParser: (q) => {
        const text = String(q.newValue ?? '').trim();
        if (text === '') return null;
        const n = parseAmount(text, 'auto');
        return n === null ? Number.NaN : amounts.toPlan(n);
      },
      valueFormatter: (q) => fmt(q.value),
      cellClass: 'pb-exec-input',
    });
    const live = (
      colId: string,
      header: string,
      get: (f: NonNullable<ReturnType<typeof session.engine.line>>) => number | null,
      format = fmt,
    ): ColDef<Item> => ({
      colId,
      headerName: header,
      width: 110,
      type: 'rightAligned',
      valueGetter: (q) => {
        const f = q.data ? session.lineFigures(q.data.key) : undefined;
        return f ? get(f) : null;
      },
      valueFormatter: (q) => format(q.value),
    });
    const date = period ? viDate(period.end) : '—';
    return [
      {
        colId: 'tt',
        headerName: 'TT',
        width: 60,
        pinned: 'left',
        valueGetter: (q) => q.data?.number,
      },
      {
        colId: 'name',
        headerName: t('colProject'),
        width: 300,
        pinned: 'left',
        valueGetter: (q) => q.data?.name,
        tooltipValueGetter: (q) => q.data?.name,
      },
      { colId: 'unit', headerName: t('execUnit'), width: 160, valueGetter: (q) => q.data?.unit },
      {
        colId: 'source',
        headerName: t('execSource'),
        width: 80,
        valueGetter: (q) => q.data?.source,
      },
      input('plan', t('execPlanned', { year })),
      input('carry', t('execCarry', { year: year - 1 })),
      input('priorAllocated', t('execPriorAllocated', { year: year - 1 })),
      input('priorDisbursed', t('execPriorDisbursed', { year: year - 1 })),
      input('ytdPlan', t('execPeriodPlan', { date })),
      input('ytdCarry', t('execPeriodCarry', { date })),
      live('disbursed', t('execDisbursed'), (f) => f.disbursed),
      live('rate', t('execRate'), (f) => f.rate, pct),
      live('remaining', t('execRemaining'), (f) => f.remaining),
      live('carryDisbursed', t('execCarryDisbursed'), (f) => f.carryDisbursed),
      live('cumulative', t('execCumulative'), (f) => f.cumulativeDisbursed),
      {
        colId: 'behind',
        headerName: t('execBehind'),
        width: 80,
        valueGetter: (q) => {
          const f = q.data ? session.projectFigures(q.data.projectId) : undefined;
          return f?.behind ? '●' : '';
        },
        cellClass: 'pb-exec-behind',
      },
    ];
  }, [session, period, lang, t, year, display]);

  useEffect(() => {
    api.current?.refreshCells({ force: true });
  }, [p.version]);

  const onChange = (e: CellEditRequestEvent<Item>) => {
    const col = e.column.getColId() as Col;
    const key = e.data.key;
    if (!e.data) return;
    const v = e.newValue as number | null;
    const r =
      col === 'ytdPlan' || col === 'ytdCarry'
        ? periodId
          ? session.setDisbursed(periodId, key, col === 'ytdPlan' ? 'plan' : 'carry', v)
          : ({ ok: false, why: 'noPeriod' } as const)
        : session.setLine(key, col, v ?? 0);
    if (!r.ok) p.onRefused(r.why);
    e.api.refreshCells({ rowNodes: [e.node], force: true });
  };

  // a block copied from Excel or LibreOffice, pasted from the focused cell down and right (one step)
  const onPaste = (e: React.ClipboardEvent) => {
    const g = api.current;
    const at = g?.getFocusedCell();
    if (!g || !at || g.getEditingCells().length) return;
    // the HTML's stated values and text marks first (app/executionPaste.ts), else the plain text
    const block = pastedFigures(
      e.clipboardData.getData('text/plain'),
      e.clipboardData.getData('text/html'),
    );
    if (!block.length) return;
    e.preventDefault();
    const { toPlan } = execAmounts(session.plan, lang);
    const cols = g.getAllDisplayedColumns().map((c) => c.getColId());
    const first = cols.indexOf(at.column.getColId());
    const cells: { key: string; col: Col; value: number | null }[] = [];
    for (let i = 0; i < block.length; i++) {
      const node = g.getDisplayedRowAtIndex(at.rowIndex + i);
      if (!node?.data) break;
      block[i].forEach((n, j) => {
        const col = cols[first + j] as Col | undefined;
        if (!col || !INPUTS.includes(col)) return;
        if (n === 'notNumber') return p.onRefused('notNumber');
        cells.push({ key: node.data!.key, col, value: n === null ? null : toPlan(n) });
      });
    }
    const r = session.pasteCells(periodId, cells);
    if (!r.ok) p.onRefused(r.why);
    g.refreshCells({ force: true });
  };

  return (
    <div
      className="pb-grid pb-exec-grid"
      data-testid="exec-grid"
      data-importing={session.importing || undefined}
      onPaste={onPaste}
    >
      {session.importing && (
        <p className="pb-msg pb-msg-info" role="status" data-testid="exec-grid-importing">
          {t('execGridImporting')}
        </p>
      )}
      {session.engineBuilding && !session.importing && (
        <p className="pb-msg pb-msg-info" role="status" data-testid="exec-grid-building">
          {t('execGridBuilding')}
        </p>
      )}
      <AgGridReact<Item>
        theme={theme}
        rowData={rows}
        columnDefs={columnDefs}
        defaultColDef={{ wrapHeaderText: true, autoHeaderHeight: true }}
        getRowId={(q) => q.data.key}
        onGridReady={(e) => {
          api.current = e.api;
          fitColumnsOnDoubleClick(e.api);
          (window as unknown as { __execGrid?: GridApi<Item> }).__execGrid = e.api;
        }}
        onCellEditRequest={onChange}
        readOnlyEdit
        tooltipShowDelay={300}
        animateRows={false}
        stopEditingWhenCellsLoseFocus
      />
    </div>
  );
}
