/**
 * Receiving submissions the departments sent through the collaboration server: each unit's
 * latest send not received yet is read as a dropped file is and joins the files waiting for the
 * consolidator's confirmation (`IntakePanel`). The server, plan and token are remembered per
 * consolidation in this browser.
 */
import { useState } from 'react';
import type { ConsolidationSession } from '../../app/consolidation';
import type { PendingSubmission } from '../../app/consolidationIntake';
import { type IntakeServer, readSentSubmissions } from '../../app/serverSubmissions';
import { senderUnitLabel } from '../../app/sentUnit';
import { useLang } from '../i18n';
import type { StringKey } from '../strings';

const DEFAULT_URL = 'ws://127.0.0.1:1234';

function remembered(key: string): IntakeServer {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<IntakeServer> | null;
    return { url: v?.url ?? DEFAULT_URL, plan: v?.plan ?? '', token: v?.token ?? '' };
  } catch {
    return { url: DEFAULT_URL, plan: '', token: '' };
  }
}

function remember(key: string, s: IntakeServer): void {
  try {
    localStorage.setItem(key, JSON.stringify(s));
  } catch {
    // a comfort only: the fields are filled again by hand
  }
}

export function ServerIntake({
  session,
  onRead,
}: {
  session: ConsolidationSession;
  /** Adds the files read to those waiting for confirmation. */
  onRead: (files: PendingSubmission[]) => void;
}) {
  const { t, lang } = useLang();
  const key = `planbook:intake-server:${session.state.id}`;
  const [server, setServer] = useState<IntakeServer>(() => remembered(key));
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ error: boolean; text: string } | null>(null);
  const set = (k: keyof IntakeServer, v: string) => setServer((s) => ({ ...s, [k]: v }));
  const fetchSent = async (e: React.FormEvent) => {
    e.preventDefault();
    const s = { url: server.url.trim(), plan: server.plan.trim(), token: server.token.trim() };
    remember(key, s);
    setBusy(true);
    setMsg(null);
    try {
      const r = await readSentSubmissions(session.state, session.submissions, s, (x) =>
        t('intakeServerNote', {
          name: x.name,
          unit: senderUnitLabel(x),
          time: new Date(x.at).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'),
        }),
      );
      if (!r.ok) {
        const k: StringKey = `intakeProblem_${r.problem}`;
        setMsg({ error: true, text: t(k, { detail: r.detail }) });
      } else {
        onRead(r.value);
        const wrong = r.value.filter((p) => p.wrongUnit?.refused).length;
        const taken = r.value.length - wrong;
        const parts = [
          ...(taken ? [t('intakeServerGot', { n: taken })] : []),
          ...(wrong ? [t('intakeServerWrongUnit', { n: wrong })] : []),
        ];
        const text = parts.length ? parts.join(' ') : t('intakeServerNone');
        setMsg({ error: false, text });
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="pb-intake-server" data-testid="c-server">
      <summary>{t('intakeServerTitle')}</summary>
      <form onSubmit={(e) => void fetchSent(e)}>
        <label>
          {t('intakeServerUrl')}{' '}
          <input
            value={server.url}
            onChange={(e) => set('url', e.target.value)}
            data-testid="c-server-url"
          />
        </label>{' '}
        <label>
          {t('intakeServerPlan')}{' '}
          <input
            value={server.plan}
            onChange={(e) => set('plan', e.target.value)}
            data-testid="c-server-plan"
          />
        </label>{' '}
        <label>
          {t('intakeServerToken')}{' '}
          <input
            value={server.token}
            onChange={(e) => set('token', e.target.value)}
            data-testid="c-server-token"
          />
        </label>{' '}
        <button
          type="submit"
          disabled={busy || !server.plan.trim() || !server.token.trim()}
          data-testid="c-server-fetch"
        >
          {busy ? t('intakeServerFetching') : t('intakeServerFetch')}
        </button>
      </form>
      {msg && (
        <p
          className={msg.error ? 'pb-msg pb-msg-error' : 'pb-msg'}
          role={msg.error ? 'alert' : 'status'}
          data-testid="c-server-message"
          data-error={msg.error}
        >
          {msg.text}
        </p>
      )}
    </details>
  );
}
