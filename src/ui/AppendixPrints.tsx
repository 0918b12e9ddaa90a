/**
 * What an appendix prints, laid out only while printing: the form (header block, table, totals,
 * signature) or the checks' report.
 */
import type { WorkbookSession } from '../app/session';
import type { AppendixSheet } from '../domain/types';
import type { Lang } from './i18n';
import { PrintableForm } from './PrintableForm';
import { PrintableReport } from './PrintableReport';
import type { useChecksUi } from './useChecksUi';

/** The printed form while `form` prints, the checks' report while the checks print. */
export function AppendixPrints(p: {
  session: WorkbookSession;
  sheet: AppendixSheet;
  lang: Lang;
  form: boolean;
  checks: ReturnType<typeof useChecksUi>;
}) {
  const { session, sheet } = p;
  return (
    <>
      {p.form && (
        <PrintableForm
          sheet={sheet}
          meta={session.workbook.meta}
          values={session.values(sheet.id)}
          lang={p.lang}
        />
      )}
      {p.checks.printing && (
        <PrintableReport
          rows={p.checks.rows()}
          title={session.workbook.meta.title}
          subtitle={sheet.title}
        />
      )}
    </>
  );
}
