/** Versions of the open workbook: save one, the timeline, add a file as a version, compare any two. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ComparisonResult } from '../app/comparison';
import { type ImportError, readForImport } from '../app/importer';
import type { OpenedWorkbook } from '../app/services';
import type { RevisionSummary, Versions } from '../app/versions';
import type { MatchOverrides } from '../domain/match';
import { exportAdjustmentXlsx } from '../io/export/adjustmentXlsx';
import { fileStem } from '../app/exports';
import { CompareView } from './CompareView';
import type { Executions } from '../app/executions';
import { ExecutionStart } from './execution/ExecutionStart';
import { download } from './download';
import { useLang } from './i18n';

type Pick = string; // a revision id or 'current'

export function VersionsView(p: {
  opened: OpenedWorkbook;
  versions: Versions;
  onBack: () => void;
  onHighlight: (rev: RevisionSummary) => void;
  onOpened: (workbookId: string) => void;
  /** The workbook's execution trackings (a year started from the plan or a version). */
  executions?: Executions;
  /** The appendix on screen: a comparison shows its figures in the unit this sheet shows. */
  sheetId?: string | null;
}) {
  const { t, lang } = useLang();
  const { session } = p.opened;
  const wbId = session.workbook.id;
  const [list, setList] = useState<RevisionSummary[]>([]);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ text: string; kind: 'info' | 'error' } | null>(null);
  const [sel, setSel] = useState<{ a: Pick; b: Pick }>({ a: '', b: 'current' });
  const [overrides, setOverrides] = useState<MatchOverrides>({});
  const [result, setResult] = useState<ComparisonResult | null>(null);
  /** A comparison under way (it runs in pieces: the page stays responsive meanwhile). */
  const [busy, setBusy] = useState(false);
  /** The last comparison asked for: an earlier one that ends later is not shown. */
  const lastRun = useRef(0);
  const label = (x: Pick) =>
    x === 'current' ? t('current') : (list.find((r) => r.id === x)?.name ?? '');

  const reload = useCallback(() => p.versions.list(wbId).then(setList), [p.versions, wbId]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const run = useCallback(
    async (a: Pick, b: Pick, o: MatchOverrides) => {
      setSel({ a, b });
      setOverrides(o);
      const me = ++lastRun.current;
      setBusy(true);
      try {
        const r = await p.versions.compare(a, b, session, { current: t('current') }, o);
        if (me === lastRun.current) setResult(r ?? null);
      } finally {
        if (me === lastRun.current) setBusy(false);
      }
    },
    [p.versions, session, t],
  );

  const save = async () => {
    const rev = await p.versions.save(session, name || t('versions'), note);
    setName('');
    setNote('');
    setMessage({ text: t('versionSaved', { name: rev.name }), kind: 'info' });
    await reload();
  };

  const addFile = async (file: File) => {
    try {
      const reading = await readForImport(file.name, new Uint8Array(await file.arrayBuffer()));
      await p.versions.addFromFile(wbId, reading.workbook, file.name);
      setMessage({ text: t('versionImported', { name: file.name }), kind: 'info' });
      await reload();
    } catch (e) {
      const err = e as ImportError;
      setMessage({
        kind: 'error',
        text: t('importFailed', {
          name: file.name,
          why: t(`imp_${err.code}`, { detail: err.detail }),
        }),
      });
    }
  };

  const restore = async (r: RevisionSummary) => {
    const res = await p.versions.restore(r.id, session, 'restoreVersion');
    if (!res) return;
    setMessage(
      res.ok
        ? { text: t('versionRestored', { name: r.name }), kind: 'info' }
        : { text: t('restoreRefused'), kind: 'error' },
    );
    if (res.ok) setResult(null);
  };

  const exportAdjustment = async () => {
    if (!result) return;
    const out = await exportAdjustmentXlsx({
      table: result.table,
      title: session.workbook.meta.title,
      before: result.comparison.a,
      after: result.comparison.b,
      unit: session.workbook.meta.unit,
      lang,
    });
    download(
      `${fileStem(`Điều chỉnh - ${session.workbook.meta.title}`)}.xlsx`,
      out.bytes as BlobPart,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  };

  const options = [
    ...list.map((r) => ({ id: r.id, name: r.name })),
    { id: 'current', name: t('current') },
  ];
  return (
    <div className="pb-versions" data-testid="versions-view">
      <header className="pb-header">
        <button type="button" data-testid="versions-back" onClick={p.onBack}>
          {t('backToSheet')}
        </button>
        <div className="pb-title">
          <h1>
            {t('versions')}: {session.workbook.meta.title}
          </h1>
        </div>
      </header>
      {message && (
        <p className={`pb-msg pb-msg-${message.kind}`} role="alert" data-testid="versions-message">
          {message.text}
        </p>
      )}
      <form
        className="pb-version-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          {t('versionName')}{' '}
          <input
            data-testid="version-name"
            value={name}
            placeholder={t('versionNamePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
        </label>{' '}
        <label>
          {t('versionNote')}{' '}
          <input
            data-testid="version-note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>{' '}
        <button type="submit" data-testid="version-save" disabled={session.readOnly}>
          {t('saveVersion')}
        </button>{' '}
        <label className="pb-file-button">
          {t('addVersionFile')}
          <input
            type="file"
            data-testid="version-file"
            accept=".xlsx,.xls,.ods,.csv,.tsv,.txt,.planbook"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void addFile(f);
              e.target.value = '';
            }}
          />
        </label>
      </form>
      {list.length === 0 ? (
        <p className="pb-note">{t('noVersions')}</p>
      ) : (
        <ol className="pb-timeline" data-testid="version-list">
          {list.map((r) => (
            <li key={r.id} data-version={r.name}>
              <strong>{r.name}</strong> —{' '}
              {new Date(r.createdAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}{' '}
              <em>({t(`versionOrigin_${r.origin}`)})</em>
              {r.note && <span className="pb-version-note"> — {r.note}</span>}{' '}
              <a href={`#/rev/${encodeURIComponent(r.id)}`}>{t('openVersion')}</a>{' '}
              <button
                type="button"
                data-testid="compare-current"
                onClick={() => void run(r.id, 'current', {})}
              >
                {t('compareWithCurrent')}
              </button>{' '}
              <button type="button" onClick={() => p.onHighlight(r)}>
                {t('highlightChanges')}
              </button>{' '}
              <button
                type="button"
                data-testid="version-restore"
                disabled={session.readOnly}
                onClick={() => void restore(r)}
              >
                {t('restoreVersion')}
              </button>{' '}
              <button
                type="button"
                onClick={() =>
                  void p.versions
                    .newWorkbookFrom(r.id, `${session.workbook.meta.title} (${r.name})`)
                    .then((id) => id && p.onOpened(id))
                }
              >
                {t('newFromVersion')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {p.executions && (
        <ExecutionStart session={session} executions={p.executions} revisions={list} />
      )}
      {list.length > 0 && (
        <div className="pb-compare-pick">
          {t('compareTwo')}: {t('compareA')}{' '}
          <select
            data-testid="compare-a"
            value={sel.a}
            onChange={(e) => setSel({ ...sel, a: e.target.value })}
          >
            <option value="" />
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>{' '}
          {t('compareB')}{' '}
          <select
            data-testid="compare-b"
            value={sel.b}
            onChange={(e) => setSel({ ...sel, b: e.target.value })}
          >
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>{' '}
          <button
            type="button"
            data-testid="compare-run"
            disabled={!sel.a}
            onClick={() => void run(sel.a, sel.b, {})}
          >
            {t('compareRun')}
          </button>
        </div>
      )}
      {busy && (
        <p className="pb-note" role="status" data-testid="compare-busy">
          {t('comparing')}
        </p>
      )}
      {result && (
        <CompareView
          key={`${sel.a}|${sel.b}|${label(sel.a)}`}
          result={result}
          unit={session.workbook.meta.unit}
          display={session.workbook.sheets.find((s) => s.id === p.sheetId)?.display}
          overrides={overrides}
          onOverrides={(o) => void run(sel.a, sel.b, o)}
          onExport={() => void exportAdjustment()}
        />
      )}
    </div>
  );
}
