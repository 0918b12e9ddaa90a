/** Checks in the workbook view: the findings list, selecting a finding's cell, report export/print. */
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  acceptAllComputed,
  acceptComputed,
  canAcceptComputed,
  explainFinding,
  replaceSheet,
  setAdditive,
  switchRules,
} from '../app/checkSettings';
import type { WorkbookSession } from '../app/session';
import { fileStem } from '../app/fileName';
import type { AppendixSheet } from '../domain/types';
import type { CheckActions } from './ChecksPanel';
import type { Finding } from '../domain/checks';
import { leaves } from '../domain/columns';
import { indexOfRows } from '../domain/rowIndex';
import { reportRows, reportWorkbook } from '../io/checkReport';
import type { GridItem } from './grid/gridContext';
import { download } from './download';
import type { Lang } from './i18n';

export function useChecksUi(
  session: WorkbookSession,
  sheetId: string,
  api: () => GridApi<GridItem> | null,
  lang: Lang,
) {
  const sheet = session.workbook.sheets.find((s) => s.id === sheetId)!;
  // re-read on every render of the view (each edit re-renders it); the store updates incrementally
  const findings = session.checks.list(session.workbook, sheetId);
  // row numbers by id: the row lists' shared index (an edit's new list keeps its old list's index
  // when the ids stayed; a map of its own per list cost ~1 MiB of allocation an edit at 10,000)
  const sheetRows = sheet.rows;
  const rowNumber = useMemo(() => {
    let index: ReadonlyMap<string, number> | null = null;
    return (rowId: string | null) => {
      if (rowId === null) return '';
      index ??= indexOfRows(sheetRows);
      const i = index.get(rowId);
      return i === undefined ? '' : String(i + 1);
    };
  }, [sheetRows]);
  // a finding the user explained is listed, but no longer counted (counted once per list)
  const { errors, warnings } = useMemo(() => {
    let e = 0;
    let w = 0;
    for (const f of findings)
      if (f.explained === undefined) {
        if (f.severity === 'error') e++;
        else w++;
      }
    return { errors: e, warnings: w };
  }, [findings]);

  const select = useCallback(
    (f: Finding) => {
      const g = api();
      if (!g) return;
      const current = session.workbook.sheets.find((s) => s.id === sheetId)!;
      const ls = leaves(current.columns);
      let col = f.colId ?? 'name';
      if (!ls.some((l) => l.id === col)) {
        // a year group: its first leaf carries the merged figure
        const group = ls.find(
          (l) => l.id.startsWith(`${col}_`) || (l.year !== undefined && `y${l.year}` === col),
        );
        col = group?.id ?? 'name';
      }
      g.ensureColumnVisible(col);
      if (f.rowId === null) {
        const sources = session.layout(sheetId).sources;
        const k = f.scope ? sources.indexOf(f.scope) : sources.length;
        g.setFocusedCell(k < 0 ? sources.length : k, col, 'bottom');
        return;
      }
      const i = current.rows.findIndex((r) => r.id === f.rowId);
      if (i < 0) return;
      g.ensureIndexVisible(i, 'middle');
      g.setFocusedCell(i, col);
    },
    [api, session, sheetId],
  );

  const rows = useCallback(
    () => reportRows(findings, rowNumber, lang),
    [findings, rowNumber, lang],
  );
  const exportReport = useCallback(() => {
    const title = session.workbook.meta.title;
    void reportWorkbook(rows(), title, lang).then((bytes) =>
      download(
        `${fileStem(`Kiểm tra - ${title}`)}.xlsx`,
        bytes as BlobPart,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
    );
  }, [rows, session, lang]);
  // the printable report is rendered only while a print is requested (thousands of rows)
  const [printing, setPrinting] = useState(false);
  const print = useCallback(() => setPrinting(true), []);
  useEffect(() => {
    if (!printing) return;
    document.body.classList.add('pb-printing');
    window.print();
    setTimeout(() => {
      document.body.classList.remove('pb-printing');
      setPrinting(false);
    }, 0);
  }, [printing]);

  const actions = useMemo<CheckActions>(() => {
    const step = (f: (s: AppendixSheet) => AppendixSheet, label: string) => {
      const current = session.workbook.sheets.find((x) => x.id === sheetId);
      if (current) session.dispatch(replaceSheet(session.workbook, f(current)), label);
    };
    return {
      onExplain: (f, note) => step((s) => explainFinding(s, f, note), 'explain'),
      onRulesOff: (f) => f.colId && step((s) => switchRules(s, f.colId!, true), 'rulesOff'),
      onNotAdditive: (f) => f.colId && step((s) => setAdditive(s, f.colId!, false), 'notAdditive'),
      canAcceptComputed: (f) => {
        const current = session.workbook.sheets.find((x) => x.id === sheetId);
        return !!current && canAcceptComputed(current, f);
      },
      onAcceptComputed: (f) => step((s) => acceptComputed(s, f) ?? s, 'acceptComputed'),
      onAcceptAllComputed: () => step((s) => acceptAllComputed(s) ?? s, 'acceptAllComputed'),
    };
  }, [session, sheetId]);

  return {
    actions,
    findings,
    errors,
    warnings,
    rowNumber,
    select,
    rows,
    exportReport,
    print,
    printing,
    sheet,
  };
}
