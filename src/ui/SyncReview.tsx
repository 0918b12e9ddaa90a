/**
 * Conflicts and the audit trail of a shared workbook: each conflict with every value kept, who
 * wrote it and when, one button per value to keep it for everyone; the trail of the selected
 * cell or of the whole document (who changed what from what to what, when), exportable as CSV.
 */
import { useState } from 'react';
import type { WorkbookSession } from '../app/session';
import type { AuditEntry, SyncState, WorkbookSync } from '../app/sync';
import { auditKindLabel } from './auditKinds';
import { download } from './download';
import { useLang } from './i18n';
import { auditValue, cellLabel, valueText } from './syncLabels';

export interface SelectedCell {
  sheetId: string;
  rowId: string;
  colId: string;
}

function Conflicts({
  sync,
  state,
  session,
}: {
  sync: WorkbookSync;
  state: SyncState;
  session: WorkbookSession;
}) {
  const { t, lang } = useLang();
  const when = (ms: number) => new Date(ms).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  if (!state.conflicts.length) return <p data-testid="sync-no-conflicts">{t('syncNoConflicts')}</p>;
  return (
    <ul className="pb-sync-conflicts" data-testid="sync-conflicts">
      {state.conflicts.map((c) => {
        const r = c.register;
        const where =
          r.kind === 'cell'
            ? cellLabel(session.workbook, r.sheetId, r.rowId, r.colId)
            : r.kind === 'gridCell'
              ? cellLabel(
                  session.workbook,
                  r.gridId,
                  c.at ? String(c.at.row) : null,
                  c.at ? String(c.at.col) : null,
                )
              : c.key;
        return (
          <li key={c.key} data-testid="sync-conflict" data-key={c.key}>
            <div className="pb-sync-where">{where}</div>
            {c.orphan && <div className="pb-msg">{t('syncOrphan')}</div>}
            <ul>
              {c.writes.map((w) => (
                <li key={w.id} data-testid="sync-conflict-value" data-value={String(w.v)}>
                  <strong>{valueText(w.v, lang, t('syncBlank'))}</strong>{' '}
                  <span className="pb-sync-by">
                    {t('syncBy', { who: w.who, time: when(w.at) })}
                  </span>{' '}
                  {!state.readOnly && !c.orphan && (
                    <button
                      type="button"
                      onClick={() => sync.settle(c.key, w.v)}
                      data-testid="sync-keep"
                    >
                      {t('syncKeep')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {c.orphan && !state.readOnly && (
              <button type="button" onClick={() => sync.settle(c.key, undefined)}>
                {t('syncDrop')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Divergent({
  sync,
  state,
  session,
}: {
  sync: WorkbookSync;
  state: SyncState;
  session: WorkbookSession;
}) {
  const { t, lang } = useLang();
  if (!state.divergent.length) return null;
  const blank = t('syncBlank');
  return (
    <ul className="pb-sync-conflicts" data-testid="sync-divergent">
      {state.divergent.map((d) => (
        <li key={`${d.sheetId}/${d.rowId}/${d.colId}`}>
          <div className="pb-sync-where">
            {cellLabel(session.workbook, d.sheetId, d.rowId, d.colId)}
          </div>
          <div className="pb-msg">{t('syncDivergent')}</div>
          <button
            type="button"
            onClick={() => sync.resolveDivergence(d, true)}
            data-testid="sync-keep-local"
          >
            {t('syncKeepLocal', { value: valueText(d.local, lang, blank) })}
          </button>{' '}
          <button type="button" onClick={() => sync.resolveDivergence(d, false)}>
            {t('syncKeepShared', { value: valueText(d.shared, lang, blank) })}
          </button>
        </li>
      ))}
    </ul>
  );
}

function Trail({
  sync,
  session,
  cell,
}: {
  sync: WorkbookSync;
  session: WorkbookSession;
  cell: SelectedCell | null;
}) {
  const { t, lang } = useLang();
  const [rows, setRows] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState('');
  const load = (q: Partial<SelectedCell>) => {
    setError('');
    sync
      .audit({ sheet: q.sheetId, row: q.rowId, col: q.colId })
      .then((r) => setRows(r as AuditEntry[]))
      .catch((e: Error) => setError(e.message));
  };
  const exportCsv = () => {
    sync
      .audit({ csv: true })
      .then((text) =>
        download(
          `nhat-ky-${sync.settings.document.replace(/\W+/g, '-')}.csv`,
          text as string,
          'text/csv',
        ),
      )
      .catch((e: Error) => setError(e.message));
  };
  const blank = t('syncBlank');
  return (
    <div className="pb-sync-trail">
      <div className="pb-sync-actions">
        <button
          type="button"
          disabled={!cell}
          onClick={() => cell && load(cell)}
          data-testid="sync-audit-cell"
        >
          {t('syncAuditCell')}
        </button>
        <button type="button" onClick={() => load({})} data-testid="sync-audit-all">
          {t('syncAuditAll')}
        </button>
        <button type="button" onClick={exportCsv} data-testid="sync-audit-csv">
          {t('syncAuditCsv')}
        </button>
      </div>
      {error && <p className="pb-msg pb-msg-error">{t('syncAuditError', { detail: error })}</p>}
      {rows && !rows.length && <p>{t('syncAuditEmpty')}</p>}
      {rows && rows.length > 0 && (
        <table className="pb-sync-audit" data-testid="sync-audit">
          <thead>
            <tr>
              <th>{t('syncAuditTime')}</th>
              <th>{t('syncAuditWho')}</th>
              <th>{t('syncAuditWhat')}</th>
              <th>{t('syncAuditWhere')}</th>
              <th>{t('syncAuditFrom')}</th>
              <th>{t('syncAuditTo')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-kind={r.kind}>
                <td>{new Date(r.at).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</td>
                <td>{`${r.name ?? r.account} (${r.unit})`}</td>
                <td>{auditKindLabel(r.kind, t)}</td>
                <td>
                  {r.row ? cellLabel(session.workbook, r.sheet, r.row, r.col) : (r.detail ?? '')}
                </td>
                <td>
                  {r.kind === 'cell' || r.kind === 'settle'
                    ? auditValue(r.before, lang, blank)
                    : ''}
                </td>
                <td>
                  {r.kind === 'cell' || r.kind === 'settle'
                    ? auditValue(r.after, lang, blank)
                    : (r.detail ?? '')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function SyncReview(p: {
  sync: WorkbookSync;
  state: SyncState;
  session: WorkbookSession;
  cell: SelectedCell | null;
}) {
  const { t } = useLang();
  return (
    <>
      <h3>{t('syncConflicts', { n: p.state.conflicts.length + p.state.divergent.length })}</h3>
      <Conflicts sync={p.sync} state={p.state} session={p.session} />
      <Divergent sync={p.sync} state={p.state} session={p.session} />
      <h3>{t('syncAudit')}</h3>
      <Trail sync={p.sync} session={p.session} cell={p.cell} />
    </>
  );
}
