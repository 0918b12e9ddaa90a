/** The appendix's checks panel in its dock: findings with figures as the sheet shows them. */
import type { WorkbookSession } from '../app/session';
import { ChecksDock } from './ChecksDock';
import { ChecksPanel } from './ChecksPanel';
import { displayUnitLabel, figureFormatter } from './displayFigures';
import type { Lang } from './i18n';
import type { useChecksUi } from './useChecksUi';

/** The docked checks panel of a sheet (no actions on a read-only workbook). */
export function AppendixChecks(p: {
  session: WorkbookSession;
  sheetId: string;
  lang: Lang;
  readOnly: boolean;
  checks: ReturnType<typeof useChecksUi>;
}) {
  const { checks, session, sheetId } = p;
  return (
    <ChecksDock count={checks.errors + checks.warnings}>
      <ChecksPanel
        findings={checks.findings}
        figure={figureFormatter(session, sheetId, p.lang)}
        unit={displayUnitLabel(session, sheetId)}
        rowNumber={checks.rowNumber}
        onSelect={checks.select}
        onPrint={checks.print}
        onExport={checks.exportReport}
        actions={p.readOnly ? undefined : checks.actions}
      />
    </ChecksDock>
  );
}
