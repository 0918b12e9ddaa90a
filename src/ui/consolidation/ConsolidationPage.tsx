/** A consolidation workbook open: files received, the status board, the consolidated table, duplicates. */
import { useEffect, useReducer, useState } from 'react';
import type { ConsolidationSession } from '../../app/consolidation';
import { exportConsolidation } from '../../app/consolidations';
import type { PlanbookApp } from '../../app/services';
import { download } from '../download';
import { useLang } from '../i18n';
import { ConsolidatedGrid } from './ConsolidatedGrid';
import { DuplicatesPanel } from './DuplicatesPanel';
import { IntakePanel } from './IntakePanel';
import { StatusBoard } from './StatusBoard';
import { SubmissionPanel } from './SubmissionPanel';

type Tab = 'board' | 'appendix' | 'duplicates';

/** Re-renders on every change of the session (and of its save state). */
function useSessionVersion(s: ConsolidationSession | null): number {
  const [v, bump] = useReducer((x: number) => x + 1, 0);
  useEffect(() => {
    if (!s) return;
    const a = s.subscribe(bump);
    const b = s.onSaveState(bump);
    return () => {
      a();
      b();
    };
  }, [s]);
  return v;
}

export function ConsolidationPage({
  app,
  id,
  onBack,
}: {
  app: PlanbookApp;
  id: string;
  onBack: () => void;
}) {
  const { t, lang } = useLang();
  const [session, setSession] = useState<ConsolidationSession | null | 'missing'>(null);
  const [tab, setTab] = useState<Tab>('board');
  const [opened, setOpened] = useState<string | null>(null);
  const s = session && session !== 'missing' ? session : null;
  useSessionVersion(s);

  useEffect(() => {
    let live = true;
    let opened: ConsolidationSession | null = null;
    void app.consolidations.open(id).then((x) => {
      if (!live) return x?.close();
      opened = x ?? null;
      setSession(x ?? 'missing');
    });
    return () => {
      live = false;
      opened?.close(); // its engine released
    };
  }, [app, id]);

  useEffect(() => {
    if (!s) return;
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
      if (!(e.ctrlKey || e.metaKey) || (e.key !== 'z' && e.key !== 'y')) return;
      e.preventDefault();
      if (e.key === 'z') s.undo();
      else s.redo();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [s]);

  if (session === null) return <p className="pb-loading">{t('loading')}</p>;
  if (session === 'missing') return <p className="pb-msg pb-msg-error">{t('c_notFound')}</p>;
  const c = session.state;
  const open = session.table.duplicates.filter((d) => !d.resolution).length;
  const save = session.saveState;
  const exportXlsx = async (proposedOnly: boolean) => {
    const bytes = await exportConsolidation(session, proposedOnly, lang);
    download(
      `${c.form.title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'tong-hop'}.xlsx`,
      bytes as Uint8Array<ArrayBuffer>,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  };
  const labels = session.labels();

  return (
    <div className="pb-consolidation" data-testid="consolidation">
      <header className="pb-header">
        <button type="button" onClick={onBack}>
          {t('back')}
        </button>
        <div className="pb-title">
          <h1 data-testid="c-heading">{c.form.title}</h1>
          <div className="pb-sub">
            {t('c_expected', {
              n: Object.keys(c.current).length,
              total: c.form.units.length,
            })}{' '}
            — {t('unit_line', { unit: c.form.unit })}
          </div>
        </div>
        <button
          type="button"
          data-testid="c-undo"
          disabled={!session.canUndo}
          title={labels.undo}
          onClick={() => session.undo()}
        >
          {t('c_undo')}
        </button>
        <button
          type="button"
          data-testid="c-redo"
          disabled={!session.canRedo}
          title={labels.redo}
          onClick={() => session.redo()}
        >
          {t('c_redo')}
        </button>
        <button type="button" data-testid="c-export" onClick={() => void exportXlsx(false)}>
          {t('c_export')}
        </button>
        <button type="button" data-testid="c-export-proposed" onClick={() => void exportXlsx(true)}>
          {t('c_exportProposed')}
        </button>
        <span
          className={`pb-save pb-save-${save}`}
          data-testid="save-state"
          data-state={save}
          role="status"
        >
          {save === 'saved'
            ? t('saved')
            : save === 'saving'
              ? t('saving')
              : save === 'error'
                ? t('saveError')
                : t('conflict')}
        </span>
      </header>
      <IntakePanel session={session} />
      <nav className="pb-tabs pb-tabs-top" role="tablist">
        {(
          [
            ['board', t('c_tabBoard')],
            ['appendix', t('c_tabAppendix')],
            ['duplicates', t('c_tabDuplicates', { n: open })],
          ] as const
        ).map(([k, label]) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            data-testid={`c-tab-${k}`}
            className={tab === k ? 'pb-tab pb-tab-on' : 'pb-tab'}
            onClick={() => setTab(k)}
          >
            {label}
          </button>
        ))}
      </nav>
      {tab === 'board' && <StatusBoard session={session} onOpen={setOpened} />}
      {tab === 'appendix' && <ConsolidatedGrid session={session} />}
      {tab === 'duplicates' && <DuplicatesPanel session={session} />}
      {opened && (
        <SubmissionPanel
          key={opened}
          app={app}
          session={session}
          submissionId={opened}
          onClose={() => setOpened(null)}
          onOpen={setOpened}
        />
      )}
    </div>
  );
}
