/** An appendix sheet of an open workbook: header, toolbar, formula bar, grid with checks panel, sheet tabs, status. */
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OpenedWorkbook } from '../app/services';
import { fileStem } from '../app/exports';
import type { RevisionSummary, Versions } from '../app/versions';
import { AppendixChecks } from './AppendixChecks';
import { AppendixHeaderExtras } from './AppendixHeaderExtras';
import { AppendixPrints } from './AppendixPrints';
import { CellConflict } from './CellConflict';
import { displayUnitLabel } from './displayFigures';
import { type Ask, ConfirmDialog } from './ConfirmDialog';
import { DisplayControls } from './DisplayControls';
import { exportCsvNow, exportXlsxNow } from './exportActions';
import { FindBar } from './FindBar';
import { FormulaBar } from './FormulaBar';
import { columnsKey } from './form/columnsKey';
import { FormPanel } from './form/FormPanel';
import { renameTab } from './form/renameTab';
import { collabAt } from './grid/collabMarks';
import type { GridCtx, GridItem } from './grid/gridContext';
import { PlanGrid } from './grid/PlanGrid';
import { useLang } from './i18n';
import { SheetTabs } from './SheetTabs';
import { StatusLine } from './StatusLine';
import { StorageFailureBanner } from './StorageFailureBanner';
import type { StringKey } from './strings';
import { SyncPanel } from './SyncPanel';
import { Toolbar } from './Toolbar';
import { useCellMessages } from './useCellMessages';
import { useChecksUi } from './useChecksUi';
import { useCollabMarks } from './useCollabMarks';
import type { CompareMarks } from './useCompareMarks';
import { useFindFilter } from './useFindFilter';
import { useFocusedCell } from './useFocusedCell';
import { useDeferredFocus, useSelectionStats } from './useGridFocus';
import { useGridOverlays } from './useGridOverlays';
import { usePrintForm } from './usePrintForm';
import { byReadOnly, bySaveState, byVersion } from './useSession';
import { useSessionDeferred } from './useSessionDeferred';
import { useStatusMessage } from './useStatusMessage';
import { useWorkbookActions } from './useWorkbookActions';
import { WorkbookHeader } from './WorkbookHeader';

export function AppendixView({
  opened,
  onBack,
  exportText,
  sheetId,
  onSheet: setSheetId,
  banner,
  marks,
  onVersions,
  revision,
  onView,
  versions,
  onAddSheet,
}: {
  opened: OpenedWorkbook;
  onBack: () => void;
  exportText: () => string;
  sheetId: string;
  onSheet: (id: string) => void;
  banner?: React.ReactNode;
  marks?: CompareMarks | null;
  onVersions?: () => void;
  revision?: RevisionSummary;
  onView?: (kind: 'units' | 'years') => void;
  /** The workbook's versions (the filter "changed since version"). */
  versions?: Versions;
  /** Adds an appendix after the last one and shows it. */
  onAddSheet: () => void;
}) {
  const { t, lang } = useLang();
  const { session } = opened;
  // drawn after the grid's own updates of an edit (see useSessionDeferred)
  const saveState = useSessionDeferred(session, bySaveState);
  const readOnly = useSessionDeferred(session, byReadOnly);
  useSessionDeferred(session, byVersion);
  const { message, setMessage, moved } = useStatusMessage(session, sheetId);
  const [ask, setAsk] = useState<Ask | null>(null);
  const [showChecks, setShowChecks] = useState(true);
  const [showForm, setShowForm] = useState(false);
  const apiRef = useRef<GridApi<GridItem> | null>(null);
  const ctxRef = useRef<GridCtx | null>(null);
  const { focus, focusRef, onFocus } = useDeferredFocus();
  const sheet = session.workbook.sheets.find((s) => s.id === sheetId) ?? session.workbook.sheets[0];

  useEffect(() => {
    const ctx = ctxRef.current;
    if (!ctx) return;
    ctx.marks = marks ?? null;
    apiRef.current?.refreshCells({ force: true });
  }, [marks, sheetId]);

  const cell = useCellMessages({
    session,
    sheetId,
    t,
    setMessage,
    apiRef,
    ctxRef,
  });
  const { say } = cell;
  const deps = useMemo(
    () => ({
      session,
      sheet: () => session.workbook.sheets.find((s) => s.id === sheetId)!,
      focus: () => {
        const f = focusRef.current;
        const rows = session.workbook.sheets.find((s) => s.id === sheetId)!.rows;
        return { ...f, row: f.rowIndex !== null ? (rows[f.rowIndex] ?? null) : null };
      },
      api: () => apiRef.current,
      say,
      ask: (key: StringKey, params: Record<string, number>, onYes: () => void) =>
        setAsk({ text: t(key, params), yes: t('deleteAnyway'), onYes }),
    }),
    [session, sheetId, say, t, focusRef],
  );
  const { run, onKey } = useWorkbookActions(deps);
  const gridApi = useCallback(() => apiRef.current, []);
  const planIndex = useCallback((id: string) => ctxRef.current?.index.get(id), []);
  const keys = useGridOverlays({ api: gridApi, planIndex, run, readOnly });

  const { stats, onSelection } = useSelectionStats(session, sheetId, moved);

  // the grid's API getter kept from render to render: the findings' select handler stays the same
  const checks = useChecksUi(session, sheetId, gridApi, lang);
  const ff = useFindFilter({
    session,
    sheet,
    onSheet: setSheetId,
    apiRef,
    ctxRef,
    findings: checks.findings,
    versions,
    say: setMessage,
  });
  const form = usePrintForm();
  const [showSync, setShowSync] = useState(false);
  const link = opened.sync;
  const fc = useFocusedCell({ opened, sheet, focus, readOnly, apiRef, ctxRef, ...cell });
  const { current, selected } = fc;
  const collab = useCollabMarks(link, sheet.id, ctxRef, apiRef);
  const linked = link?.snapshot.sync;

  return (
    <div className="pb-workbook" lang={lang}>
      <WorkbookHeader
        meta={session.workbook.meta}
        saveState={saveState}
        commits={session.commits}
        onBack={onBack}
        onToggleChecks={() => setShowChecks((x) => !x)}
        errors={checks.errors}
        warnings={checks.warnings}
        checking={!session.checksReady}
        exportText={exportText}
        onExportXlsx={() => exportXlsxNow(session, lang, t, setMessage, sheetId)}
        onExportCsv={() => exportCsvNow(session, sheet.id, sheet.name, lang)}
        onVersions={onVersions}
        extra={
          <AppendixHeaderExtras
            link={link}
            onSync={() => setShowSync((x) => !x)}
            onFind={ff.openFind}
            onForm={() => setShowForm((x) => !x)}
            onPrint={form.print}
          />
        }
      />
      {banner}
      {saveState === 'error' && session.storageFailure && (
        <StorageFailureBanner
          failure={session.storageFailure}
          fileName={`${fileStem(session.workbook.meta.title)}.planbook`}
          exportText={exportText}
        />
      )}
      {readOnly && !revision && saveState !== 'conflict' && (
        <div className="pb-banner" role="alert" data-testid="readonly-banner">
          {t('readOnlyElsewhere')}
        </div>
      )}
      <Toolbar
        onAction={run}
        canUndo={session.history.canUndo}
        canRedo={session.history.canRedo}
        readOnly={readOnly}
      />
      <FormulaBar
        address={fc.address}
        text={fc.formula}
        editable={fc.editable}
        onCommit={fc.commitFormula}
        onCancel={fc.backToGrid}
      />
      <FindBar ff={ff} sheet={sheet} versions={versions} workbookId={session.workbook.id} />
      <h2 className="pb-sheet-title">{sheet.title}</h2>
      <DisplayControls session={session} sheet={sheet} readOnly={readOnly} />
      {linked && selected && (
        <CellConflict
          sync={linked}
          mark={collabAt(collab, selected.rowId, selected.colId)}
          readOnly={readOnly}
          onBack={fc.backToGrid}
        />
      )}
      <div className="pb-main" onContextMenu={keys.onContextMenu}>
        <PlanGrid
          // columns added, removed, moved or renamed: the grid is built again for them
          key={`${sheet.id}:${columnsKey(sheet.columns)}`}
          session={session}
          sheetId={sheet.id}
          onRefused={cell.onRefused}
          onRangeRefused={cell.onRangeRefused}
          onSelection={onSelection}
          onAccepted={cell.onAccepted}
          onPasteSkipped={cell.onPasteSkipped}
          onFocus={onFocus}
          onKeyDown={onKey}
          onCommand={keys.onCommand}
          apiRef={apiRef}
          ctxRef={ctxRef}
          display={sheet.display}
        />
        {showForm && (
          <FormPanel
            session={session}
            sheetId={sheet.id}
            readOnly={readOnly}
            onClose={() => setShowForm(false)}
          />
        )}
        {showSync && link && <SyncPanel link={link} session={session} cell={selected} />}
        {showChecks && (
          <AppendixChecks
            session={session}
            sheetId={sheetId}
            lang={lang}
            readOnly={readOnly}
            checks={checks}
          />
        )}
      </div>
      <SheetTabs
        sheets={session.workbook.sheets}
        grids={session.workbook.grids ?? []}
        current={sheet.id}
        onPick={setSheetId}
        onAdd={onAddSheet}
        readOnly={readOnly}
        onRename={(id) => renameTab(session, id, t, (text) => setMessage({ text, kind: 'error' }))}
        views={onView ? { current: null, onPick: onView } : undefined}
      />
      {keys.overlays}
      <StatusLine
        message={message}
        remark={current?.remark}
        stats={stats}
        unit={displayUnitLabel(session, sheetId)}
      />
      {ask && (
        <ConfirmDialog
          ask={ask}
          onClose={() => {
            setAsk(null);
            // back to the grid, on the cell the question came from
            if (focus.rowIndex !== null)
              apiRef.current?.setFocusedCell(focus.rowIndex, focus.colId ?? 'name');
          }}
        />
      )}
      <AppendixPrints
        session={session}
        sheet={sheet}
        lang={lang}
        form={form.printing}
        checks={checks}
      />
    </div>
  );
}
