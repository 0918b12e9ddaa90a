/**
 * *Xuất tất cả* (export all) and *Nhập tất cả* (import all) on the start page. When the archive
 * holds workbooks already stored here, the user chooses: copies, skip, or replace (confirmed;
 * each replaced workbook is backed up first). Nothing is imported from a bad file.
 */
import { useState } from 'react';
import type { ArchivePlan, ClashMode } from '../app/archive';
import type { PlanbookApp } from '../app/services';
import { download } from './download';
import { useLang } from './i18n';

export function ArchiveActions({ app, onImported }: { app: PlanbookApp; onImported: () => void }) {
  const { t } = useLang();
  const [msg, setMsg] = useState<{ text: string; kind: 'error' | 'info' } | null>(null);
  const [pending, setPending] = useState<ArchivePlan | null>(null);
  const [busy, setBusy] = useState(false);

  const exportAll = async () => {
    setBusy(true);
    try {
      const r = await app.archive.exportAll();
      const name = `planbook-${new Date().toISOString().slice(0, 10)}.planbook-archive`;
      download(name, r.bytes as Uint8Array<ArrayBuffer>, 'application/zip');
      setMsg({
        text: t('exportAllDone', { n: r.workbooks, c: r.consolidations, name }),
        kind: 'info',
      });
    } finally {
      setBusy(false);
    }
  };

  const run = async (plan: ArchivePlan, mode: ClashMode) => {
    setPending(null);
    setBusy(true);
    try {
      const r = await app.archive.import(plan, mode, t('importAllCopySuffix'));
      setMsg({
        text: t('importAllDone', {
          added: r.added,
          copied: r.copied,
          replaced: r.replaced,
          skipped: r.skipped,
          cadded: r.consolidationsAdded,
          creplaced: r.consolidationsReplaced,
          cskipped: r.consolidationsSkipped,
        }),
        kind: 'info',
      });
      onImported();
    } catch (e) {
      setMsg({ text: t('archFailed', { why: (e as Error).message }), kind: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const pick = async (file: File) => {
    setMsg(null);
    const r = await app.archive.read(new Uint8Array(await file.arrayBuffer()));
    if (!r.ok) {
      const e = r.error;
      const why = t(`arch_${e.code}`, {
        v: 'version' in e ? e.version : '',
        path: 'path' in e ? e.path : '',
      });
      setMsg({ text: t('archFailed', { why }), kind: 'error' });
      return;
    }
    if (r.plan.clashes.length) setPending(r.plan);
    else await run(r.plan, 'copy');
  };

  return (
    <div className="pb-archive" data-testid="archive">
      <button
        type="button"
        disabled={busy}
        onClick={() => void exportAll()}
        data-testid="export-all"
      >
        {t('exportAll')}
      </button>{' '}
      <label className="pb-file">
        {t('importAll')}
        <input
          type="file"
          accept=".planbook-archive,.zip,application/zip"
          data-testid="import-all"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void pick(f);
          }}
        />
      </label>
      {pending && (
        <div className="pb-clashes" data-testid="import-all-clashes" role="dialog">
          <p>{t('importAllClashes', { n: pending.clashes.length })}</p>
          <ul>
            {pending.clashes.map((c) => (
              <li key={`${c.kind}:${c.id}`}>{c.title}</li>
            ))}
          </ul>
          <button type="button" onClick={() => void run(pending, 'copy')}>
            {t('importAllCopy')}
          </button>{' '}
          <button type="button" onClick={() => void run(pending, 'skip')}>
            {t('importAllSkip')}
          </button>{' '}
          <button
            type="button"
            onClick={() =>
              window.confirm(t('importAllConfirmReplace', { n: pending.clashes.length })) &&
              void run(pending, 'replace')
            }
          >
            {t('importAllReplace')}
          </button>{' '}
          <button type="button" onClick={() => setPending(null)}>
            {t('importAllCancel')}
          </button>
        </div>
      )}
      {msg && (
        <p className={`pb-msg pb-msg-${msg.kind}`} role="alert" data-testid="archive-message">
          {msg.text}
        </p>
      )}
    </div>
  );
}
