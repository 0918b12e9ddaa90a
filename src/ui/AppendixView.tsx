/** An appendix sheet of an open workbook: header, toolbar, formula bar, grid with checks panel, sheet tabs, status. */
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Refusal, RefusalCode } from '../app/commands';
import { commitText } from '../app/editing';
import type { OpenedWorkbook } from '../app/services';
import { columnLetter, leaves } from '../domain/columns';
import { cellPolicy } from '../domain/policy';
import { newSheet } from '../domain/template';
import { ChecksPanel } from './ChecksPanel';
import { displayUnitLabel, figureFormatter } from './displayFigures';
import { DisplayControls } from './DisplayControls';
import { FormulaBar } from './FormulaBar';
import { rawText } from './grid/CellEditor';
import type { GridCtx, GridItem } from './grid/gridContext';
import { PlanGrid } from './grid/PlanGrid';
import { useLang } from './i18n';
import { PrintableReport } from './PrintableReport';
import { PrintableForm } from './PrintableForm';
import { usePrintForm } from './usePrintForm';
import { SheetTabs } from './SheetTabs';
import { StatusLine } from './StatusLine';
import type { StringKey } from './strings';
import { Toolbar } from './Toolbar';
import { useChecksUi } from './useChecksUi';
import { bySaveState, byReadOnly, byVersion } from './useSession';
import { useSessionDeferred } from './useSessionDeferred';
import { useDeferredFocus, useSelectionStats } from './useGridFocus';
import { useWorkbookActions } from './useWorkbookActions';
import { useStatusMessage } from './useStatusMessage';
import { type Ask, ConfirmDialog } from './ConfirmDialog';
import { ChecksDock } from './ChecksDock';
import { FindBar, FindToggle } from './FindBar';
import { useFindFilter } from './useFindFilter';
import type { Versions } from '../app/versions';
import type { CompareMarks } from './useCompareMarks';
import { useCollabMarks } from './useCollabMarks';
import { CellConflict } from './CellConflict';
import { collabAt } from './grid/collabMarks';
import type { RevisionSummary } from '../app/versions';
import { WorkbookHeader } from './WorkbookHeader';
import { exportCsvNow, exportXlsxNow } from './exportActions';
import { StorageFailureBanner } from './StorageFailureBanner';
import { fileStem } from '../app/exports';
import { SyncPanel, SyncToggle } from './SyncPanel';
import { columnsKey } from './form/columnsKey';
import { FormPanel } from './form/FormPanel';
import { renameTab } from './form/renameTab';
import { useGridOverlays } from './useGridOverlays';

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

  const cellName = useCallback(
    (rowId: string | undefined, colId: string | undefined) => {
      const s = session.workbook.sheets.find((x) => x.id === sheetId)!;
      const i = rowId ? s.rows.findIndex((r) => r.id === rowId) : -1;
      const c = colId ? leaves(s.columns).findIndex((l) => l.id === colId) : -1;
      return i >= 0 && c >= 0 ? `${columnLetter(c)}${i + 1}` : '';
    },
    [session, sheetId],
  );
  const refusalText = useCallback(
    (r: Refusal) =>
      t('refused', {
        cell: cellName(r.rowId, r.colId),
        why: t(`r_${r.code}`, { detail: r.detail ?? '' }),
      }),
    [t, cellName],
  );
  const say = useCallback(
    (key: StringKey, params?: Record<string, string | number>) =>
      setMessage({ text: t(key, params), kind: 'error' }),
    [t, setMessage],
  );
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

  const onRefused = useCallback(
    (rowId: string, colId: string, code: RefusalCode, detail?: string) => {
      const ctx = ctxRef.current;
      const text = refusalText({ code, rowId, colId, detail });
      if (ctx) ctx.refused = { rowId, colId, message: text };
      setMessage({ text, kind: 'error' });
      const node = apiRef.current?.getRowNode(rowId);
      if (node) apiRef.current?.refreshCells({ rowNodes: [node], force: true });
    },
    [refusalText, setMessage],
  );
  // a pasted text in an amount cell is marked as a typed one is (the same message, the cell)
  const onRangeRefused = useCallback(
    (r: Refusal) =>
      r.code === 'notNumber' && r.rowId && r.colId
        ? onRefused(r.rowId, r.colId, r.code, r.detail)
        : setMessage({ text: refusalText(r), kind: 'error' }),
    [onRefused, refusalText, setMessage],
  );
  const onAccepted = useCallback(() => {
    const ctx = ctxRef.current;
    if (ctx?.refused) {
      const node = apiRef.current?.getRowNode(ctx.refused.rowId);
      ctx.refused = null;
      if (node) apiRef.current?.refreshCells({ rowNodes: [node], force: true });
    }
    setMessage(null);
  }, [setMessage]);
  const onPasteSkipped = useCallback(
    (n: number) => setMessage({ text: t('pasteSkipped', { n }), kind: 'info' }),
    [t, setMessage],
  );
  const { stats, onSelection } = useSelectionStats(session, sheetId, moved);

  const checks = useChecksUi(session, sheetId, () => apiRef.current, lang);
  const ff = useFindFilter({
    session,
    sheet,
    onSheet: setSheetId,
    apiRef,
    ctxRef,
    findings: checks.findings,
    versions,
  });
  const form = usePrintForm();
  const current = focus.rowIndex !== null ? sheet.rows[focus.rowIndex] : undefined;
  const [showSync, setShowSync] = useState(false);
  const link = opened.sync;
  const cellId = current && focus.colId ? `${current.id}\u0000${focus.colId}` : '';
  const selected = useMemo(() => {
    const [rowId, colId] = cellId.split('\u0000');
    return rowId && colId ? { sheetId, rowId, colId } : null;
  }, [cellId, sheetId]);
  useEffect(() => {
    if (!link) return undefined;
    // tell the others which cell this person is on (again when a connection starts)
    let shown = link.snapshot.sync;
    shown?.setCell(selected);
    return link.subscribe(() => {
      const now = link.snapshot.sync;
      if (now && now !== shown) now.setCell(selected);
      shown = now;
    });
  }, [link, selected, session]);
  const collab = useCollabMarks(link, sheet.id, ctxRef, apiRef);
  const linked = link?.snapshot.sync;
  const leaf = focus.colId ? leaves(sheet.columns).find((l) => l.id === focus.colId) : undefined;
  const address = current && leaf ? cellName(current.id, leaf.id) : '';
  const formula =
    current && focus.colId && ctxRef.current ? rawText(ctxRef.current, current, focus.colId) : '';
  const editable = !!current && !!leaf && !readOnly && cellPolicy(sheet, current, leaf).editable;
  const commitFormula = (text: string) => {
    if (!current || !leaf) return;
    const r = commitText(session, sheetId, current.id, leaf.id, text);
    if (r.ok) onAccepted();
    else onRefused(current.id, leaf.id, r.refusal.code, r.refusal.detail);
    if (focus.rowIndex !== null) apiRef.current?.setFocusedCell(focus.rowIndex, leaf.id);
  };
  const addSheet = () => {
    const sh = newSheet(
      session.workbook.meta,
      t('newSheetName', { n: session.workbook.sheets.length + 1 }),
    );
    const r = session.dispatch(
      { type: 'addSheet', sheet: sh, at: session.workbook.sheets.length },
      'addSheet',
    );
    if (r.ok) setSheetId(sh.id);
  };

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
          <>
            {link && <SyncToggle link={link} onClick={() => setShowSync((x) => !x)} />}
            <FindToggle onOpen={ff.openFind} />
            <button type="button" data-testid="form-toggle" onClick={() => setShowForm((x) => !x)}>
              {t('form_toggle')}
            </button>
            <button
              type="button"
              data-testid="print-form-button"
              title={t('printFormTitle')}
              onClick={form.print}
            >
              {t('printForm')}
            </button>
          </>
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
        address={address}
        text={formula}
        editable={editable}
        onCommit={commitFormula}
        onCancel={() => apiRef.current?.setFocusedCell(focus.rowIndex ?? 0, focus.colId ?? 'name')}
      />
      <FindBar ff={ff} sheet={sheet} versions={versions} workbookId={session.workbook.id} />
      <h2 className="pb-sheet-title">{sheet.title}</h2>
      <DisplayControls session={session} sheet={sheet} readOnly={readOnly} />
      {linked && selected && (
        <CellConflict
          sync={linked}
          mark={collabAt(collab, selected.rowId, selected.colId)}
          readOnly={readOnly}
          onBack={() => apiRef.current?.setFocusedCell(focus.rowIndex ?? 0, focus.colId ?? 'name')}
        />
      )}
      <div className="pb-main" onContextMenu={keys.onContextMenu}>
        <PlanGrid
          // columns added, removed, moved or renamed: the grid is built again for them
          key={`${sheet.id}:${columnsKey(sheet.columns)}`}
          session={session}
          sheetId={sheet.id}
          onRefused={onRefused}
          onRangeRefused={onRangeRefused}
          onSelection={onSelection}
          onAccepted={onAccepted}
          onPasteSkipped={onPasteSkipped}
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
          <ChecksDock count={checks.errors + checks.warnings}>
            <ChecksPanel
              findings={checks.findings}
              figure={figureFormatter(session, sheetId, lang)}
              unit={displayUnitLabel(session, sheetId)}
              rowNumber={checks.rowNumber}
              onSelect={checks.select}
              onPrint={checks.print}
              onExport={checks.exportReport}
              actions={readOnly ? undefined : checks.actions}
            />
          </ChecksDock>
        )}
      </div>
      <SheetTabs
        sheets={session.workbook.sheets}
        grids={session.workbook.grids ?? []}
        current={sheet.id}
        onPick={setSheetId}
        onAdd={addSheet}
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
      {form.printing && (
        <PrintableForm
          sheet={sheet}
          meta={session.workbook.meta}
          values={session.values(sheet.id)}
          lang={lang}
        />
      )}
      {checks.printing && (
        <PrintableReport
          rows={checks.rows()}
          title={session.workbook.meta.title}
          subtitle={sheet.title}
        />
      )}
    </div>
  );
}
