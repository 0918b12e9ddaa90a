/**
 * `planbook consolidate <file>…`: reads each department's file as `check` reads it, maps its
 * columns onto a form made of every year × source the files name, consolidates (a later file of a
 * unit replaces its earlier one, with what changed), flags duplicates across units, and prints a
 * summary or one JSON object; `-o` writes the consolidated appendix with the submissions sheet.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type ConsolidatedTable, consolidate, unitKey } from '../domain/consolidate';
import { formColumnsOf } from '../domain/consolidateColumns';
import { diffSubmissions, type ResubmissionDiff } from '../domain/consolidateDiff';
import { formSectionsOf } from '../domain/consolidateSections';
import { errorCount } from '../domain/consolidateSubmission';
import type { Consolidation, Grouping, Submission } from '../domain/consolidateTypes';
import { sameUnit } from '../domain/consolidateUnits';
import { type SubmissionLine, exportConsolidationXlsx } from '../io/export/consolidationXlsx';
import { submissionTotal } from './consolidateJson';
import { PlanReadError } from '../io/readPlan';
import { sha256Hex, submissionFromReading } from '../io/submission';
import type { PlanReader } from './reader';
import { PlanEngine } from '../engine/engine';

/** One file given to the command. */
export interface ConsolidateInput {
  file: string;
  submission?: Submission;
  /** Why the file could not be read. */
  error?: string;
}

/** Reads every file (a file that cannot be read is kept with its reason). */
export async function readSubmissions(
  files: string[],
  read: PlanReader,
  units: Record<string, string> = {},
): Promise<ConsolidateInput[]> {
  const out: ConsolidateInput[] = [];
  const engine = new PlanEngine();
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
      const submission = submissionFromReading(
        reading,
        {
          fileName: basename(file),
          sha256: await sha256Hex(bytes),
          size: bytes.length,
          receivedAt: statSync(file).mtime.toISOString(),
          unit: units[file] ?? units[basename(file)],
        },
        undefined,
        engine,
      );
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
    let k = keyOf(s);
    const before = subs.find((x) => x.id === current[k]);
    // a later file of a unit replaces its earlier one, unless they have no project in common (two
    // parts of a unit's proposal, or two units the files do not tell apart): both then count
    if (before && diffSubmissions(before, s, []).matched.length === 0) k = `${k}#${s.id}`;
    else if (before) replaced.push([before, s, k]);
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
