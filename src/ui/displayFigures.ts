/**
 * Figures the user reads beside the grid (status line, checks panel) in the sheet's display unit,
 * as the grid shows them; the model keeps the plan's unit.
 */
import type { PercentFigure } from '../app/editing';
import type { CellRange } from '../app/selection';
import type { WorkbookSession } from '../app/session';
import { isNumericLeaf, leaves } from '../domain/columns';
import { isMoneyLeaf, shownFigure, shownUnit, toDisplay } from '../domain/display';
import { percentAt } from '../domain/percent';
import { leafById } from '../domain/policy';

/**
 * The values of a selected range: numbers computed, money in the display unit; texts as typed;
 * a percent cell's fraction wrapped (`PercentFigure`).
 */
export function selectionValues(
  session: WorkbookSession,
  sheetId: string,
  r: CellRange,
): unknown[] {
  const wb = session.workbook;
  const s = wb.sheets.find((x) => x.id === sheetId);
  if (!s) return [];
  const ls = leaves(s.columns);
  const values: unknown[] = [];
  for (let i = r.r0; i <= r.r1; i++)
    for (let j = r.c0; j <= r.c1; j++) {
      const leaf = ls[j];
      if (!leaf) continue;
      if (!isNumericLeaf(leaf)) {
        values.push(s.rows[i]?.cells[leaf.id]);
        continue;
      }
      const v = session.value(sheetId, i, leaf.id);
      // a percentage is no amount: the status line counts it apart, never in a sum of money
      if (typeof v === 'number' && percentAt(s.rows[i], leaf.id) !== undefined)
        values.push({ percent: v } satisfies PercentFigure);
      else
        values.push(
          typeof v === 'number' && isMoneyLeaf(leaf) ? toDisplay(v, wb.meta.unit, s.display) : v,
        );
    }
  return values;
}

/** The display unit's label when the sheet shows another unit than the plan's, else undefined. */
export function displayUnitLabel(session: WorkbookSession, sheetId: string): string | undefined {
  const wb = session.workbook;
  const s = wb.sheets.find((x) => x.id === sheetId);
  return shownUnit(wb.meta.unit, s?.display) ?? undefined;
}

/** Formats a figure of a column (plan's unit; `colId` null: a money figure) as the sheet shows it. */
export function figureFormatter(
  session: WorkbookSession,
  sheetId: string,
  lang: 'vi' | 'en',
): (x: number, colId: string | null) => string {
  const wb = session.workbook;
  const s = wb.sheets.find((x) => x.id === sheetId);
  const d = s?.display;
  return (x, colId) => {
    const leaf = colId && s ? leafById(s, colId) : undefined;
    return shownFigure(x, !leaf || isMoneyLeaf(leaf), wb.meta.unit, d, lang);
  };
}
