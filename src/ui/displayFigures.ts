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

/** The formatter last made for a sheet's columns, with what else it read. */
const formatters = new WeakMap<
  object,
  { display: unknown; unit: string; lang: 'vi' | 'en'; f: (x: number, c: string | null) => string }
>();

/**
 * Formats a figure of a column (plan's unit; `colId` null: a money figure) as the sheet shows it.
 * The same function while the sheet's columns, its display unit, the plan's unit and the language
 * stay, so the findings in view are not rendered again at every edit.
 */
export function figureFormatter(
  session: WorkbookSession,
  sheetId: string,
  lang: 'vi' | 'en',
): (x: number, colId: string | null) => string {
  const wb = session.workbook;
  const unit = wb.meta.unit;
  const s = wb.sheets.find((x) => x.id === sheetId);
  if (!s) return (x) => shownFigure(x, true, unit, undefined, lang);
  const d = s.display;
  const hit = formatters.get(s.columns);
  if (hit && hit.display === d && hit.unit === unit && hit.lang === lang) return hit.f;
  // the leaves by id of these columns (the sheet's rows are not held)
  const byId = new Map(leaves(s.columns).map((l) => [l.id, l]));
  const f = (x: number, colId: string | null) => {
    const leaf = colId ? byId.get(colId) : undefined;
    return shownFigure(x, !leaf || isMoneyLeaf(leaf), unit, d, lang);
  };
  formatters.set(s.columns, { display: d, unit, lang, f });
  return f;
}
