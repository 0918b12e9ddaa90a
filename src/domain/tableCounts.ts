/** The counts a reader of a table makes, as `planbook check` prints them. */
import { sheetContext } from './checkContext';
import type { AppendixSheet } from './types';

/**
 * What a reader of the table counts: sections (rows whose figures are the sum of figure-bearing
 * rows they head), items (rows with figures that head nothing that adds into them), total rows.
 * Of-which and ratio rows, and headings without figures, are neither.
 */
export function tableCounts(sheet: AppendixSheet): {
  sections: number;
  items: number;
  totals: number;
  /** Sections that state figures of their own (a heading without figures checks nothing). */
  statedSections: number;
} {
  const ctx = sheetContext(sheet);
  const rows = sheet.rows;
  const figures = (i: number) => Object.values(rows[i].cells).some((v) => typeof v === 'number');
  let sections = 0;
  let items = 0;
  let totals = 0;
  let statedSections = 0;
  rows.forEach((r, i) => {
    if (r.kind === 'total') totals++;
    else if (r.part) return;
    else if (r.kind === 'section' && (ctx.children.get(i) ?? []).some(figures)) {
      sections++;
      if (figures(i)) statedSections++;
    } else if (figures(i)) items++;
  });
  return { sections, items, totals, statedSections };
}
