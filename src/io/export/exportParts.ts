/**
 * The parts Planbook adds to an exported workbook beside the appendices: the hidden `_planbook`
 * sheet (the packed plan) and the check report (_Kiểm tra_ / _Checks_). When the packed plan no
 * longer fits the visible sheets (a project renamed or a row inserted in Excel), the file is read
 * as ordinary tables, and these parts are not tables of the plan: the report's findings, with their
 * stated / computed / difference figures, would read as an appendix of one project per finding
 * (47 projects "added" when a revised export is compared with the approved one).
 */
import { REPORT_HEADERS } from '../checkReportHeaders';
import { cellText, type RawGrid } from '../appendix/grid';
import { PLANBOOK_SHEET } from './packedPlan';

/** The packed plan's sheet, as the export writes it (A1 holds the format's marker). */
function isPackedPlan(g: RawGrid): boolean {
  return g.name === PLANBOOK_SHEET && cellText(g, 0, 0) === 'planbook-export-v1';
}

/** A check report sheet: its header row (one of the first five) is the report's, word for word. */
function isCheckReport(g: RawGrid): boolean {
  const heads = Object.values(REPORT_HEADERS);
  for (let r = 0; r < Math.min(5, g.rows.length); r++) {
    const row = heads[0].map((_, c) => cellText(g, r, c).toLowerCase());
    if (heads.some((h) => h.every((t, c) => row[c] === t.toLowerCase()))) return true;
  }
  return false;
}

/** The sheets of a file to read as tables: every sheet but the export's own parts (see above). */
export function withoutExportParts(grids: RawGrid[]): RawGrid[] {
  const kept = grids.filter((g) => !isPackedPlan(g) && !isCheckReport(g));
  // a file of nothing but a check report stays readable as what it is
  return kept.length ? kept : grids;
}
