/**
 * `planbook check`'s results: the cross-checks of every sheet of a read plan as JSON and as text,
 * from the computed values of each sheet (the engine's, or the same figures computed without it:
 * engine/plainValues.ts). No engine here, so that the command starts without loading it.
 */
import { tableStructure } from '../domain/tableStructure';
import { previewColumn } from '../domain/totalColumn';
import { hasGrandTotal } from '../domain/totals';
import { type CheckValues, explain, sheetFindings } from '../domain/checks';
import { columnLetter, leaves, yearGroups } from '../domain/columns';
import type { AppendixSheet, Workbook } from '../domain/types';
import type { PlanReading } from '../io/readPlan';

/** The computed side of one sheet: the values the cross-checks read, and its totals. */
export interface SheetValues {
  values: CheckValues;
  /** Computed total for a source (null: all) in a leaf column or a year group. */
  total(source: string | null, colId: string): unknown;
}

export interface FindingJson {
  rule: string;
  severity: 'error' | 'warning';
  /** Sheet name. */
  sheet: string;
  /** Source line (1-based) of the row the finding is on. */
  row: number | null;
  /** Source cell (`K29`) of the stated figure, when the input is a table file. */
  cell: string | null;
  label: string;
  expected: number | null;
  actual: number | null;
  /** Where the rule comes from: code row, label, structure, plan text. */
  from: string;
  /** The user's note, when the finding was marked explained (not counted as an error). */
  explained?: string;
  message: string;
}

export interface CheckJson {
  file: string;
  sheet: string;
  plan: {
    title: string | null;
    unit: string | null;
    years: number[];
    sources: string[];
    /** Sections stating figures that are the sum of the rows they head (the structure read). */
    sections: number;
    /** Items: the table's inputs (rows with figures adding into nothing of their own). */
    projects: number;
    totals: number;
    /** Headings over figure-bearing rows without figures of their own. */
    headings: number;
    /** Of-which and ratio rows with figures (never added). */
    parts: number;
    /** Rows restating a difference of other rows (deficit, surplus). */
    derived: number;
  };
  /**
   * The computed totals; `total` null (and none by source or year) for a table of different
   * quantities without a total of its own (a balance table: revenue, expenditure, deficit).
   */
  computed: {
    total: number | null;
    /** The column totalled, when it is the table's own total column rather than the row total. */
    column?: string;
    /** Why `total` is null: a balance table, or no column that adds up. */
    none?: 'balance' | 'noColumn';
    bySource: Record<string, number>;
    byYear: Record<string, Record<string, number>>;
  };
  findings: FindingJson[];
  /** Findings found but not listed (beyond {@link LISTED_FINDINGS} on the sheet), by severity. */
  unlisted?: { errors: number; warnings: number };
  warnings: { code: string; row: number | null; message: string }[];
}

/**
 * Findings listed per sheet, at most: a file of 100,000 repeated total rows has over a million,
 * whose listing alone would take gigabytes; the rest are counted, and the output says so.
 */
export const LISTED_FINDINGS = 10_000;

/** Errors (not explained) and warnings of a list of findings. */
function tally(fs: readonly { severity: string; explained?: string }[]) {
  const errors = fs.filter((f) => f.severity === 'error' && f.explained === undefined).length;
  return { errors, warnings: fs.length - errors };
}

/** A sheet's errors and warnings, listed or not. */
export function sheetTally(s: CheckJson): { errors: number; warnings: number } {
  const t = tally(s.findings);
  return {
    errors: t.errors + (s.unlisted?.errors ?? 0),
    warnings: t.warnings + (s.unlisted?.warnings ?? 0),
  };
}

/** Every appendix sheet of a file, with the findings of all of them. */
export interface WorkbookCheckJson extends Omit<CheckJson, 'sheet'> {
  sheets: CheckJson[];
  summary: { sheets: number; errors: number; warnings: number };
}

/** Picks a sheet by name or 1-based index; undefined when none matches. */
export function pickSheet(wb: Workbook, which: string | undefined): AppendixSheet | undefined {
  if (which === undefined) return wb.sheets[0];
  const byName = wb.sheets.find((s) => s.name === which);
  if (byName) return byName;
  const n = Number(which);
  return Number.isInteger(n) && n >= 1 ? wb.sheets[n - 1] : undefined;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** The check result of one sheet of a read plan, from its computed values. */
export function sheetCheck(
  file: string,
  reading: PlanReading,
  sheet: AppendixSheet,
  sv: SheetValues,
): CheckJson {
  const wb = reading.workbook;
  const meta = sheet === wb.sheets[0] ? wb.meta : null;
  const found = sheetFindings(sheet, meta, sv.values);
  const findings = found.length > LISTED_FINDINGS ? found.slice(0, LISTED_FINDINGS) : found;
  const unlisted = found.length > LISTED_FINDINGS ? tally(found.slice(LISTED_FINDINGS)) : null;
  const index = new Map(sheet.rows.map((r, i) => [r.id, i]));
  const lines = reading.linesBySheet?.get(sheet.id) ?? reading.lineOf;
  const rowOf = (id: string | null) =>
    id === null ? null : (lines.get(id) ?? (index.has(id) ? index.get(id)! + 1 : null));
  const ls = leaves(sheet.columns);
  const cols = reading.colOf?.get(sheet.id);
  const groupCol = new Map(
    yearGroups(sheet.columns).map(({ group, leaves: yl }) => [group.id, yl[0]?.id]),
  );
  const cellOf = (rowId: string | null, colId: string | null): string | null => {
    const line = rowOf(rowId);
    if (!cols || line === null || colId === null) return null;
    const c = cols.get(colId) ?? cols.get(groupCol.get(colId) ?? '');
    return c === undefined ? null : `${columnLetter(c)}${line}`;
  };
  const st = tableStructure(sheet);
  const totalCol = ls.find((l) => l.role === 'rowTotal')?.id;
  const amounts = ls.filter((l) => l.role === 'amount');
  const sources = [...new Set(amounts.map((l) => l.source).filter((s): s is string => !!s))];
  const years = [...new Set(amounts.map((l) => l.year).filter((y): y is number => !!y))].sort();
  const byYear: CheckJson['computed']['byYear'] = {};
  const grand = hasGrandTotal(sheet);
  const main = grand ? previewColumn(sheet) : null;
  for (const l of grand ? amounts : []) {
    if (!l.year || !l.source) continue;
    (byYear[l.year] ??= {})[l.source] = num(sv.total(l.source, l.id));
  }
  return {
    file,
    sheet: sheet.name,
    plan: {
      title: (meta ? wb.meta.title : sheet.title) || null,
      unit: wb.meta.unit || null,
      years,
      sources,
      sections: st.sections.length,
      projects: st.items.length,
      totals: st.totals.length,
      headings: st.headings.length,
      parts: st.parts.length,
      derived: st.derived.length,
    },
    computed: {
      // the preview's column (domain/totalColumn): a table of provinces without amounts by year
      // or source is totalled in its own total column, never given a computed total of 0
      total: main ? num(sv.total(null, main.id)) : null,
      ...(main && !main.rowTotal ? { column: main.label } : {}),
      ...(main ? {} : { none: grand ? ('noColumn' as const) : ('balance' as const) }),
      bySource: Object.fromEntries(
        (grand ? sources : []).map((s) => [s, totalCol ? num(sv.total(s, totalCol)) : 0]),
      ),
      byYear,
    },
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: sheet.name,
      row: rowOf(f.rowId),
      cell: cellOf(f.rowId, f.colId),
      label: f.label,
      expected: f.expected,
      actual: f.actual,
      from: f.from ?? 'structure',
      ...(f.explained !== undefined ? { explained: f.explained } : {}),
      message: explain(f, 'en'),
    })),
    ...(unlisted ? { unlisted } : {}),
    warnings: reading.warnings
      .filter((w) => !w.sheet || w.sheet === sheet.name)
      .map((w) => ({ code: w.code, row: w.row, message: w.message })),
  };
}

/** Checks every appendix sheet of a read file, from the values of each (`valuesOf`). */
export function workbookCheck(
  file: string,
  reading: PlanReading,
  valuesOf: (sheet: AppendixSheet) => SheetValues,
): WorkbookCheckJson {
  const sheets = reading.workbook.sheets.map((s) => sheetCheck(file, reading, s, valuesOf(s)));
  const findings = sheets.flatMap((s) => s.findings);
  const counts = sheets.map(sheetTally);
  const errors = counts.reduce((a, c) => a + c.errors, 0);
  const warnings = counts.reduce((a, c) => a + c.warnings, 0);
  const unlisted = sheets.reduce(
    (a, s) => ({
      errors: a.errors + (s.unlisted?.errors ?? 0),
      warnings: a.warnings + (s.unlisted?.warnings ?? 0),
    }),
    { errors: 0, warnings: 0 },
  );
  const first = sheets[0] as CheckJson | undefined;
  return {
    file,
    plan: first?.plan ?? {
      title: reading.workbook.meta.title || null,
      unit: null,
      years: [],
      sources: [],
      sections: 0,
      projects: 0,
      totals: 0,
      headings: 0,
      parts: 0,
      derived: 0,
    },
    computed: first?.computed ?? { total: 0, bySource: {}, byYear: {} },
    findings,
    ...(unlisted.errors + unlisted.warnings ? { unlisted } : {}),
    warnings: reading.warnings.map((w) => ({ code: w.code, row: w.row, message: w.message })),
    sheets,
    summary: { sheets: sheets.length, errors, warnings },
  };
}

/** Escapes control characters so that no input text can forge or garble an output line. */
export function safeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) =>
    ch === '\n'
      ? '\\n'
      : ch === '\t'
        ? '\\t'
        : `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** How a sheet was read, as the reading counts it: `2 sections, 17 items, 3 total rows (…)`. */
function structureLine(p: CheckJson['plan']): string {
  const more = [
    p.headings ? `${p.headings} heading(s) without figures` : '',
    p.parts ? `${p.parts} of-which or ratio row(s)` : '',
    p.derived ? `${p.derived} derived row(s)` : '',
  ].filter(Boolean);
  return `${p.sections} sections, ${p.projects} items, ${p.totals} total rows${more.length ? ` (${more.join(', ')})` : ''}`;
}

/** Human-readable report of one sheet's check result. */
export function formatCheck(r: CheckJson, withWarnings = true): string {
  const lines = [
    `${safeText(r.file)} [${safeText(r.sheet)}]: ${safeText(r.plan.title ?? '(untitled)')}`,
    `  ${structureLine(r.plan)}; years ${r.plan.years.join(', ') || '-'}; sources ${r.plan.sources.join(', ') || '-'}; unit ${safeText(r.plan.unit ?? '-')}`,
    r.computed.total === null
      ? r.computed.none === 'noColumn'
        ? '  no computed total (no column adds up)'
        : '  no computed total (the top rows are different quantities: revenue, expenditure, a balance)'
      : `  computed total ${r.computed.total}${r.computed.column ? ` (${safeText(r.computed.column)})` : ''}`,
  ];
  const t = sheetTally(r);
  lines.push(`  ${t.errors} error(s), ${t.warnings} warning(s) (rounding or to verify)`);
  for (const f of r.findings)
    lines.push(
      `  ${f.severity.toUpperCase().padEnd(7)} ${f.rule.padEnd(17)} ${f.cell ?? (f.row === null ? '-' : `line ${f.row}`)}: ${safeText(f.message)}`,
    );
  if (r.unlisted)
    lines.push(
      `  ... and ${r.unlisted.errors + r.unlisted.warnings} more finding(s) not listed (${r.unlisted.errors} error(s); at most ${LISTED_FINDINGS.toLocaleString('en')} are listed per sheet)`,
    );
  if (withWarnings)
    for (const w of r.warnings) lines.push(`  note    ${w.code}: ${safeText(w.message)}`);
  return lines.join('\n');
}

/** Human-readable report of every sheet, with a per-sheet summary. */
export function formatWorkbookCheck(r: WorkbookCheckJson): string {
  const out = [
    `${safeText(r.file)}: ${r.summary.sheets} sheet(s) checked, ${r.summary.errors} error(s), ${r.summary.warnings} warning(s)`,
  ];
  for (const s of r.sheets) {
    const t = sheetTally(s);
    out.push(
      `  ${safeText(s.sheet)}: ${t.errors} error(s), ${t.warnings} warning(s); ${structureLine(s.plan)}`,
    );
  }
  for (const s of r.sheets) out.push('', formatCheck(s, false));
  if (r.warnings.length) out.push('');
  for (const w of r.warnings) out.push(`  note    ${w.code}: ${safeText(w.message)}`);
  return out.join('\n');
}
