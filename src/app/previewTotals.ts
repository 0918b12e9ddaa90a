/**
 * Totals of a read plan for the import preview, computed without the formula engine (#20): the
 * figures PlainValues gives the grid at open (the engine's own, proved equal by the plain tests),
 * so that a plan of 100,000 projects shows its preview without building HyperFormula on the page.
 * A sheet only the engine computes (a formula typed in a cell, a cycle) still builds the engine.
 *
 * Which column's total the preview shows (previewColumn): the computed row total where the table's
 * amounts are its parts (years × sources); otherwise the table's own total column, as budget tables
 * are made: the first column that adds up and is no part of another (`Quyết toán` before its
 * `Chia ra: NSTW | NSĐP`, `Dự toán năm 2012` coded `1 = 2 + 3`, `Tổng thu NSNN trên địa bàn` in a
 * table of provinces). A table with no column that adds up has no total (null, said so in words).
 */
import { sheetContext } from '../domain/checkContext';
import { previewColumn, type PreviewColumn } from '../domain/totalColumn';
import { hasGrandTotal } from '../domain/totals';
import type { AppendixSheet, CellInput, Workbook } from '../domain/types';
import { PlanEngine } from '../engine/engine';
import { layoutOf } from '../engine/layout';
import { PlainValues } from '../engine/plainValues';

export { previewColumn, type PreviewColumn };

/**
 * Why a table has no computed total: no column adds up; a balance table (revenue set against
 * expenditure, a deficit row) with no grand total row; a grand total over rows that are only an
 * *of which* breakdown (*Trong đó*: nothing adds up into it).
 */
export type NoTotal = 'noColumn' | 'balance' | 'breakdown';

/** The preview's figures: the plan's total and its total per capital source (in the plan's unit). */
export interface PreviewTotals {
  /** The computed total; null when the table has none (`none` says why). */
  total: number | null;
  /** The label of the column totalled, when it is not the computed row total of the amounts. */
  column?: string;
  none?: NoTotal;
  /** The grand total the table states in that column (with `none: 'breakdown'`). */
  stated?: number;
  bySource: Record<string, number>;
}

const num = (v: unknown): number => (typeof v === 'number' && v !== 0 ? v : 0);

/** The figure a total row states in the preview's column (the row total: its amounts' sum), or null. */
function statedIn(
  sheet: AppendixSheet,
  cells: Record<string, CellInput>,
  main: PreviewColumn,
): number | null {
  const ids = main.rowTotal ? sheetContext(sheet).amounts.map((l) => l.id) : [main.id];
  const got = ids.map((id) => cells[id]).filter((v): v is number => typeof v === 'number');
  return got.length ? got.reduce((a, b) => a + b, 0) : null;
}

/** Totals of a read plan's first sheet in its total column (engine figures, engine-free). */
export function previewTotals(wb: Workbook): PreviewTotals {
  const sheet = wb.sheets[0];
  if (!sheet) return { total: 0, bySource: {} };
  const main = previewColumn(sheet);
  if (!main) return { total: null, none: 'noColumn', bySource: {} };
  const column = main.rowTotal ? {} : { column: main.label };
  const grand = sheet.rows.find((r) => r.kind === 'total' && !r.totalSource && !r.part);
  if (!hasGrandTotal(sheet)) return { total: null, ...column, none: 'balance', bySource: {} };
  if (grand && sheet.rows.every((r) => r.kind === 'total' || r.part)) {
    const stated = statedIn(sheet, grand.cells, main);
    return {
      total: null,
      ...column,
      none: 'breakdown',
      ...(stated === null ? {} : { stated }),
      bySource: {},
    };
  }
  const layout = layoutOf(sheet);
  const rowTotal = layout.rowTotalCol === undefined ? undefined : layout.leaves[layout.rowTotalCol];
  const plain = PlainValues.of(sheet);
  let total: (source: string | null, col: string) => unknown;
  if (plain) total = (s, c) => plain.total(s, c);
  else {
    const engine = new PlanEngine();
    engine.loadWorkbook(wb);
    total = (s, c) => engine.total(sheet.id, s, c);
  }
  return {
    total: num(total(null, main.id)),
    ...column,
    // per source: the amounts of each source (the row total's), as before
    bySource: rowTotal
      ? Object.fromEntries(layout.sources.map((s) => [s, num(total(s, rowTotal.id))]))
      : {},
  };
}
