/** `planbook check`: reads a plan file, runs the cross-checks, prints findings (text or JSON). */
import { explain, sheetFindings } from '../domain/checks';
import { leaves } from '../domain/columns';
import type { AppendixSheet, Workbook } from '../domain/types';
import { PlanEngine } from '../engine/engine';
import type { PlanReading } from '../io/readPlan';

export interface CheckJson {
  file: string;
  plan: {
    title: string | null;
    unit: string | null;
    years: number[];
    sources: string[];
    sections: number;
    projects: number;
  };
  computed: {
    total: number;
    bySource: Record<string, number>;
    byYear: Record<string, Record<string, number>>;
  };
  findings: {
    rule: string;
    severity: 'error' | 'warning';
    row: number | null;
    label: string;
    expected: number | null;
    actual: number | null;
    message: string;
  }[];
  warnings: { code: string; row: number | null; message: string }[];
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

/** The check result of one sheet of a read plan. */
export function checkSheet(file: string, reading: PlanReading, sheet: AppendixSheet): CheckJson {
  const wb = reading.workbook;
  const engine = new PlanEngine();
  engine.loadWorkbook(wb);
  const meta = sheet === wb.sheets[0] ? wb.meta : null;
  const findings = sheetFindings(sheet, meta, engine.values(sheet.id));
  const index = new Map(sheet.rows.map((r, i) => [r.id, i]));
  const rowOf = (id: string | null) =>
    id === null ? null : (reading.lineOf.get(id) ?? (index.has(id) ? index.get(id)! + 1 : null));
  const ls = leaves(sheet.columns);
  const totalCol = ls.find((l) => l.role === 'rowTotal')?.id;
  const amounts = ls.filter((l) => l.role === 'amount');
  const sources = [...new Set(amounts.map((l) => l.source).filter((s): s is string => !!s))];
  const years = [...new Set(amounts.map((l) => l.year).filter((y): y is number => !!y))].sort();
  const byYear: CheckJson['computed']['byYear'] = {};
  for (const l of amounts) {
    if (!l.year || !l.source) continue;
    (byYear[l.year] ??= {})[l.source] = num(engine.total(sheet.id, l.source, l.id));
  }
  return {
    file,
    plan: {
      title: wb.meta.title || null,
      unit: wb.meta.unit || null,
      years,
      sources,
      sections: sheet.rows.filter((r) => r.kind === 'section').length,
      projects: sheet.rows.filter((r) => r.kind === 'project').length,
    },
    computed: {
      total: totalCol ? num(engine.total(sheet.id, null, totalCol)) : 0,
      bySource: Object.fromEntries(
        sources.map((s) => [s, totalCol ? num(engine.total(sheet.id, s, totalCol)) : 0]),
      ),
      byYear,
    },
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      row: rowOf(f.rowId),
      label: f.label,
      expected: f.expected,
      actual: f.actual,
      message: explain(f, 'en'),
    })),
    warnings: reading.warnings.map((w) => ({ code: w.code, row: w.row, message: w.message })),
  };
}

/** Human-readable report of a check result. */
export function formatCheck(r: CheckJson): string {
  const lines = [
    `${r.file}: ${r.plan.title ?? '(untitled)'}`,
    `  ${r.plan.sections} sections, ${r.plan.projects} projects; years ${r.plan.years.join(', ') || '-'}; sources ${r.plan.sources.join(', ') || '-'}; unit ${r.plan.unit ?? '-'}`,
    `  computed total ${r.computed.total}`,
  ];
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  lines.push(
    `  ${errors} error(s), ${r.findings.length - errors} warning(s) explained by rounding`,
  );
  for (const f of r.findings)
    lines.push(
      `  ${f.severity.toUpperCase().padEnd(7)} ${f.rule.padEnd(17)} ${f.row === null ? '-' : `line ${f.row}`}: ${f.message}`,
    );
  for (const w of r.warnings) lines.push(`  note    ${w.code}: ${w.message}`);
  return lines.join('\n');
}
