/**
 * The department's "send the submission" action of a workbook connected to its submission
 * document: the workbook as it is now, exported as the .xlsx a file would be, sent to the
 * consolidating department through the server.
 */
import { useState } from 'react';
import { workbookXlsx } from '../app/exports';
import { fileStem } from '../app/fileName';
import { sendSubmission } from '../app/serverSubmissions';
import type { WorkbookSession } from '../app/session';
import type { SyncSettings } from '../app/sync';
import { useLang } from './i18n';
import type { StringKey } from './strings';

type Outcome =
  { ok: true; file: string; at: number } | { ok: false; key: StringKey; detail: string };

export function SendSubmission({
  session,
  settings,
}: {
  session: WorkbookSession;
  settings: SyncSettings;
}) {
  const { t, lang } = useLang();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const send = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const file = `${fileStem(session.workbook.meta.title)}.xlsx`;
      const r = await sendSubmission(settings, file, await workbookXlsx(session, lang));
      setOutcome(
        r.ok
          ? { ok: true, file: r.value.fileName, at: r.value.at }
          : { ok: false, key: `sendProblem_${r.problem}`, detail: r.detail },
      );
    } catch (e) {
      setOutcome({ ok: false, key: 'sendProblem_failed', detail: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="pb-sync-send" data-testid="sync-send">
      <h3>{t('sendTitle')}</h3>
      <p className="pb-hint">{t('sendHint')}</p>
      <button
        type="button"
        disabled={busy}
        onClick={() => void send()}
        data-testid="sync-send-button"
      >
        {busy ? t('sending') : t('sendButton')}
      </button>
      {outcome?.ok && (
        <p className="pb-msg" role="status" data-testid="sync-sent">
          {t('sent', {
            file: outcome.file,
            time: new Date(outcome.at).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'),
          })}
        </p>
      )}
      {outcome && !outcome.ok && (
        <p className="pb-msg pb-msg-error" role="alert" data-testid="sync-send-problem">
          {t(outcome.key, { detail: outcome.detail })}
        </p>
      )}
    </section>
  );
}
