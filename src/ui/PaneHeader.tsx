/** The workbook header of a pane that is not an appendix grid (a plain sheet, a view). */
import type { WorkbookSession } from '../app/session';
import { exportCsvNow, exportXlsxNow } from './exportActions';
import { useLang } from './i18n';
import { checkCounts } from './sheetNav';
import type { StatusLineProps } from './StatusLine';
import { bySaveState, byVersion, useSession } from './useSession';
import { WorkbookHeader } from './WorkbookHeader';

export function PaneHeader(p: {
  session: WorkbookSession;
  onBack: () => void;
  exportText: () => string;
  onVersions?: () => void;
  /** The sheet the CSV export writes. */
  csv: { id: string; name: string };
  say: (m: StatusLineProps['message']) => void;
}) {
  const { t, lang } = useLang();
  const { session } = p;
  const saveState = useSession(session, bySaveState);
  useSession(session, byVersion);
  return (
    <WorkbookHeader
      meta={session.workbook.meta}
      saveState={saveState}
      commits={session.commits}
      onBack={p.onBack}
      onToggleChecks={() => undefined}
      {...checkCounts(session)}
      exportText={p.exportText}
      onExportXlsx={() => exportXlsxNow(session, lang, t, p.say, p.csv.id)}
      onExportCsv={() => exportCsvNow(session, p.csv.id, p.csv.name, lang)}
      onVersions={p.onVersions}
    />
  );
}
