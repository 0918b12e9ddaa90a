/** One open workbook: header with save state, toolbar, formula bar, the grid and the status line. */
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OpenedWorkbook } from '../app/services';
import type { SaveState } from '../app/session';
import { columnLetter, leaves } from '../domain/columns';
import { rawText } from './grid/CellEditor';
import type { GridCtx, GridItem } from './grid/gridContext';
import { type FocusInfo, PlanGrid } from './grid/PlanGrid';
import { useLang } from './i18n';
import type { StringKey } from './strings';
import { ChecksPanel } from './ChecksPanel';
import { PrintableReport } from './PrintableReport';
import { Toolbar } from './Toolbar';
import { useChecksUi } from './useChecksUi';
import { useWorkbookActions } from './useWorkbookActions';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function WorkbookView({
  opened,
  onBack,
  exportText,
}: {
  opened: OpenedWorkbook;
  onBack: () => void;
  exportText: () => string;
}) {
  const { t, lang } = useLang();
  const { session } = opened;
  const [saveState, setSaveState] = useState<SaveState>(session.saveState);
  const [readOnly, setReadOnly] = useState(session.readOnly);
  const [message, setMessage] = useState<{ text: string; kind: 'error' | 'info' } | null>(null);
  const [focus, setFocus] = useState<FocusInfo>({ rowIndex: null, row: null, colId: null });
  const [, setTick] = useState(0);
  const [showChecks, setShowChecks] = useState(true);
  const apiRef = useRef<GridApi<GridItem> | null>(null);
  const ctxRef = useRef<GridCtx | null>(null);
  const focusRef = useRef(focus);
  focusRef.current = focus;
  const sheetId = session.workbook.sheets[0].id;
  const sheet = session.workbook.sheets.find((s) => s.id === sheetId)!;

  useEffect(() => {
    const a = session.onSaveState((s) => {
      setSaveState(s);
      setReadOnly(session.readOnly);
    });
    const b = session.subscribe(() => setTick((x) => x + 1));
    return () => {
      a();
      b();
    };
  }, [session]);

  const refresh = useCallback(() => setTick((x) => x + 1), []);
  const say = useCallback(
    (key: string, params?: Record<string, string | number>) =>
      setMessage({ text: t(key as StringKey, params), kind: 'error' }),
    [t],
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
      confirm: (key: string, n: number) => window.confirm(t(key as StringKey, { n })),
      refresh,
    }),
    [session, sheetId, say, t, refresh],
  );
  const { run, onKey } = useWorkbookActions(deps);

  const onRefused = useCallback(
    (rowId: string, colId: string, code: string, detail?: string) => {
      const ctx = ctxRef.current;
      const idx = ctx?.index.get(rowId) ?? 0;
      const col = leaves(sheet.columns).findIndex((l) => l.id === colId);
      const cell = `${columnLetter(col)}${idx + 1}`;
      const text = t('refused', {
        cell,
        why: t(`r_${code}` as StringKey, { detail: detail ?? '' }),
      });
      if (ctx) ctx.refused = { rowId, colId, message: text };
      setMessage({ text, kind: 'error' });
      const node = apiRef.current?.getRowNode(rowId);
      if (node) apiRef.current?.refreshCells({ rowNodes: [node], force: true });
    },
    [sheet.columns, t],
  );
  const onAccepted = useCallback(() => {
    const ctx = ctxRef.current;
    if (ctx?.refused) {
      const node = apiRef.current?.getRowNode(ctx.refused.rowId);
      ctx.refused = null;
      if (node) apiRef.current?.refreshCells({ rowNodes: [node], force: true });
    }
    setMessage(null);
  }, []);

  const checks = useChecksUi(session, sheetId, () => apiRef.current, lang);
  const colIndex = focus.colId ? leaves(sheet.columns).findIndex((l) => l.id === focus.colId) : -1;
  const address =
    focus.rowIndex !== null && colIndex >= 0
      ? `${columnLetter(colIndex)}${focus.rowIndex + 1}`
      : '';
  const current = focus.rowIndex !== null ? sheet.rows[focus.rowIndex] : undefined;
  const formula =
    current && focus.colId && ctxRef.current ? rawText(ctxRef.current, current, focus.colId) : '';
  const saveLabel =
    saveState === 'saved'
      ? t('saved')
      : saveState === 'saving'
        ? t('saving')
        : saveState === 'error'
          ? t('saveError')
          : t('conflict');
  const meta = session.workbook.meta;

  return (
    <div className="pb-workbook" lang={lang}>
      <header className="pb-header">
        <button type="button" onClick={onBack}>
          {t('back')}
        </button>
        <div className="pb-title">
          <h1>{meta.title}</h1>
          <div className="pb-sub">
            {[
              meta.issuingBody,
              meta.docNumber && `${meta.docNumber}${meta.docDate ? ` · ${meta.docDate}` : ''}`,
              t('unit_line', { unit: meta.unit }),
            ]
              .filter(Boolean)
              .join(' — ')}
          </div>
        </div>
        <span
          className={`pb-save pb-save-${saveState}`}
          data-testid="save-state"
          data-state={saveState}
          data-commits={session.commits}
          role="status"
        >
          {saveLabel}
        </span>
        <button type="button" data-testid="checks-toggle" onClick={() => setShowChecks((x) => !x)}>
          {t('checks')}
          <span
            className={`pb-badge ${checks.errors ? '' : checks.warnings ? 'pb-badge-warning' : 'pb-badge-ok'}`}
            data-testid="checks-badge"
          >
            {checks.findings.length}
          </span>
        </button>
        <button
          type="button"
          onClick={() =>
            download(
              `${meta.title.slice(0, 60) || 'plan'}.planbook`,
              exportText(),
              'application/json',
            )
          }
        >
          {t('saveFile')}
        </button>
      </header>
      {readOnly && saveState !== 'conflict' && (
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
      <div className="pb-formula-bar">
        <span className="pb-namebox" data-testid="name-box">
          {address}
        </span>
        <span className="pb-fx">fx</span>
        <span className="pb-formula" data-testid="formula-text">
          {formula}
        </span>
      </div>
      <h2 className="pb-sheet-title">{sheet.title}</h2>
      <div className="pb-main">
        <PlanGrid
          session={session}
          sheetId={sheetId}
          onRefused={onRefused}
          onAccepted={onAccepted}
          onFocus={setFocus}
          onKeyDown={onKey}
          apiRef={apiRef}
          ctxRef={ctxRef}
        />
        {showChecks && (
          <ChecksPanel
            findings={checks.findings}
            rowNumber={checks.rowNumber}
            onSelect={checks.select}
            onPrint={checks.print}
            onExport={checks.exportReport}
          />
        )}
      </div>
      <footer className="pb-status" data-testid="status">
        {message ? (
          <span className={`pb-msg pb-msg-${message.kind}`} role="alert" data-testid="message">
            {message.text}
          </span>
        ) : current?.remark ? (
          <span className="pb-msg pb-msg-info" data-testid="remark">
            {t('remark', { text: current.remark })}
          </span>
        ) : (
          <span className="pb-hint">{t('shortcuts')}</span>
        )}
      </footer>
      <PrintableReport rows={checks.rows()} title={meta.title} subtitle={sheet.title} />
    </div>
  );
}
