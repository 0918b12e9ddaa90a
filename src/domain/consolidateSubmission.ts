/**
 * A submission from a read file: its projects (name, lead unit, sections, every numeric column's
 * computed figure), its classified columns, and its own findings. Nothing is changed: the
 * consolidation maps and adds up these figures without touching them.
 */
import { submittedColumns, titleYear } from './consolidateColumns';
import type {
  Provenance,
  Submission,
  SubmissionFinding,
  SubmittedColumn,
  SubmittedProject,
} from './consolidateTypes';
import { fold } from './sources';
import type { AppendixSheet, Workbook } from './types';

/** What building a submission needs besides the workbook. */
export interface SubmissionInput {
  id: string;
  provenance: Provenance;
  workbook: Workbook;
  /** Computed value of a cell (a formula's result); null when blank or not a number. */
  value: (sheetId: string, row: number, colId: string) => number | null;
  /** Input line of a row id, where known. */
  lineOf?: (rowId: string) => number | null;
  findings: SubmissionFinding[];
  notes?: string[];
}

const cellText = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** Appendix sheets holding projects; a summary sheet (*Tổng hợp*) only when there is no other. */
export function submittedSheets(wb: Workbook): AppendixSheet[] {
  const withProjects = wb.sheets.filter((s) => s.rows.some((r) => r.kind === 'project'));
  const detail = withProjects.filter((s) => !/^(tong hop|summary|th)\b/.test(fold(s.name)));
  return detail.length ? detail : withProjects;
}

function projectsOf(
  sheet: AppendixSheet,
  columns: SubmittedColumn[],
  value: SubmissionInput['value'],
  lineOf: (rowId: string) => number | null,
): SubmittedProject[] {
  const out: SubmittedProject[] = [];
  const stack: { level: number; name: string }[] = [];
  const cols = columns.map((c) => ({ key: c.key, colId: c.key.slice(sheet.id.length + 1) }));
  sheet.rows.forEach((row, i) => {
    while (stack.length && stack[stack.length - 1].level >= row.level) stack.pop();
    if (row.kind === 'section') stack.push({ level: row.level, name: cellText(row.cells.name) });
    if (row.kind !== 'project') return;
    const values: Record<string, number> = {};
    for (const c of cols) {
      const v = value(sheet.id, i, c.colId);
      if (v !== null && Number.isFinite(v) && v !== 0) values[c.key] = v;
    }
    const name = cellText(row.cells.name);
    if (!name && !Object.keys(values).length) return;
    out.push({
      id: `${sheet.id}:${row.id}`,
      number: cellText(row.cells.tt),
      name,
      lead: cellText(row.cells.lead),
      sections: stack.map((s) => s.name).filter(Boolean),
      line: lineOf(row.id),
      values,
    });
  });
  return out;
}

/** Builds a submission from a read workbook (its projects and columns, as the file states them). */
export function buildSubmission(input: SubmissionInput): Submission {
  const wb = input.workbook;
  const sheets = submittedSheets(wb);
  const lineOf = input.lineOf ?? (() => null);
  const columns: SubmittedColumn[] = [];
  const projects: SubmittedProject[] = [];
  for (const sheet of sheets) {
    const year = titleYear([sheet.title, sheet.name]) ?? titleYear([wb.meta.title]);
    const cols = submittedColumns(sheet, year);
    columns.push(...cols);
    projects.push(...projectsOf(sheet, cols, input.value, lineOf));
  }
  return {
    id: input.id,
    provenance: input.provenance,
    title: wb.meta.title,
    sheets: sheets.map((s) => s.name),
    columns,
    projects,
    findings: input.findings,
    notes: input.notes ?? [],
  };
}

/** Number of error findings of a submission. */
export function errorCount(s: Pick<Submission, 'findings'>): number {
  return s.findings.filter((f) => f.severity === 'error').length;
}
