/** The start page's form that opens a workbook shared on a collaboration server. */
import { useState } from 'react';
import type { PlanbookApp } from '../app/services';
import { useLang } from './i18n';

export function OpenFromServer({
  app,
  onOpen,
}: {
  app: PlanbookApp;
  onOpen: (id: string) => void;
}) {
  const { t } = useLang();
  const [url, setUrl] = useState('ws://127.0.0.1:1234');
  const [doc, setDoc] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    const r = await app.openFromServer({
      url: url.trim(),
      document: doc.trim(),
      token: token.trim(),
    });
    setBusy(false);
    if ('id' in r) onOpen(r.id);
    else setError(t(`syncProblem_${r.problem}`, { detail: r.detail }));
  };
  return (
    <section className="pb-new">
      <h2>{t('openFromServer')}</h2>
      <form onSubmit={(e) => void submit(e)} data-testid="open-from-server">
        <label>
          {t('syncServer')}{' '}
          <input value={url} onChange={(e) => setUrl(e.target.value)} data-testid="ofs-url" />
        </label>
        <label>
          {t('syncDocument')}{' '}
          <input
            value={doc}
            placeholder={t('syncDocumentHint')}
            onChange={(e) => setDoc(e.target.value)}
            data-testid="ofs-document"
          />
        </label>
        <label>
          {t('syncToken')}{' '}
          <input value={token} onChange={(e) => setToken(e.target.value)} data-testid="ofs-token" />
        </label>
        <button
          type="submit"
          disabled={busy || !doc.trim() || !token.trim()}
          data-testid="ofs-open"
        >
          {busy ? t('syncConnecting') : t('openFromServerButton')}
        </button>
        {error && (
          <p className="pb-msg pb-msg-error" role="alert" data-testid="ofs-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
