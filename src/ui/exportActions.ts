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
import { xlsxInUnit } from '../app/unitExports';
import { type DisplayUnit, shownUnit } from '../domain/display';
import { askExportUnit } from './UnitChoiceDialog';
import { unitExportText } from './stringsUnitExport';
import { download } from './download';
import type { Lang, T } from './i18n';
import type { StatusLineProps } from './StatusLine';

type Say = (m: StatusLineProps['message']) => void;

/**
 * Writes the submission .xlsx and hands it to the browser as a download. When the sheet shown
 * (`sheetId`) is in another unit than the plan's, first asks which unit to write; when stated
 * figures differ from their rows, asks whether to write the formulas or keep the stated figures.
 */
export function exportXlsxNow(
  session: WorkbookSession,
  lang: Lang,
  t: T,
  say: Say,
  sheetId?: string,
): void {
  // never from a half-built engine nor half-done checks (the report lists the findings): a large
  // workbook's engine and its first pass of the checks may still be on their way
  if (!session.checksReady) {
    void session.whenEngineReady().then(() => exportXlsxNow(session, lang, t, say, sheetId));
    return;
  }
  const planUnit = session.workbook.meta.unit;
  const sheet = session.workbook.sheets.find((s) => s.id === sheetId);
  const shown = shownUnit(planUnit, sheet?.display);
  const go = (unit: DisplayUnit | null) => {
    const figures = differingFigures(session);
    if (!figures.length) return writeXlsx(session, lang, t, say, 'formulas', unit);
    void askStatedChoice(lang, figures).then((choice) => {
      if (choice) writeXlsx(session, lang, t, say, choice, unit);
    });
  };
  if (!shown || shown === planUnit) return go(null);
  void askExportUnit(lang, planUnit, shown).then((c) => {
    if (c) go(c === 'shown' ? shown : null);
  });
}

function writeXlsx(
  session: WorkbookSession,
  lang: Lang,
  t: T,
  say: Say,
  stated: StatedChoice,
  unit: DisplayUnit | null,
): void {
  say({ text: t('exporting'), kind: 'info' });
  const bytes = unit
    ? xlsxInUnit(session.workbook, unit, (s, i, c) => session.value(s, i, c), lang, stated)
    : workbookXlsx(session, lang, stated).then((b) => ({ bytes: b, frozen: 0 }));
  bytes.then(
    (out) => {
      download(
        `${fileStem(session.workbook.meta.title)}.xlsx`,
        out.bytes as BlobPart,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      say(
        out.frozen
          ? {
              text: unitExportText(lang, 'u_frozen', { shown: unit!, n: out.frozen }),
              kind: 'info',
            }
          : null,
      );
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
  if (!session.engineReady) {
    void session.whenEngineReady().then(() => exportCsvNow(session, sheetId, name, lang));
    return;
  }
  const text = sheetCsvText(session, sheetId, lang);
  download(`${fileStem(name)}.csv`, text, 'text/csv;charset=utf-8');
}
