/**
 * `planbook consolidate <file>…`: reads each department's file as `check` reads it, maps its
 * columns onto a form made of every year × source the files name, consolidates (a later file of a
 * unit replaces its earlier one, with what changed), flags duplicates across units, and prints a
 * summary or one JSON object; `-o` writes the consolidated appendix with the submissions sheet.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type ConsolidatedTable, consolidate, sumOf, unitKey } from '../domain/consolidate';
import { formColumnsOf, mapColumns, unmappedColumns } from '../domain/consolidateColumns';
import {
  diffSubmissions,
  requestedByProject,
  type ResubmissionDiff,
} from '../domain/consolidateDiff';
import { formSectionsOf } from '../domain/consolidateSections';
import { errorCount } from '../domain/consolidateSubmission';
import type { Consolidation, FormColumn, Grouping, Submission } from '../domain/consolidateTypes';
import { sameUnit } from '../domain/consolidateUnits';
import { formatAmount } from '../domain/numbers';
import { type SubmissionLine, exportConsolidationXlsx } from '../io/export/consolidationXlsx';
import { PlanReadError } from '../io/readPlan';
import { sha256Hex, submissionFromReading } from '../io/submission';
import type { PlanReader } from './reader';

/** One file given to the command. */
export interface ConsolidateInput {
  file: string;
  submission?: Submission;
  /** Why the file could not be read. */
  error?: string;
}

const NONE = '(unspecified)';
const sourceKey = (c: FormColumn) => c.source || NONE;
const yearKey = (c: FormColumn) => (c.year === null ? NONE : String(c.year));
const round = (n: number) => Math.round(n * 1e9) / 1e9;
const colLabel = (c: FormColumn) => [c.year ?? NONE, c.source || NONE].join(' ');

/** Reads every file (a file that cannot be read is kept with its reason). */
export async function readSubmissions(
  files: string[],
  read: PlanReader,
  units: Record<string, string> = {},
): Promise<ConsolidateInput[]> {
  const out: ConsolidateInput[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      out.push({
        file,
        error: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      });
      continue;
    }
    try {
      const reading = await read(file, bytes);
      if (!reading.workbook.sheets.some((s) => s.rows.some((r) => r.kind === 'project'))) {
        out.push({ file, error: `${file}: no sheet reads as a plan appendix with projects` });
        continue;
      }
      const submission = submissionFromReading(reading, {
        fileName: basename(file),
        sha256: await sha256Hex(bytes),
        size: bytes.length,
        receivedAt: statSync(file).mtime.toISOString(),
        unit: units[file] ?? units[basename(file)],
      });
      out.push({ file, submission });
    } catch (e) {
      const msg =
        e instanceof PlanReadError ? e.message : `unexpected error: ${(e as Error).message}`;
      out.push({ file, error: `${file}: ${msg}` });
    }
  }
  return out;
}

export interface ConsolidateResult {
  consolidation: Consolidation;
  submissions: Map<string, Submission>;
  table: ConsolidatedTable;
  /** Re-submissions: a later file of a unit against its earlier one. */
  diffs: ResubmissionDiff[];
  /** File of each submission id. */
  fileOf: Map<string, string>;
}

/** Consolidates the read files, a later file of a unit replacing the earlier one. */
export function consolidateInputs(
  inputs: ConsolidateInput[],
  grouping: Grouping = 'section',
): ConsolidateResult {
  const subs = inputs.flatMap((i) => (i.submission ? [i.submission] : []));
  const fileOf = new Map(
    inputs.flatMap((i) => (i.submission ? [[i.submission.id, i.file] as const] : [])),
  );
  // one key per unit: a later spelling of a unit already met joins it
  const keys: { key: string; name: string }[] = [];
  const keyOf = (s: Submission) => {
    const found = keys.find((k) => sameUnit(k.name, s.provenance.unit));
    if (found) return found.key;
    const key = unitKey(s.provenance.unit);
    keys.push({ key, name: s.provenance.unit });
    return key;
  };
  const current: Record<string, string> = {};
  const replaced: [Submission, Submission, string][] = [];
  for (const s of subs) {
    const k = keyOf(s);
    const before = subs.find((x) => x.id === current[k]);
    if (before) replaced.push([before, s, k]);
    current[k] = s.id;
  }
  const inForce = subs.filter((s) => Object.values(current).includes(s.id));
  const columns = formColumnsOf(inForce.flatMap((s) => s.columns));
  const consolidation: Consolidation = {
    id: 'cli',
    form: {
      title: 'TỔNG HỢP DANH MỤC DỰ ÁN ĐỀ XUẤT CỦA CÁC ĐƠN VỊ',
      unit: 'triệu đồng',
      columns,
      sections: formSectionsOf(inForce.flatMap((s) => s.projects.map((p) => p.sections))),
      units: [],
    },
    submissionIds: subs.map((s) => s.id),
    current,
    mappings: {},
    proposed: {},
    resolutions: {},
    grouping,
    createdAt: 0,
    updatedAt: 0,
  };
  const submissions = new Map(subs.map((s) => [s.id, s]));
  const table = consolidate(consolidation, submissions);
  const diffs = replaced.map(([a, b]) => diffSubmissions(a, b, columns));
  return { consolidation, submissions, table, diffs, fileOf };
}

/** The requested total of a submission in the form's columns. */
function submissionTotal(s: Submission, columns: FormColumn[]): number {
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
    byUnit: Object.fromEntries(table.byUnit.map((u) => [u.unit, round(sumOf(u.proposed))])),
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

/** Writes the consolidated appendix (`proposedOnly`: without the requested and difference columns). */
export async function writeConsolidation(
  r: ConsolidateResult,
  out: string,
  proposedOnly: boolean,
): Promise<void> {
  const { table, consolidation: c } = r;
  const inForce = new Set(Object.values(c.current));
  const replacedBy = new Map(r.diffs.map((d) => [d.before, d.after]));
  const lines: SubmissionLine[] = [...r.submissions.values()].map((s) => ({
    unit: s.provenance.unit,
    fileName: s.provenance.fileName,
    receivedAt: s.provenance.receivedAt,
    sha256: s.provenance.sha256,
    projects: s.projects.length,
    requested: submissionTotal(s, table.columns),
    errors: errorCount(s),
    status: inForce.has(s.id)
      ? 'Đang dùng'
      : `Thay bằng ${r.submissions.get(replacedBy.get(s.id) ?? '')?.provenance.fileName ?? ''}`,
    note: s.provenance.note,
  }));
  const notes = new Map<string, string>();
  for (const d of table.duplicates) {
    const other = (k: string) => table.entries.get(k)?.unit ?? '';
    notes.set(d.a, `Trùng với dự án của ${other(d.b)}`);
    notes.set(d.b, `Trùng với dự án của ${other(d.a)}`);
  }
  const x = await exportConsolidationXlsx({
    table,
    form: c.form,
    subtitle: `(Tổng hợp từ hồ sơ của ${inForce.size} đơn vị)`,
    proposedOnly,
    notes,
    submissions: lines,
  });
  writeFileSync(out, x.bytes);
}
