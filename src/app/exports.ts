/** Exports of an open workbook: the submission .xlsx and the CSV of a sheet. */
import { columnLetter, leaves } from '../domain/columns';
import { statedDifferences } from '../domain/totals';
import type { AppendixSheet } from '../domain/types';
import { type CsvStyle, gridCsv, sheetCsv } from '../io/export/csv';
import type { StatedChoice } from '../io/export/statedCells';
import { exportXlsx } from '../io/export/xlsx';

export type { StatedChoice };

/** A stated figure that differs from its rows, named as the user sees it (sheet, row, column). */
export interface DifferingFigure {
  where: string;
  stated: number;
  computed: number;
}

/** Every stated figure of the workbook's sections and total rows that differs from its rows. */
export function differingFigures(session: WorkbookSession): DifferingFigure[] {
  return session.workbook.sheets.flatMap((sheet) => {
    const col = new Map(leaves(sheet.columns).map((l, i) => [l.id, i]));
    const groups = new Map<string, string>();
    const walk = (ns: AppendixSheet['columns']) => {
      for (const n of ns)
        if (n.kind === 'group') {
          groups.set(n.id, n.label);
          walk(n.children);
        }
    };
    walk(sheet.columns);
    return statedDifferences(sheet, session.values(sheet.id)).map((d) => {
      const c = col.get(d.key);
      const cell = c === undefined ? (groups.get(d.key) ?? d.key) : columnLetter(c);
      return {
        where: `${sheet.name} · ${String(sheet.rows[d.rowIndex].cells.name ?? '')} · ${c === undefined ? cell : `${cell}${d.rowIndex + 1}`}`,
        stated: d.stated,
        computed: d.computed,
      };
    });
  });
}
import type { WorkbookSession } from './session';
import { viewsForExport } from '../engine/sheetViews';

/** The submission workbook (.xlsx bytes) with the check report of the first sheet. */
export async function workbookXlsx(
  session: WorkbookSession,
  lang: 'vi' | 'en' = 'vi',
  stated: StatedChoice = 'formulas',
): Promise<Uint8Array> {
  const wb = session.workbook;
  const first = wb.sheets[0] as AppendixSheet | undefined;
  const index = new Map(first?.rows.map((r, i) => [r.id, i]) ?? []);
  const out = await exportXlsx({
    workbook: wb,
    values: (id) => session.values(id),
    gridValues: (id, r, c) => session.gridValue(id, r, c),
    findings: first ? session.checks.list(wb, first.id) : [],
    ...(first ? { views: viewsForExport(session.views, first) } : {}),
    rowNumber: (id) => (id === null || !first ? '' : String((index.get(id) ?? -1) + 1)),
    lang,
    stated,
  });
  return out.bytes;
}

/** CSV text of one sheet (an appendix or a plain grid sheet), numbers in the app's style. */
export function sheetCsvText(
  session: WorkbookSession,
  sheetId: string,
  style: CsvStyle = 'vi',
): string {
  const sheet = session.workbook.sheets.find((s) => s.id === sheetId);
  if (sheet) return sheetCsv(sheet, session.values(sheetId), style);
  const grid = session.workbook.grids!.find((g) => g.id === sheetId)!;
  return gridCsv(grid, (r, c) => session.gridValue(grid.id, r, c), style);
}

/** File names keep the title's Vietnamese (see fileName.ts). */
export { fileStem } from './fileName';
