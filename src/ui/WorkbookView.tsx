/** One open workbook: the sheet of the current tab (an appendix or a plain grid sheet), or its versions. */
import { useEffect, useState } from 'react';
import type { OpenedWorkbook } from '../app/services';
import type { Executions } from '../app/executions';
import type { RevisionSummary, Versions } from '../app/versions';
import { newSheet } from '../domain/template';
import { AppendixView } from './AppendixView';
import { GridView } from './GridView';
import { useLang } from './i18n';
import { firstSheet, type Tab, tabAfter } from './sheetNav';
import { useCompareMarks } from './useCompareMarks';
import { useViewBuilder } from './useViewBuilder';
import { VersionsView } from './VersionsView';
import { ViewsPane } from './ViewsPane';

export function WorkbookView(p: {
  opened: OpenedWorkbook;
  onBack: () => void;
  exportText: () => string;
  /** The revisions of this workbook (absent when it is itself a revision opened read-only). */
  versions?: Versions;
  /** The workbook's execution trackings (shown with its versions). */
  executions?: Executions;
  /** Set when a revision is open read-only. */
  revision?: RevisionSummary;
  onOpen?: (workbookId: string) => void;
}) {
  const { t, lang } = useLang();
  const { session } = p.opened;
  const [tab, setTab] = useState<Tab>(() => firstSheet(session.workbook));
  // the appendix whose unit and year views the view tabs show (built in the background)
  const [viewSheet, setViewSheet] = useState<string | null>(
    () => session.workbook.sheets[0]?.id ?? null,
  );
  const builder = useViewBuilder(session, viewSheet);
  const pickTab = (id: string) => {
    setTab({ sheet: id });
    if (session.workbook.sheets.some((s) => s.id === id)) setViewSheet(id);
  };
  const onView = viewSheet ? (view: 'units' | 'years') => setTab({ view }) : undefined;
  const [mode, setMode] = useState<'sheet' | 'versions'>('sheet');
  const [base, setBase] = useState<RevisionSummary | null>(null);
  const marks = useCompareMarks(p.opened, p.versions, base);
  useEffect(
    () =>
      session.subscribe((e) => {
        const wb = session.workbook;
        // undo and redo bring the user to the sheet they change
        const moved = e.kind === 'undo' || e.kind === 'redo' ? e.sheetId : null;
        setTab((cur) => tabAfter(wb, cur, moved));
        setViewSheet((v) =>
          v && wb.sheets.some((s) => s.id === v) ? v : (wb.sheets[0]?.id ?? null),
        );
      }),
    [session],
  );
  if (mode === 'versions' && p.versions)
    return (
      <VersionsView
        opened={p.opened}
        versions={p.versions}
        executions={p.executions}
        sheetId={viewSheet}
        onBack={() => setMode('sheet')}
        onHighlight={(r) => {
          setBase(r);
          setMode('sheet');
        }}
        onOpened={(id) => p.onOpen?.(id)}
      />
    );
  const banner = p.revision ? (
    <div className="pb-banner" role="status" data-testid="revision-banner">
      {t('viewingRevision', {
        name: p.revision.name,
        date: new Date(p.revision.createdAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'),
      })}
    </div>
  ) : marks ? (
    <div className="pb-banner pb-banner-info" role="status" data-testid="compare-banner">
      {t('highlighting', { name: marks.label })}{' '}
      <button type="button" data-testid="stop-highlight" onClick={() => setBase(null)}>
        {t('stopHighlight')}
      </button>
    </div>
  ) : null;
  const onVersions = p.versions ? () => setMode('versions') : undefined;
  const addSheet = () => {
    const wb = session.workbook;
    const sh = newSheet(wb.meta, t('newSheetName', { n: wb.sheets.length + 1 }));
    if (session.dispatch({ type: 'addSheet', sheet: sh, at: wb.sheets.length }, 'addSheet').ok)
      pickTab(sh.id);
  };
  if ('view' in tab && viewSheet)
    return (
      <ViewsPane
        {...p}
        kind={tab.view}
        sheetId={viewSheet}
        ready={builder.ready}
        hurry={builder.hurry}
        onSheet={pickTab}
        onView={(view) => setTab({ view })}
        onAddSheet={addSheet}
        banner={banner}
        onVersions={onVersions}
      />
    );
  const id = 'sheet' in tab ? tab.sheet : '';
  const isGrid = !!session.workbook.grids?.some((g) => g.id === id);
  if (isGrid || !session.workbook.sheets.length)
    return (
      <GridView
        {...p}
        gridId={id}
        onSheet={pickTab}
        onAddSheet={addSheet}
        banner={banner}
        onVersions={onVersions}
        onView={onView}
      />
    );
  return (
    <AppendixView
      {...p}
      sheetId={id}
      onSheet={pickTab}
      banner={banner}
      marks={marks}
      onVersions={onVersions}
      onView={onView}
      onAddSheet={addSheet}
    />
  );
}
