/**
 * The collaboration panel: connect this workbook to a server (address, document, token), then
 * the connection's state, who is in the document and on which cell, the conflicts to settle and
 * the audit trail (`SyncReview.tsx`).
 */
import { useState, useSyncExternalStore } from 'react';
import type { WorkbookSession } from '../app/session';
import type { SyncLink } from '../app/syncLink';
import { useLang } from './i18n';
import { isSubmissionDoc } from '../app/serverSubmissions';
import { SendSubmission } from './SendSubmission';
import { cellLabel } from './syncLabels';
import { SyncReview, type SelectedCell } from './SyncReview';

const DEFAULT_URL = 'ws://127.0.0.1:1234';

function ConnectForm({ link }: { link: SyncLink }) {
  const { t } = useLang();
  const view = useSyncExternalStore(
    (l) => link.subscribe(l),
    () => link.snapshot,
  );
  const [url, setUrl] = useState(view.settings?.url ?? DEFAULT_URL);
  const [doc, setDoc] = useState(view.settings?.document ?? '');
  const [token, setToken] = useState(view.settings?.token ?? '');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void link.connect({ url: url.trim(), document: doc.trim(), token: token.trim() });
  };
  return (
    <form className="pb-sync-form" onSubmit={submit} data-testid="sync-form">
      <label>
        {t('syncServer')}
        <input value={url} onChange={(e) => setUrl(e.target.value)} data-testid="sync-url" />
      </label>
      <label>
        {t('syncDocument')}
        <input
          value={doc}
          placeholder={t('syncDocumentHint')}
          onChange={(e) => setDoc(e.target.value)}
          data-testid="sync-document"
        />
      </label>
      <label>
        {t('syncToken')}
        <input value={token} onChange={(e) => setToken(e.target.value)} data-testid="sync-token" />
      </label>
      <button
        type="submit"
        disabled={view.busy || !doc.trim() || !token.trim()}
        data-testid="sync-connect"
      >
        {view.busy ? t('syncConnecting') : t('syncConnect')}
      </button>
      {view.problem && (
        <p className="pb-msg pb-msg-error" role="alert" data-testid="sync-problem">
          {t(`syncProblem_${view.problem}`, { detail: view.detail })}
        </p>
      )}
    </form>
  );
}

/** The header's button that shows the panel: the connection's state and the conflicts' count. */
export function SyncToggle({ link, onClick }: { link: SyncLink; onClick: () => void }) {
  const { t } = useLang();
  const view = useSyncExternalStore(
    (l) => link.subscribe(l),
    () => link.snapshot,
  );
  const n = (view.state?.conflicts.length ?? 0) + (view.state?.divergent.length ?? 0);
  return (
    <button
      type="button"
      onClick={onClick}
      data-testid="sync-toggle"
      data-status={view.state?.status ?? 'none'}
    >
      {t('syncToggle')}
      {view.state && (
        <span className={`pb-badge ${n ? '' : 'pb-badge-ok'}`} data-testid="sync-badge">
          {n || (view.state.status === 'online' ? '✓' : '…')}
        </span>
      )}
    </button>
  );
}

export function SyncPanel({
  link,
  session,
  cell,
}: {
  link: SyncLink;
  session: WorkbookSession;
  /** The cell selected in the grid (for its audit trail). */
  cell: SelectedCell | null;
}) {
  const { t } = useLang();
  const view = useSyncExternalStore(
    (l) => link.subscribe(l),
    () => link.snapshot,
  );
  const { sync, state } = view;
  return (
    <aside className="pb-sync" data-testid="sync-panel">
      <div className="pb-sync-head">
        <strong>{t('syncTitle')}</strong>
      </div>
      {!sync || !state ? (
        <ConnectForm link={link} />
      ) : (
        <>
          <p
            className={`pb-sync-status pb-sync-${state.status}`}
            data-testid="sync-status"
            data-status={state.status}
            data-saved={state.saved}
          >
            {t(`syncStatus_${state.status}`)}
            {state.status === 'online' && ` · ${state.saved ? t('syncSaved') : t('syncUnsent')}`}
          </p>
          {state.problem && (
            <p className="pb-msg pb-msg-error" role="alert" data-testid="sync-problem">
              {t(`syncProblem_${state.problem}`, { detail: state.detail })}
            </p>
          )}
          <p className="pb-sync-sub">
            {t('syncAs', {
              account:
                state.accountName === state.account
                  ? state.account
                  : `${state.accountName} (${state.account})`,
            })}{' '}
            · {sync.settings.document}
          </p>
          {state.readOnly && (
            <p className="pb-msg" role="status" data-testid="sync-readonly">
              {t('syncReadOnly')}
            </p>
          )}
          <div className="pb-sync-actions">
            {state.status === 'offline' ? (
              <button type="button" onClick={() => sync.goOnline()} data-testid="sync-online">
                {t('syncGoOnline')}
              </button>
            ) : (
              <button type="button" onClick={() => sync.goOffline()} data-testid="sync-offline">
                {t('syncGoOffline')}
              </button>
            )}
            <button
              type="button"
              onClick={() => void link.disconnect()}
              data-testid="sync-disconnect"
            >
              {t('syncDisconnect')}
            </button>
          </div>
          <h3>{t('syncPeople')}</h3>
          <ul className="pb-sync-people" data-testid="sync-people">
            {state.presence.map((p) => (
              <li key={p.clientId} data-account={p.user.id}>
                {p.user.name}
                {p.user.unit ? ` (${p.user.unit})` : ''} {p.self ? t('syncYou') : ''}
                {p.cell &&
                  ` — ${t('syncOnCell', { cell: cellLabel(session.workbook, p.cell.sheetId, p.cell.rowId, p.cell.colId) })}`}
              </li>
            ))}
          </ul>
          {!state.readOnly && isSubmissionDoc(sync.settings.document) && (
            <SendSubmission session={session} settings={sync.settings} />
          )}
          <SyncReview sync={sync} state={state} session={session} cell={cell} />
        </>
      )}
    </aside>
  );
}
