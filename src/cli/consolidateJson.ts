/** The JSON object and the readable summary `planbook consolidate` prints. */
import { sumOf } from '../domain/consolidate';
import { mapColumns, unmappedColumns } from '../domain/consolidateColumns';
import { requestedByProject } from '../domain/consolidateDiff';
import { errorCount } from '../domain/consolidateSubmission';
import type { FormColumn, Submission } from '../domain/consolidateTypes';
import { formatAmount } from '../domain/numbers';
import type { ConsolidateInput, ConsolidateResult } from './consolidateCmd';

const NONE = '(unspecified)';
const sourceKey = (c: FormColumn) => c.source || NONE;
const yearKey = (c: FormColumn) => (c.year === null ? NONE : String(c.year));
const round = (n: number) => Math.round(n * 1e9) / 1e9;
const colLabel = (c: FormColumn) => [c.year ?? NONE, c.source || NONE].join(' ');

/** The requested total of a submission in the form's columns. */
export function submissionTotal(s: Submission, columns: FormColumn[]): number {
  let t = 0;
  for (const v of requestedByProject(s, columns).values()) t += sumOf(v);
  return round(t);
}

/** One file in the command's JSON. */
export interface SubmissionJson {
  file: string;
  unit: string | null;
  projects: number;
  total: number;
  errors: number;
  /** Why the file could not be read. */
  error?: string;
  unitFrom?: string;
  sha256?: string;
  receivedAt?: string;
  warnings?: number;
  inForce?: boolean;
  replacedBy?: string;
  mapping?: { column: string; sheet: string; to: string | null }[];
  unmapped?: { column: string; why: string }[];
}

/** The JSON object the command prints. */
export function consolidateJson(inputs: ConsolidateInput[], r: ConsolidateResult) {
  const { table, consolidation: c } = r;
  const cols = table.columns;
  const inForce = new Set(Object.values(c.current));
  const replacedBy = new Map(r.diffs.map((d) => [d.before, d.after]));
  const entries = table.entries;
  const sums = (pick: (col: FormColumn) => string) => {
    const out: Record<string, number> = {};
    cols.forEach((col, j) => {
      const k = pick(col);
      out[k] = round((out[k] ?? 0) + table.total.proposed[j]);
    });
    return out;
  };
  const byYearSource: Record<string, Record<string, number>> = {};
  cols.forEach(
    (col, j) =>
      ((byYearSource[yearKey(col)] ??= {})[sourceKey(col)] = round(table.total.proposed[j])),
  );
  const name = (key: string) => entries.get(key)?.project.name ?? key;
  const unitOf = (key: string) => entries.get(key)?.unit ?? '';
  return {
    form: {
      columns: cols.map((col) => ({ id: col.id, year: col.year, source: col.source || null })),
      sections: c.form.sections.map((s) => s.name),
    },
    submissions: inputs.map((i): SubmissionJson => {
      const s = i.submission;
      if (!s)
        return { file: i.file, unit: null, projects: 0, total: 0, errors: 0, error: i.error! };
      const mapping = mapColumns(s.columns, cols);
      return {
        file: i.file,
        unit: s.provenance.unit,
        unitFrom: s.provenance.unitFrom,
        sha256: s.provenance.sha256,
        receivedAt: s.provenance.receivedAt,
        projects: s.projects.length,
        total: submissionTotal(s, cols),
        errors: errorCount(s),
        warnings: s.findings.length - errorCount(s),
        inForce: inForce.has(s.id),
        ...(replacedBy.has(s.id) ? { replacedBy: r.fileOf.get(replacedBy.get(s.id)!) } : {}),
        mapping: s.columns.map((col) => ({
          column: col.path.join(' / '),
          sheet: col.sheet,
          to: mapping[col.key] ? colLabel(cols.find((f) => f.id === mapping[col.key])!) : null,
        })),
        unmapped: unmappedColumns(s.columns, mapping, cols).map((u) => ({
          column: u.column.path.join(' / '),
          why: u.why,
        })),
      };
    }),
    resubmissions: r.diffs.map((d) => ({
      unit: d.unit,
      before: r.fileOf.get(d.before),
      after: r.fileOf.get(d.after),
      added: d.added.map((p) => p.name),
      removed: d.removed.map((p) => p.name),
      renamed: d.matched
        .filter((m) => m.renamed)
        .map((m) => ({ before: m.before.name, after: m.after.name })),
      respelled: d.matched
        .filter((m) => m.respelled)
        .map((m) => ({ before: m.before.name, after: m.after.name })),
      changes: d.changes.map((x) => ({
        project: x.project.name,
        year: x.column.year,
        source: x.column.source || null,
        before: x.before,
        after: x.after,
      })),
      totals: d.totals,
    })),
    duplicates: table.duplicates.map((d) => ({
      name: name(d.a),
      names: [name(d.a), name(d.b)],
      units: [unitOf(d.a), unitOf(d.b)],
      score: round(d.score),
      same: d.same,
    })),
    byUnit: table.byUnit.reduce<Record<string, number>>((out, u) => {
      out[u.unit] = round((out[u.unit] ?? 0) + sumOf(u.proposed));
      return out;
    }, {}),
    bySection: Object.fromEntries(
      table.bySection.map((s) => [s.section.name, round(sumOf(s.proposed))]),
    ),
    bySource: sums(sourceKey),
    byYear: sums(yearKey),
    byYearSource,
    total: round(sumOf(table.total.proposed)),
  };
}

export type ConsolidateJson = ReturnType<typeof consolidateJson>;

/** A readable summary. */
export function formatConsolidate(j: ConsolidateJson): string {
  const n = (v: number) => formatAmount(v, 'en');
  const lines = [`${j.submissions.length} file(s); total ${n(j.total)}`];
  for (const s of j.submissions) {
    if (s.error) {
      lines.push(`  UNREADABLE ${s.error}`);
      continue;
    }
    const state = s.inForce === false ? ` (replaced by ${s.replacedBy})` : '';
    lines.push(
      `  ${s.file}: ${s.unit}, ${s.projects} projects, total ${n(s.total)}, ${s.errors} error(s)${state}`,
    );
    for (const u of s.unmapped ?? []) lines.push(`      unmapped column ${u.column}: ${u.why}`);
  }
  for (const r of j.resubmissions) {
    lines.push(
      `  RESUBMITTED ${r.unit}: ${r.before} → ${r.after}, total ${n(r.totals.before)} → ${n(r.totals.after)}`,
    );
    for (const a of r.added) lines.push(`      added   ${a}`);
    for (const a of r.removed) lines.push(`      removed ${a}`);
    for (const a of r.renamed) lines.push(`      renamed ${a.before} → ${a.after}`);
    for (const a of r.respelled) lines.push(`      respelt ${a.before} → ${a.after}`);
    for (const c of r.changes)
      lines.push(
        `      changed ${c.project} [${c.year ?? NONE} ${c.source ?? NONE}]: ${n(c.before)} → ${n(c.after)}`,
      );
  }
  for (const d of j.duplicates)
    lines.push(`  DUPLICATE ${d.names.join(' / ')} (${d.units.join(', ')})`);
  lines.push('  by unit:');
  for (const [u, v] of Object.entries(j.byUnit)) lines.push(`    ${u}: ${n(v)}`);
  lines.push(
    `  by source: ${Object.entries(j.bySource)
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(', ')}`,
  );
  lines.push(
    `  by year: ${Object.entries(j.byYear)
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(', ')}`,
  );
  return lines.join('\n');
}
