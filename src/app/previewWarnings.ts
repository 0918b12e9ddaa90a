/** The import preview's warnings as the user reads them: each named by its sheet, in file order. */
import type { ImportWarning } from '../io/appendix/reader';
import type { PlanReading } from '../io/readPlan';
import { formatAmount } from '../domain/numbers';

/** A warning to show, with the sheet it is about when the file has several sheets. */
export interface PreviewWarning {
  warning: ImportWarning;
  /** The sheet's name, only when the file has more than one sheet and the warning names one. */
  sheet?: string;
}

/**
 * The preview's warnings: in a file of several sheets each carries the sheet it is about, the
 * sheets in file order and each sheet's warnings by row (whole-file ones first); a file of one
 * sheet keeps the reader's order and names none.
 */
export function previewWarnings(reading: PlanReading): PreviewWarning[] {
  const order = (reading.sources ?? []).map((s) => s.name);
  if (order.length < 2) return reading.warnings.map((warning) => ({ warning }));
  const at = (w: ImportWarning) => (w.sheet === undefined ? -1 : order.indexOf(w.sheet));
  return reading.warnings
    .map((w, i) => ({ w, i }))
    .sort((a, b) => at(a.w) - at(b.w) || (a.w.row ?? 0) - (b.w.row ?? 0) || a.i - b.i)
    .map(({ w }) => (w.sheet === undefined ? { warning: w } : { warning: w, sheet: w.sheet }));
}

/** The names of the appendices a file holds when there are several (the preview draws the first). */
export function appendixNames(reading: PlanReading): string[] {
  const names = reading.workbook.sheets.map((s) => s.name);
  return names.length > 1 ? names : [];
}

/**
 * A warning's detail as the preview writes it: figures read (several under one column) in the
 * app's own number format (`3.000; 7.000` in Vietnamese, where `,` is the decimal mark), else the
 * reader's text.
 */
export function warningDetail(w: ImportWarning, lang: 'vi' | 'en'): string {
  if (w.figures?.length)
    return w.figures.map((x) => formatAmount(x, lang)).join(lang === 'vi' ? '; ' : ', ');
  return w.detail ?? '';
}
