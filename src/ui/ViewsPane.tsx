/** A view of the current appendix (by unit or by year), with the workbook's header and tabs. */
import { useEffect, useState } from 'react';
import type { OpenedWorkbook } from '../app/services';
import { useLang } from './i18n';
import { byVersion, useSession } from './useSession';
import { useUndoKeys } from './useUndoKeys';
import { SheetTabs } from './SheetTabs';
import { StatusLine, type StatusLineProps } from './StatusLine';
import { UnitsView } from './UnitsView';
import { PaneHeader } from './PaneHeader';
import { YearsView } from './YearsView';

export function ViewsPane(p: {
  opened: OpenedWorkbook;
  onBack: () => void;
  exportText: () => string;
  kind: 'units' | 'years';
  sheetId: string;
  ready: boolean;
  hurry: () => void;
  onSheet: (id: string) => void;
  onView: (kind: 'units' | 'years') => void;
  onAddSheet: () => void;
  banner?: React.ReactNode;
  onVersions?: () => void;
}) {
  const { t, lang } = useLang();
  const { session } = p.opened;
  const [message, setMessage] = useState<StatusLineProps['message']>(null);
  const sheet = session.workbook.sheets.find((s) => s.id === p.sheetId)!;
  useSession(session, byVersion);
  useEffect(() => {
    if (p.kind === 'units' && !p.ready) p.hurry();
  }, [p, p.kind, p.ready]);
  useUndoKeys(session);
  return (
    <div className="pb-workbook" lang={lang}>
      <PaneHeader
        session={session}
        onBack={p.onBack}
        exportText={p.exportText}
        onVersions={p.onVersions}
        csv={{ id: sheet.id, name: sheet.name }}
        say={setMessage}
      />
      {p.banner}
      <h2 className="pb-sheet-title" data-testid="views-title">
        {sheet.title} — {t(p.kind === 'units' ? 'viewUnits' : 'viewYears')}
      </h2>
      <div className="pb-main pb-main-view">
        {p.kind === 'years' ? (
          <YearsView
            session={session}
            sheetId={sheet.id}
            onError={(text) => setMessage({ text, kind: 'error' })}
          />
        ) : p.ready ? (
          <UnitsView session={session} sheetId={sheet.id} />
        ) : (
          <p className="pb-loading" data-testid="views-computing">
            {t('viewComputing')}
          </p>
        )}
      </div>
      <SheetTabs
        sheets={session.workbook.sheets}
        grids={session.workbook.grids ?? []}
        current=""
        onPick={p.onSheet}
        onAdd={p.onAddSheet}
        readOnly={session.readOnly}
        views={{ current: p.kind, onPick: p.onView }}
      />
      <StatusLine message={message} stats={null} />
    </div>
  );
}
