/**
 * Which column a table's computed total is taken in, one rule for the import preview and
 * `planbook check`: the computed row total where the table's amounts are its parts (years ×
 * sources); otherwise the table's own total column, as budget tables are made: the first column
 * that adds up and is no part of another (`Tổng thu NSNN trên địa bàn` in a table of provinces,
 * whose amounts are no years or sources). A table with no column that adds up has none.
 */
import { sheetContext } from './checkContext';
import type { AppendixSheet } from './types';

/** The column whose computed total the preview shows (its id), and whether it is the row total. */
export interface PreviewColumn {
  id: string;
  label: string;
  rowTotal: boolean;
}

/**
 * The column the preview totals: the row total when the sheet has amounts none of which is the sum
 * of others (a column rule, coded or meant by the header); else the first additive column that is
 * no part of another column; null when no column adds up.
 */
export function previewColumn(sheet: AppendixSheet): PreviewColumn | null {
  const ctx = sheetContext(sheet);
  const additive = new Set(ctx.additive.map((l) => l.id));
  const parts = new Set<string>();
  const sums = new Set<string>();
  for (const r of ctx.rules)
    if (additive.has(r.target) && r.terms.every((t) => t.sign > 0)) {
      sums.add(r.target);
      for (const t of r.terms) parts.add(t.colId);
    }
  const amountSums = ctx.amounts.some((a) => sums.has(a.id) && additive.has(a.id));
  if (ctx.rowTotal && ctx.amounts.length && !amountSums)
    return { id: ctx.rowTotal.id, label: ctx.rowTotal.label, rowTotal: true };
  const main =
    (amountSums ? ctx.amounts.find((a) => sums.has(a.id) && !parts.has(a.id)) : undefined) ??
    ctx.additive.find((l) => !parts.has(l.id));
  return main ? { id: main.id, label: main.label, rowTotal: false } : null;
}
