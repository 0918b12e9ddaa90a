/** The application shell: language, routing between the start page and an open workbook. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OpenedWorkbook, PlanbookApp } from '../app/services';
import type { RevisionSummary } from '../app/versions';
import { type Lang, LangContext, translator } from './i18n';
import { StartPage } from './StartPage';
import { UpdatePrompt } from './UpdatePrompt';
import { WorkbookView } from './WorkbookView';
import { ConsolidationPage } from './consolidation/ConsolidationPage';
import { ExecutionPage } from './execution/ExecutionView';

/**
 * `#/wb/<id>`: a workbook; `#/rev/<id>`: a revision opened read-only; `#/th/<id>`: a consolidation;
 * `#/exec/<id>`: a year's execution tracking.
 */
function routeId(): string | null {
  const m = /^#\/(wb|rev|th|exec)\/(.+)$/.exec(window.location.hash);
  return m ? `${m[1]}:${decodeURIComponent(m[2])}` : null;
}

export function App({ app }: { app: PlanbookApp }) {
  const [lang, setLangState] = useState<Lang>(() =>
    localStorage.getItem('planbook.lang') === 'en' ? 'en' : 'vi',
  );
  const [route, setRoute] = useState<string | null>(routeId);
  const [opened, setOpened] = useState<
    (OpenedWorkbook & { revision?: RevisionSummary }) | null | 'missing'
  >(null);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem('planbook.lang', l);
    setLangState(l);
  }, []);
  const value = useMemo(() => ({ lang, t: translator(lang), setLang }), [lang, setLang]);

  useEffect(() => {
    const f = () => setRoute(routeId());
    window.addEventListener('hashchange', f);
    return () => window.removeEventListener('hashchange', f);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    if (!route || route.startsWith('th:') || route.startsWith('exec:')) return;
    let live = true;
    let got: OpenedWorkbook | undefined;
    const [kind, id] = [route.slice(0, route.indexOf(':')), route.slice(route.indexOf(':') + 1)];
    const opening = kind === 'rev' ? app.versions.open(id) : app.open(id);
    void opening.then((o) => {
      got = o;
      if (live) setOpened(o ?? 'missing');
      else o?.close();
    });
    return () => {
      live = false;
      setOpened(null);
      got?.close();
    };
  }, [app, route]);

  const go = (id: string | null) => {
    if (id) performance.mark('pb:open');
    window.location.hash = id ? `#/wb/${encodeURIComponent(id)}` : '';
  };
  // from a revision, back to its workbook; from a workbook, to the start page
  const goBack = () => {
    go(opened && opened !== 'missing' && opened.revision ? opened.revision.workbookId : null);
  };

  return (
    <LangContext.Provider value={value}>
      <div className="pb-app">
        <UpdatePrompt />
        <button
          type="button"
          className="pb-lang"
          data-testid="lang-toggle"
          onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
        >
          {value.t('language')}
        </button>
        {route?.startsWith('exec:') ? (
          <ExecutionPage key={route} executions={app.executions} id={route.slice(5)} />
        ) : (
          <>
            {!route && <StartPage app={app} onOpen={go} />}
            {route?.startsWith('th:') && (
              <ConsolidationPage
                key={route}
                app={app}
                id={route.slice(3)}
                onBack={() => go(null)}
              />
            )}
            {route && !route.startsWith('th:') && opened === null && (
              <p className="pb-loading">{value.t('loading')}</p>
            )}
            {route && opened === 'missing' && (
              <p className="pb-msg pb-msg-error">{value.t('notFound')}</p>
            )}
            {route && opened && opened !== 'missing' && (
              <WorkbookView
                key={route}
                opened={opened}
                onBack={goBack}
                exportText={() => app.exportPlanbook(opened.session.workbook)}
                versions={opened.revision ? undefined : app.versions}
                executions={opened.revision ? undefined : app.executions}
                revision={opened.revision}
                onOpen={go}
              />
            )}
          </>
        )}
      </div>
    </LangContext.Provider>
  );
}
