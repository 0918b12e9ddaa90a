/** The start page: saved workbooks, a new workbook from the template, opening a .planbook file. */
import { useEffect, useState } from 'react';
import type { PlanbookApp, WorkbookSummary } from '../app/services';
import { KNOWN_SOURCES } from '../domain/sources';
import { useLang } from './i18n';
import { ImportPreview } from './ImportPreview';
import { OpenFromServer } from './OpenFromServer';
import { useImport } from './useImport';
import { ConsolidationsSection } from './consolidation/ConsolidationsSection';
import { ArchiveActions } from './ArchiveActions';
import { BackupsSection } from './BackupsSection';
import { SettingsPanel } from './SettingsPanel';

export function StartPage({ app, onOpen }: { app: PlanbookApp; onOpen: (id: string) => void }) {
  const { t, lang } = useLang();
  const [list, setList] = useState<WorkbookSummary[] | null>(null);
  const [msg, setMsg] = useState<{ text: string; kind: 'error' | 'info' } | null>(null);
  const [settings, setSettings] = useState(false);
  const [imported, setImported] = useState(0);
  const [form, setForm] = useState({
    title: '',
    firstYear: new Date().getFullYear() + 1,
    years: 5,
    sources: ['ĐTPT', 'SN'],
    unit: 'triệu đồng',
  });

  const reload = () => void app.list().then(setList);
  const imp = useImport(app, onOpen);
  const [dragOver, setDragOver] = useState(false);
  useEffect(reload, [app]);

  const create = async () => {
    if (!form.sources.length || form.years < 1 || form.years > 30) return;
    const id = await app.createFromTemplate({ ...form, title: form.title.trim() || undefined });
    onOpen(id);
  };

  const openFile = async (file: File) => {
    const r = await app.importPlanbook(await file.text());
    if (!r.ok) {
      const e = r.error;
      setMsg({
        text: t(`err_${e.code}`, {
          v: 'version' in e ? e.version : '',
          path: 'path' in e ? e.path : '',
        }),
        kind: 'error',
      });
      return;
    }
    setMsg({
      text: r.migratedFrom ? t('fileMigrated', { v: r.migratedFrom }) : t('fileOpened'),
      kind: 'info',
    });
    reload();
  };

  const fmtDate = (ms: number) => new Date(ms).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');

  return (
    <div className="pb-start">
      <h1>{t('appName')}</h1>
      <p className="pb-tagline">{t('tagline')}</p>
      <button
        type="button"
        className="pb-settings-toggle"
        aria-expanded={settings}
        data-testid="settings-toggle"
        onClick={() => setSettings(!settings)}
      >
        {t('settings')}
      </button>
      {settings && <SettingsPanel policy={app.backups.policy} onClose={() => setSettings(false)} />}
      {msg && (
        <p className={`pb-msg pb-msg-${msg.kind}`} role="alert" data-testid="start-message">
          {msg.text}
        </p>
      )}
      <section>
        <h2>{t('workbooks')}</h2>
        {list && list.length === 0 && <p>{t('noWorkbooks')}</p>}
        <table className="pb-list" data-testid="workbook-list">
          <thead>
            <tr>
              <th>{t('title')}</th>
              <th>{t('period')}</th>
              <th>{t('projects')}</th>
              <th>{t('lastEdited')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list?.map((w) => (
              <tr key={w.id} data-workbook={w.id}>
                <td>
                  <a href={`#/wb/${w.id}`} onClick={(e) => (e.preventDefault(), onOpen(w.id))}>
                    {w.title}
                  </a>
                </td>
                <td>{w.years.length ? `${w.years[0]}–${w.years[w.years.length - 1]}` : ''}</td>
                <td className="pb-num">{w.projects}</td>
                <td>{fmtDate(w.updatedAt)}</td>
                <td>
                  <button type="button" onClick={() => onOpen(w.id)}>
                    {t('open')}
                  </button>{' '}
                  <button
                    type="button"
                    onClick={() =>
                      window.confirm(t('confirmRemove', { title: w.title })) &&
                      void app.remove(w.id).then(reload)
                    }
                  >
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div
          className={dragOver ? 'pb-drop pb-drop-on' : 'pb-drop'}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragOver(true);
          }}
          onDragLeave={() => setDragOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragOver(false);
            const f = e.dataTransfer.files[0];
            if (!f) return;
            if (f.name.toLowerCase().endsWith('.planbook')) void openFile(f);
            else void imp.pick(f);
          }}
        >
          <label className="pb-file">
            {t('importFile')}
            <input
              type="file"
              accept=".xlsx,.xls,.ods,.csv,.tsv,.txt"
              data-testid="import-file"
              onChange={(e) => e.target.files?.[0] && void imp.pick(e.target.files[0])}
            />
          </label>{' '}
          {t('dropHere')}
        </div>
        {imp.state.phase === 'reading' && (
          <div data-testid="import-reading">
            {t('importing')}{' '}
            {imp.state.slow && (
              <div className="pb-progress" role="progressbar" data-testid="import-progress" />
            )}
          </div>
        )}
        {imp.state.phase === 'error' && (
          <p className="pb-msg pb-msg-error" role="alert" data-testid="import-error">
            {t('importFailed', {
              name: imp.state.name,
              why: t(`imp_${imp.state.error.code}`, {
                detail: imp.state.error.detail,
              }),
            })}
          </p>
        )}
        {imp.state.phase === 'preview' && (
          <ImportPreview
            key={JSON.stringify(imp.state.options)}
            fileName={imp.state.name}
            reading={imp.state.reading}
            handle={imp.state.handle}
            onConfirm={(wb, edits) => void imp.confirm(wb, edits)}
            onCancel={imp.cancel}
            onReread={imp.reread}
          />
        )}
        <label className="pb-file">
          {t('openFile')}
          <input
            type="file"
            accept=".planbook,application/json"
            data-testid="open-file"
            onChange={(e) => e.target.files?.[0] && void openFile(e.target.files[0])}
          />
        </label>
        <ArchiveActions
          app={app}
          onImported={() => {
            reload();
            setImported((n) => n + 1);
          }}
        />
      </section>
      <BackupsSection
        app={app}
        known={new Map((list ?? []).map((w) => [w.id, w.title]))}
        onChanged={reload}
      />
      <ConsolidationsSection key={imported} app={app} />
      <section className="pb-new">
        <h2>{t('newWorkbook')}</h2>
        <label>
          {t('title')}{' '}
          <input value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
        </label>
        <label>
          {t('firstYear')}{' '}
          <input
            type="number"
            value={form.firstYear}
            onChange={(e) => setForm({ ...form, firstYear: Number(e.target.value) })}
          />
        </label>
        <label>
          {t('years')}{' '}
          <input
            type="number"
            min={1}
            max={30}
            value={form.years}
            onChange={(e) => setForm({ ...form, years: Number(e.target.value) })}
          />
        </label>
        <fieldset>
          <legend>{t('sources')}</legend>
          {KNOWN_SOURCES.map((s) => (
            <label key={s.code}>
              <input
                type="checkbox"
                checked={form.sources.includes(s.code)}
                onChange={(e) =>
                  setForm({
                    ...form,
                    sources: e.target.checked
                      ? [...form.sources, s.code]
                      : form.sources.filter((x) => x !== s.code),
                  })
                }
              />
              {s.code}
            </label>
          ))}
        </fieldset>
        <label>
          {t('unit')}{' '}
          <input value={form.unit} onChange={(e) => setForm({ ...form, unit: e.target.value })} />
        </label>
        <button type="button" onClick={() => void create()} data-testid="create">
          {t('create')}
        </button>
      </section>
      <OpenFromServer app={app} onOpen={onOpen} />
    </div>
  );
}
