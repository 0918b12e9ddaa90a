/** The workbook header's export actions, shared by the appendix and plain sheet views. */
import {
  differingFigures,
  fileStem,
  sheetCsvText,
  type StatedChoice,
  workbookXlsx,
} from '../app/exports';
import { askStatedChoice } from './StatedChoiceDialog';
import type { WorkbookSession } from '../app/session';
import { download } from './download';
import type { Lang, T } from './i18n';
import type { StatusLineProps } from './StatusLine';

type Say = (m: StatusLineProps['message']) => void;

/**
 * Writes the submission .xlsx and hands it to the browser as a download. When stated figures
 * differ from their rows, first asks whether to write the formulas or keep the stated figures.
 */
export function exportXlsxNow(session: WorkbookSession, lang: Lang, t: T, say: Say): void {
  const figures = differingFigures(session);
  if (!figures.length) return writeXlsx(session, lang, t, say, 'formulas');
  void askStatedChoice(lang, figures).then((choice) => {
    if (choice) writeXlsx(session, lang, t, say, choice);
  });
}

function writeXlsx(
  session: WorkbookSession,
  lang: Lang,
  t: T,
  say: Say,
  stated: StatedChoice,
): void {
  say({ text: t('exporting'), kind: 'info' });
  workbookXlsx(session, lang, stated).then(
    (bytes) => {
      download(
        `${fileStem(session.workbook.meta.title)}.xlsx`,
        bytes as BlobPart,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      say(null);
    },
    (e: Error) => say({ text: t('exportFailed', { why: e.message }), kind: 'error' }),
  );
}

/** Downloads the CSV of one sheet, numbers in the style the app shows them (by its language). */
export function exportCsvNow(
  session: WorkbookSession,
  sheetId: string,
  name: string,
  lang: Lang = 'vi',
): void {
  const text = sheetCsvText(session, sheetId, lang);
  download(`${fileStem(name)}.csv`, text, 'text/csv;charset=utf-8');
}
