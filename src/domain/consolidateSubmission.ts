/**
 * A submission from a read file: its projects (name, lead unit, sections, every numeric column's
 * computed figure), its classified columns, and its own findings. Nothing is changed: the
 * consolidation maps and adds up these figures without touching them.
 */
import { explicitSource, sheetSource, submittedColumns, titleYear } from './consolidateColumns';
import type {
  Provenance,
  Submission,
  SubmissionFinding,
  SubmittedColumn,
  SubmittedProject,
} from './consolidateTypes';
import { amountsEqual } from './numbers';
import { canonicalSource, fold } from './sources';
import type { AppendixSheet, Row, Workbook } from './types';
import { leaves } from './columns';

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
  // the unit's notes (Ghi chú) go with its projects into the consolidated table
  const noteIds = leaves(sheet.columns)
    .filter((l) => l.role === 'notes')
    .map((l) => l.id);
  sheet.rows.forEach((row, i) => {
    while (stack.length && stack[stack.length - 1].level >= row.level) stack.pop();
    if (row.kind === 'section') stack.push({ level: row.level, name: cellText(row.cells.name) });
    // an of-which breakdown or a ratio row is never added up
    if (row.kind !== 'project' || row.part) return;
    const values: Record<string, number> = {};
    for (const c of cols) {
      const v = value(sheet.id, i, c.colId);
      // a 0 the unit typed is kept (it shows 0; a blank cell is absent and shows blank)
      if (v !== null && Number.isFinite(v)) values[c.key] = v;
    }
    const name = cellText(row.cells.name);
    if (!name && !Object.values(values).some((v) => v !== 0)) return;
    out.push({
      id: `${sheet.id}:${row.id}`,
      number: cellText(row.cells.tt),
      name,
      lead: cellText(row.cells.lead),
      sections: stack.map((s) => s.name).filter(Boolean),
      line: lineOf(row.id),
      values,
      ...noteOf(row, noteIds),
    });
  });
  return out;
}

/** A row's notes, joined (`{}` when it has none: stored submissions stay as they were). */
function noteOf(row: Row, ids: readonly string[]): { note?: string } {
  const note = ids
    .map((id) => cellText(row.cells[id]))
    .filter(Boolean)
    .join('; ');
  return note ? { note } : {};
}

/**
 * Columns of a year without a source, under sections that name one (`I. Vốn đầu tư phát
 * triển`, `II. Vốn sự nghiệp`): each project's figure goes to a column of its section's source.
 */
function bySectionSource(
  cols: SubmittedColumn[],
  projects: SubmittedProject[],
): { cols: SubmittedColumn[]; projects: SubmittedProject[] } {
  const open = cols.filter((c) => c.kind === 'amount' && !c.source && c.year !== null);
  if (!open.length) return { cols, projects };
  const sourceOf = (p: SubmittedProject) => {
    for (let k = p.sections.length - 1; k >= 0; k--) {
      const s = explicitSource(p.sections[k]);
      if (s) return s;
    }
    return null;
  };
  const sources = [...new Set(projects.map(sourceOf).filter((s): s is string => !!s))];
  if (!sources.length) return { cols, projects };
  const keys = new Set(open.map((c) => c.key));
  const out = cols.flatMap((c) =>
    keys.has(c.key)
      ? [
          c,
          ...sources.map((source) => ({
            ...c,
            key: `${c.key}@${source}`,
            path: [...c.path, source],
            source,
          })),
        ]
      : [c],
  );
  const moved = projects.map((p) => {
    const source = sourceOf(p);
    if (!source) return p;
    const values: Record<string, number> = {};
    for (const [k, v] of Object.entries(p.values)) values[keys.has(k) ? `${k}@${source}` : k] = v;
    return { ...p, values };
  });
  return { cols: out, projects: moved };
}

/**
 * The sheets of a file less its summaries: a sheet whose total is another sheet's (with fewer
 * projects: the summary of that detail sheet; or the same count: a copy), or what all the other
 * sheets add up to.
 */
function withoutSummaries<
  T extends { projects: unknown[]; total: number; cols: SubmittedColumn[] },
>(parts: T[]): T[] {
  if (parts.length < 2) return parts;
  // what a sheet's figures are: its years and sources (sheets per year or per source differ)
  const shape = parts.map((p) =>
    [...new Set(p.cols.filter((c) => c.kind === 'amount').map((c) => `${c.year}|${c.source}`))]
      .sort()
      .join(','),
  );
  const grand = parts.reduce((s, p) => s + p.total, 0);
  return parts.filter((p, i) => {
    if (!p.total) return true;
    if (parts.length > 2 && amountsEqual(p.total, grand - p.total)) return false;
    return !parts.some(
      (q, j) =>
        j !== i &&
        shape[j] === shape[i] &&
        amountsEqual(q.total, p.total) &&
        (q.projects.length > p.projects.length ||
          (q.projects.length === p.projects.length && j < i)),
    );
  });
}

/** Builds a submission from a read workbook (its projects and columns, as the file states them). */
export function buildSubmission(input: SubmissionInput): Submission {
  const wb = input.workbook;
  const sheets = submittedSheets(wb);
  const lineOf = input.lineOf ?? (() => null);
  const parts = sheets.map((sheet) => {
    const year = titleYear([sheet.title, sheet.name]) ?? titleYear([wb.meta.title]);
    const found = submittedColumns(sheet, year, sheetSource(sheet.name, sheet.title));
    const { cols, projects } = bySectionSource(
      found,
      projectsOf(sheet, found, input.value, lineOf),
    );
    const amounts = new Set(cols.filter((c) => c.kind === 'amount').map((c) => c.key));
    let total = 0;
    for (const p of projects)
      for (const [k, v] of Object.entries(p.values)) if (amounts.has(k)) total += v;
    return { sheet, cols, projects, total };
  });
  const kept = withoutSummaries(parts);
  const columns = kept.flatMap((p) => p.cols);
  const projects = kept.flatMap((p) => p.projects);
  return {
    id: input.id,
    provenance: input.provenance,
    title: wb.meta.title,
    unit: moneyUnitOf(wb, columns),
    sheets: kept.map((p) => p.sheet.name),
    columns,
    projects,
    findings: input.findings,
    notes: input.notes ?? [],
  };
}

/** What may follow `Tổng`/`Cộng` in a total row's label (`Tổng cộng`, `Cộng I`, `Tổng vốn ĐTPT`). */
const TOTAL_TAIL =
  /^(cong|so|von|kinh phi|nhu cau|muc|toan|chung|cac|[\s:()+\-.,ivxlc0-9]*$|[a-d]\b|phan|muc)/;

/** Whether a row the reader took for a total is one (not a project such as *Cổng thông tin…*). */
export function isTotalLabel(label: string): boolean {
  const f = fold(label);
  const m = /^(tong|cong)\b\s*(.*)$/.exec(f);
  if (!m) return false;
  const tail = m[2];
  return !tail || TOTAL_TAIL.test(tail) || canonicalSource(tail) !== null;
}

/**
 * The workbook with the rows read as totals whose label is a project's (*Cổng thông tin điện tử*,
 * *Tổng đài 1022*) turned back into projects, at the level of the projects around them.
 */
export function withTotalsNamedLikeProjects(
  wb: Workbook,
  isTotal: (label: string) => boolean = isTotalLabel,
): Workbook {
  let changed = false;
  const total = (r: Row) => isTotal(String(r.cells.name ?? ''));
  const sheets = wb.sheets.map((sheet) => {
    if (!sheet.rows.some((r) => r.kind === 'total' && !total(r))) return sheet;
    changed = true;
    const rows = sheet.rows.map((r, i) => {
      if (r.kind !== 'total' || total(r)) return r;
      const near = [...sheet.rows.slice(i + 1), ...sheet.rows.slice(0, i).reverse()].find(
        (x) => x.kind === 'project',
      );
      const { totalSource: _s, ...rest } = r;
      return { ...rest, kind: 'project' as const, level: near?.level ?? r.level };
    });
    return { ...sheet, rows };
  });
  return changed ? { ...wb, sheets } : wb;
}

const MONEY: [RegExp, number][] = [
  [/\b(ty|ti) dong\b/, 1e9],
  [/\b(trieu dong|tr dong|trd|tr\.d)\b/, 1e6],
  [/\b(nghin dong|ngan dong|1\.?000 dong)\b/, 1e3],
  [/\bdong\b/, 1],
];

/** Đồng per unit of a money unit named in a text (`triệu đồng` → 1e6), or null. */
export function moneyFactor(text: string): number | null {
  const f = fold(text);
  for (const [re, k] of MONEY) if (re.test(f)) return k;
  return null;
}

/** The money unit a submission states: its ĐVT, else one named in its amount headers. */
function moneyUnitOf(wb: Workbook, columns: SubmittedColumn[]): string {
  if (wb.meta.unit && moneyFactor(wb.meta.unit)) return wb.meta.unit;
  for (const c of columns) {
    if (c.kind !== 'amount') continue;
    for (const t of c.path) {
      const m = /\(([^()]*đồng[^()]*)\)/i.exec(t);
      if (m && moneyFactor(m[1])) return m[1].trim().toLowerCase();
    }
  }
  return wb.meta.unit ?? '';
}

/** What a submission's figures are multiplied by to be in the form's unit (1 when either is unknown). */
export function scaleTo(sub: Pick<Submission, 'unit'>, formUnit: string): number {
  const from = moneyFactor(sub.unit);
  const to = moneyFactor(formUnit);
  return from && to ? from / to : 1;
}

/** Number of error findings of a submission. */
export function errorCount(s: Pick<Submission, 'findings'>): number {
  return s.findings.filter((f) => f.severity === 'error').length;
}
