/**
 * The consolidated appendix: sections (or units) with their subtotals, projects with their unit,
 * and per year and source the requested figure (read-only), the proposed one (editable: each edit
 * is an undoable command) and the difference; duplicates flagged on the name. Figures show (and
 * are typed) in the chosen display unit; the state keeps the form's unit.
 */
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useRef, useState } from 'react';
import type { ConsolidationSession } from '../../app/consolidation';
import type { LiveRow } from '../../app/consolidationLive';
import { isBlank, isBlankRow } from '../../domain/consolidate';
import type { FormColumn, Grouping } from '../../domain/consolidateTypes';
import { DisplayPicker } from '../DisplayControls';
import { moneyText, readMoney } from '../../domain/displayMoney';
import { fitColumnsOnDoubleClick } from '../grid/columnFit';
import { theme } from '../grid/PlanGrid';
import { useLang } from '../i18n';

type Item = LiveRow & { grand?: boolean };
const FIGURES = ['r', 'p', 'd'] as const;
type Fig = (typeof FIGURES)[number];

const FIGURE = { r: 'requested', p: 'proposed', d: 'difference' } as const;

/**
 * A figure of a row: subtotals, totals and differences as the engine computed them; null where no
 * unit filled it (blank, as the units' files and the printed form leave it), 0 where one typed 0.
 */
function figure(row: Item, j: number | null, f: Fig): number | null {
  if (j === null ? isBlankRow(row.filled, FIGURE[f]) : isBlank(row.filled, FIGURE[f], j))
    return null;
  if (j === null)
    return f === 'r' ? row.sums.requested : f === 'p' ? row.sums.proposed : row.sums.difference;
  return f === 'r' ? row.requested[j] : f === 'p' ? row.proposed[j] : row.difference[j];
}

export function ConsolidatedGrid({ session }: { session: ConsolidationSession }) {
  const { t, lang } = useLang();
  const [msg, setMsg] = useState('');
  const table = session.table;
  const cols = table.columns;
  const unit = session.state.form.unit;
  const display = session.state.display;
  const dupUnits = useMemo(() => {
    const out = new Map<string, string[]>();
    for (const d of table.duplicates) {
      if (d.resolution) continue;
      const unit = (k: string) => table.entries.get(k)?.unit ?? '';
      out.set(d.a, [...(out.get(d.a) ?? []), unit(d.b)]);
      out.set(d.b, [...(out.get(d.b) ?? []), unit(d.a)]);
    }
    return out;
  }, [table]);

  // the column definitions read the current table through this (they are not rebuilt on each edit)
  const live = useRef({ table, dupUnits });
  live.current = { table, dupUnits };
  const columnDefs = useMemo(() => {
    const fmt = moneyText(unit, display, lang);
    const dupOf = (key: string) => live.current.dupUnits.get(key);
    const labels: Record<Fig, string> = {
      r: t('c_requested'),
      p: t('c_proposed'),
      d: t('c_difference'),
    };
    const num = (j: number | null, f: Fig, col?: FormColumn): ColDef<Item> => ({
      colId: `${col?.id ?? 'tot'}:${f}`,
      headerName: labels[f],
      width: f === 'd' ? 92 : 104,
      type: 'rightAligned',
      valueGetter: (p) => (p.data ? figure(p.data, j, f) : null),
      valueFormatter: (p) =>
        typeof p.value === 'number' && (p.value !== 0 || f !== 'd') ? fmt(p.value) : '',
      editable: (p) => f === 'p' && j !== null && p.data?.kind === 'project' && !p.data.grand,
      cellClass: f === 'r' ? 'pb-c-requested' : f === 'd' ? 'pb-c-diff' : 'pb-c-proposed',
      cellClassRules: {
        'pb-c-cut': (p) => f === 'd' && typeof p.value === 'number' && p.value < 0,
        'pb-c-raise': (p) => f === 'd' && typeof p.value === 'number' && p.value > 0,
      },
      valueSetter: (p) => {
        if (!p.data || j === null || !col) return false;
        const text = String(p.newValue ?? '').trim();
        const value = readMoney(text, unit, display);
        if (value !== null && typeof value === 'object') {
          setMsg(t('c_notNumber', { text }));
          return false;
        }
        const r = session.dispatch(
          { type: 'setProposed', key: p.data.key, column: col.id, value },
          t('c_editLabel'),
        );
        setMsg(r.ok ? '' : r.why);
        return false;
      },
    });
    const years: ColGroupDef<Item>[] = [];
    cols.forEach((col, j) => {
      const year = col.year === null ? t('c_noYear') : String(col.year);
      let g = years[years.length - 1];
      if (!g || g.headerName !== year) years.push((g = { headerName: year, children: [] }));
      const source = col.source
        ? col.source === 'ĐTPT' || col.source === 'SN'
          ? `Vốn ${col.source}`
          : col.source
        : t('c_noSource');
      g.children.push({ headerName: source, children: FIGURES.map((f) => num(j, f, col)) });
    });
    const fixed: ColDef<Item>[] = [
      {
        colId: 'tt',
        headerName: 'TT',
        width: 56,
        pinned: 'left',
        valueGetter: (p) => p.data?.number,
      },
      {
        colId: 'name',
        headerName: t('c_project'),
        width: 320,
        pinned: 'left',
        valueGetter: (p) => p.data?.name,
        cellStyle: (p) => ({
          paddingLeft: `${8 + 14 * (p.data?.grand ? 0 : (p.data?.level ?? 0))}px`,
        }),
        cellClassRules: { 'pb-c-dup': (p) => !!p.data && !!dupOf(p.data.key) },
        tooltipValueGetter: (p) => {
          const units = p.data && dupOf(p.data.key);
          return units ? t('c_dupFlag', { units: units.join(', ') }) : p.data?.name;
        },
      },
      {
        colId: 'unit',
        headerName: t('c_submittedBy'),
        width: 170,
        valueGetter: (p) => (p.data?.kind === 'project' ? p.data.unit : ''),
      },
      {
        colId: 'file',
        headerName: t('c_colFile'),
        width: 150,
        valueGetter: (p) => {
          const e =
            p.data?.kind === 'project' ? live.current.table.entries.get(p.data.key) : undefined;
          return e ? (session.submissions.get(e.submissionId)?.provenance.fileName ?? '') : '';
        },
      },
      {
        colId: 'lead',
        headerName: t('c_lead'),
        width: 150,
        valueGetter: (p) => (p.data?.kind === 'project' ? p.data.lead : ''),
      },
    ];
    const total: ColGroupDef<Item> = {
      headerName: t('c_total'),
      children: FIGURES.map((f) => num(null, f)),
    };
    // the units' own notes (Ghi chú), as the export writes them
    const note: ColDef<Item> = {
      colId: 'note',
      headerName: t('c_note'),
      width: 220,
      valueGetter: (p) => (p.data?.kind === 'project' ? (p.data.note ?? '') : ''),
      tooltipValueGetter: (p) => (p.data?.kind === 'project' ? p.data.note : undefined),
    };
    return [...fixed, ...years, total, note];
  }, [cols, t, lang, session, unit, display]);

  const pinned = useMemo<Item[]>(
    () => [{ ...table.grand, key: 'pin:grand', name: t('c_grand'), grand: true }],
    [table, t],
  );

  return (
    <section className="pb-c-appendix" data-testid="c-grid-area">
      <div className="pb-c-toolbar">
        <label>
          {t('c_groupBy')}{' '}
          <select
            data-testid="c-grouping"
            value={session.state.grouping}
            onChange={(e) =>
              session.dispatch(
                { type: 'setGrouping', grouping: e.target.value as Grouping },
                t('c_groupingLabel'),
              )
            }
          >
            <option value="section">{t('c_bySection')}</option>
            <option value="unit">{t('c_byUnit')}</option>
          </select>
        </label>{' '}
        <DisplayPicker
          planUnit={unit}
          display={display}
          readOnly={false}
          onChange={(d) =>
            session.dispatch({ type: 'setDisplay', display: d }, t('c_displayLabel'))
          }
        />{' '}
        <span className="pb-hint">{t('c_readOnlyCol')}</span>
        {msg && (
          <span className="pb-msg-error" role="alert" data-testid="c-grid-message">
            {' '}
            {msg}
          </span>
        )}
      </div>
      <div className="pb-grid pb-c-grid" data-testid="c-grid">
        <AgGridReact<Item>
          theme={theme}
          rowData={table.rows}
          pinnedBottomRowData={pinned}
          columnDefs={columnDefs}
          getRowId={(p) => p.data.key}
          getRowClass={(p) =>
            p.data?.grand
              ? 'pb-row-total'
              : p.data?.kind !== 'project'
                ? 'pb-row-section'
                : undefined
          }
          singleClickEdit={false}
          stopEditingWhenCellsLoseFocus
          tooltipShowDelay={300}
          animateRows={false}
          suppressColumnVirtualisation
          onGridReady={(e) => fitColumnsOnDoubleClick(e.api)}
        />
      </div>
    </section>
  );
}
