/**
 * The start page's automatic backups: per workbook (deleted ones too), each copy with when and why
 * it was taken; a copy opens as a new workbook, or replaces the workbook after a confirmation
 * (what it holds is backed up first).
 */
import { useEffect, useState } from 'react';
import type { BackupSummary } from '../app/backups';
import type { PlanbookApp } from '../app/services';
import { formatBytes } from './formatBytes';
import { useLang } from './i18n';

export function BackupsSection({
  app,
  known,
  onChanged,
}: {
  app: PlanbookApp;
  /** Titles of the workbooks stored now, by id (a copy of another one is of a deleted workbook). */
  known: Map<string, string>;
  onChanged: () => void;
}) {
  const { t, lang } = useLang();
  const [list, setList] = useState<BackupSummary[] | null>(null);
  const [msg, setMsg] = useState<{ text: string; kind: 'error' | 'info' } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const load = () => void app.backups.list().then(setList);
    load();
    return app.backups.onChange(load);
  }, [app]);

  const at = (ms: number) => new Date(ms).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const groups = new Map<string, BackupSummary[]>();
  for (const b of list ?? []) groups.set(b.workbookId, [...(groups.get(b.workbookId) ?? []), b]);

  const asNew = async (b: BackupSummary) => {
    setBusy(true);
    try {
      const id = await app.backups.restoreAsNew(
        b.id,
        t('backupRestoredTitle', { at: at(b.createdAt) }),
      );
      setMsg(
        id
          ? { text: t('backupRestoredNew', { at: at(b.createdAt) }), kind: 'info' }
          : { text: t('backupProblem_missing'), kind: 'error' },
      );
      onChanged();
    } finally {
      setBusy(false);
    }
  };
  const over = async (b: BackupSummary, title: string) => {
    if (!window.confirm(t('backupConfirmOver', { title, at: at(b.createdAt) }))) return;
    setBusy(true);
    try {
      const r = await app.restoreBackupOver(b.id);
      setMsg(
        r.ok
          ? { text: t('backupRestoredOver', { title, at: at(b.createdAt) }), kind: 'info' }
          : { text: t(`backupProblem_${r.problem}`), kind: 'error' },
      );
      onChanged();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="pb-backups" data-testid="backups">
      <h2>{t('backupsTitle')}</h2>
      {msg && (
        <p className={`pb-msg pb-msg-${msg.kind}`} role="alert" data-testid="backup-message">
          {msg.text}
        </p>
      )}
      {list && list.length === 0 && <p>{t('backupsNone')}</p>}
      {[...groups].map(([wbId, copies]) => {
        const title = known.get(wbId) ?? copies[0].title;
        return (
          <details key={wbId} data-backups-of={wbId}>
            <summary>
              {title} {known.has(wbId) ? '' : t('backupGone')} —{' '}
              {t('backupsCount', { n: copies.length })}
            </summary>
            <table className="pb-list">
              <thead>
                <tr>
                  <th>{t('backupAt')}</th>
                  <th>{t('backupWhy')}</th>
                  <th>{t('backupSize')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {copies.map((b) => (
                  <tr key={b.id} data-backup={b.id}>
                    <td>{at(b.createdAt)}</td>
                    <td>{t(`backupReason_${b.reason}`)}</td>
                    <td className="pb-num">{formatBytes(b.size, lang)}</td>
                    <td>
                      <button type="button" disabled={busy} onClick={() => void asNew(b)}>
                        {t('backupAsNew')}
                      </button>{' '}
                      <button type="button" disabled={busy} onClick={() => void over(b, title)}>
                        {t('backupOver')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                window.confirm(t('backupsConfirmRemove', { n: copies.length, title })) &&
                void app.backups.removeAll(wbId)
              }
            >
              {t('backupsRemove')}
            </button>
          </details>
        );
      })}
    </section>
  );
}
