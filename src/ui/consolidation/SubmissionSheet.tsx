/** A submitted sheet as the file read it (read-only): its header as written, its rows and cells. */
import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import { leafPaths } from '../../domain/compare';
import { isNumericLeaf, leaves } from '../../domain/columns';
import { formatAmount } from '../../domain/numbers';
import type { Row, Workbook } from '../../domain/types';
import { fitColumnsOnDoubleClick } from '../grid/columnFit';
import { theme } from '../grid/PlanGrid';
import { useLang } from '../i18n';

export function SubmissionSheet({ workbook, sheets }: { workbook: Workbook; sheets: string[] }) {
  const { lang } = useLang();
  const shown = workbook.sheets.filter((s) => sheets.includes(s.name));
  const [at, setAt] = useState(0);
  const sheet = shown[at] ?? workbook.sheets[0];
  const columnDefs = useMemo<ColDef<Row>[]>(() => {
    if (!sheet) return [];
    const paths = leafPaths(sheet.columns);
    return leaves(sheet.columns)
      .filter((l) => l.role !== 'rowTotal')
      .map((l) => ({
        colId: l.id,
        headerName: (paths.get(l.id) ?? [l.label]).join(' / '),
        width: l.role === 'name' ? 320 : l.role === 'number' ? 56 : 120,
        wrapHeaderText: true,
        autoHeaderHeight: true,
        type: isNumericLeaf(l) ? 'rightAligned' : undefined,
        valueGetter: (p) => p.data?.cells[l.id] ?? null,
        valueFormatter: (p) =>
          typeof p.value === 'number' ? formatAmount(p.value, lang) : String(p.value ?? ''),
      }));
  }, [sheet, lang]);
  if (!sheet) return null;
  return (
    <div className="pb-submission-sheet" data-testid="c-as-it-came">
      {shown.length > 1 && (
        <nav className="pb-tabs">
          {shown.map((s, i) => (
            <button
              key={s.id}
              type="button"
              className={i === at ? 'pb-tab pb-tab-on' : 'pb-tab'}
              onClick={() => setAt(i)}
            >
              {s.name}
            </button>
          ))}
        </nav>
      )}
      <div className="pb-grid" style={{ height: 360 }}>
        <AgGridReact<Row>
          theme={theme}
          rowData={sheet.rows}
          columnDefs={columnDefs}
          getRowId={(p) => p.data.id}
          getRowClass={(p) => (p.data?.kind === 'project' ? undefined : 'pb-row-section')}
          animateRows={false}
          onGridReady={(e) => fitColumnsOnDoubleClick(e.api)}
        />
      </div>
    </div>
  );
}
