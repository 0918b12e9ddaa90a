/** One open workbook: shows the sheet of the current tab, an appendix or a plain grid sheet. */
import { useEffect, useState } from 'react';
import type { OpenedWorkbook } from '../app/services';
import { newSheet } from '../domain/template';
import { AppendixView } from './AppendixView';
import { GridView } from './GridView';
import { useLang } from './i18n';
import { firstSheet, hasSheet } from './sheetNav';

export function WorkbookView(p: {
  opened: OpenedWorkbook;
  onBack: () => void;
  exportText: () => string;
}) {
  const { t } = useLang();
  const { session } = p.opened;
  const [tab, setTab] = useState(() => firstSheet(session.workbook));
  useEffect(
    () =>
      session.subscribe(() => {
        const wb = session.workbook;
        const moved = session.lastSheetId;
        setTab((cur) =>
          moved && moved !== cur && hasSheet(wb, moved)
            ? moved
            : hasSheet(wb, cur)
              ? cur
              : firstSheet(wb),
        );
      }),
    [session],
  );
  const isGrid = !!session.workbook.grids?.some((g) => g.id === tab);
  if (isGrid || !session.workbook.sheets.length) {
    const addSheet = () => {
      const wb = session.workbook;
      const sh = newSheet(wb.meta, t('newSheetName', { n: wb.sheets.length + 1 }));
      if (session.dispatch({ type: 'addSheet', sheet: sh, at: wb.sheets.length }, 'addSheet').ok)
        setTab(sh.id);
    };
    return <GridView {...p} gridId={tab} onSheet={setTab} onAddSheet={addSheet} />;
  }
  return <AppendixView {...p} sheetId={tab} onSheet={setTab} />;
}
