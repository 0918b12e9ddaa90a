/** `planbook compare`: what changed between two versions of a plan, as text or one JSON object. */
import { writeFileSync } from 'node:fs';
import { type ComparisonResult, compareWithTable } from '../domain/adjustment';
import type { ProjectRef } from '../domain/match';
import { formatAmount } from '../domain/numbers';
import { evaluatedSide } from '../engine/sides';
import { exportAdjustmentXlsx } from '../io/export/adjustmentXlsx';
import type { PlanReading } from '../io/readPlan';

export interface CompareJson {
  a: string;
  b: string;
  matched: { a: string; b: string; renamed: boolean; moved: boolean }[];
  added: { label: string; row: number | null }[];
  removed: { label: string; row: number | null }[];
  changes: {
    label: string;
    year: number | null;
    source: string | null;
    column: string;
    before: number | string | null;
    after: number | string | null;
    kind: 'value' | 'formula';
  }[];
  totals: { before: number; after: number; increase: number; decrease: number };
}

const name = (p: ProjectRef) => String(p.row.cells.name ?? '').trim();

/** Compares two read files (a: before, b: after). */
export function comparePlans(
  fileA: string,
  a: PlanReading,
  fileB: string,
  b: PlanReading,
): ComparisonResult {
  return compareWithTable(evaluatedSide(fileA, a.workbook), evaluatedSide(fileB, b.workbook));
}

/** The comparison as the JSON object the command prints (rows are input lines where known). */
export function compareJson(r: ComparisonResult, a: PlanReading, b: PlanReading): CompareJson {
  const c = r.comparison;
  const row = (reading: PlanReading, p: ProjectRef) => reading.lineOf.get(p.row.id) ?? p.index + 1;
  const round = (n: number) => Math.round(n * 1e9) / 1e9;
  return {
    a: c.a,
    b: c.b,
    matched: c.matched.map((m) => ({
      a: name(m.a),
      b: name(m.b),
      renamed: m.renamed,
      moved: m.moved,
    })),
    added: c.added.map((p) => ({ label: name(p), row: row(b, p) })),
    removed: c.removed.map((p) => ({ label: name(p), row: row(a, p) })),
    changes: c.changes.map((d) => ({
      label: name(d.match.b),
      year: d.column.year,
      source: d.column.source,
      column: d.column.label,
      before: d.before,
      after: d.after,
      kind: d.kind,
    })),
    totals: {
      before: round(c.totals.before),
      after: round(c.totals.after),
      increase: round(c.totals.increase),
      decrease: round(c.totals.decrease),
    },
  };
}

/** A readable summary of the comparison. */
export function formatCompare(j: CompareJson): string {
  const n = (v: number) => formatAmount(v, 'en');
  const lines = [
    `${j.a} → ${j.b}`,
    `  ${j.matched.length} projects matched (${j.matched.filter((m) => m.renamed).length} renamed, ${j.matched.filter((m) => m.moved).length} moved), ${j.added.length} added, ${j.removed.length} removed, ${j.changes.length} changed cells`,
    `  total before ${n(j.totals.before)}, after ${n(j.totals.after)} (increase ${n(j.totals.increase)}, decrease ${n(j.totals.decrease)})`,
  ];
  for (const m of j.matched.filter((x) => x.renamed || x.moved))
    lines.push(
      `  ${m.renamed ? 'RENAMED' : 'MOVED  '} ${m.a}${m.renamed ? ` → ${m.b}` : ''}${m.renamed && m.moved ? ' (moved)' : ''}`,
    );
  for (const p of j.added) lines.push(`  ADDED   line ${p.row}: ${p.label}`);
  for (const p of j.removed) lines.push(`  REMOVED line ${p.row}: ${p.label}`);
  for (const d of j.changes)
    lines.push(
      `  ${d.kind === 'formula' ? 'FORMULA' : 'CHANGED'} ${d.label} [${d.column}]: ${d.before ?? '(blank)'} → ${d.after ?? '(blank)'}`,
    );
  return lines.join('\n');
}

/** Writes the adjustment table to `out`. */
export async function writeAdjustment(
  r: ComparisonResult,
  a: PlanReading,
  out: string,
): Promise<void> {
  const x = await exportAdjustmentXlsx({
    table: r.table,
    title: a.workbook.meta.title,
    before: r.comparison.a,
    after: r.comparison.b,
    unit: a.workbook.meta.unit,
  });
  writeFileSync(out, x.bytes);
}
