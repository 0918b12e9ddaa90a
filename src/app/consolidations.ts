/**
 * The consolidation workbooks of the app: created from a form (years × sources, sections) and the
 * units expected to submit; opened as a session; the submissions as they came; the export.
 */
import { sumOf } from '../domain/consolidate';
import { formColumnId, sortFormColumns } from '../domain/consolidateColumns';
import { sectionId } from '../domain/consolidateSections';
import { errorCount } from '../domain/consolidateSubmission';
import type { Consolidation, Submission } from '../domain/consolidateTypes';
import { newId } from '../domain/ids';
import type { Id, Workbook } from '../domain/types';
import { exportConsolidationXlsx, type SubmissionLine } from '../io/export/consolidationXlsx';
import type { ConsolidationRepo, ConsolidationSummary } from '../storage/consolidations';
import { ConsolidationSession } from './consolidation';
import { requestedByProject } from '../domain/consolidateDiff';

export type { ConsolidationSummary };

/** What a new consolidation is made from. */
export interface NewConsolidation {
  title: string;
  unit: string;
  years: number[];
  sources: string[];
  sections: string[];
  units: string[];
}

/** A new consolidation's state (nothing received yet). */
export function newConsolidation(o: NewConsolidation): Consolidation {
  const now = Date.now();
  const clean = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];
  return {
    id: newId('c'),
    form: {
      title: o.title.trim() || 'Tổng hợp đề xuất của các đơn vị',
      unit: o.unit.trim() || 'triệu đồng',
      columns: sortFormColumns(
        o.years.flatMap((year) =>
          o.sources.map((source) => ({ id: formColumnId(year, source), year, source })),
        ),
      ),
      sections: clean(o.sections).map((name) => ({ id: sectionId(name), name })),
      units: clean(o.units),
    },
    submissionIds: [],
    current: {},
    mappings: {},
    proposed: {},
    resolutions: {},
    grouping: 'section',
    createdAt: now,
    updatedAt: now,
  };
}

export class Consolidations {
  constructor(private readonly repo: ConsolidationRepo) {}

  list(): Promise<ConsolidationSummary[]> {
    return this.repo.list();
  }

  /** Stores a new consolidation; resolves with its id. */
  async create(o: NewConsolidation): Promise<Id> {
    const c = newConsolidation(o);
    await this.repo.create(c);
    return c.id;
  }

  /** Opens a consolidation for work; undefined when it does not exist. */
  async open(id: Id): Promise<ConsolidationSession | undefined> {
    const loaded = await this.repo.load(id);
    return loaded && new ConsolidationSession(loaded, this.repo);
  }

  remove(id: Id): Promise<void> {
    return this.repo.remove(id);
  }

  /** The workbook a submission read as (opened as it came). */
  submissionWorkbook(id: Id): Promise<Workbook | undefined> {
    return this.repo.submissionWorkbook(id);
  }

  /** The submitted file, exactly as received. */
  file(id: Id): Promise<{ name: string; bytes: Uint8Array } | undefined> {
    return this.repo.file(id);
  }
}

/** The consolidated appendix and the submissions sheet as an `.xlsx` (proposed figures only if asked). */
export async function exportConsolidation(
  s: ConsolidationSession,
  proposedOnly: boolean,
  lang: 'vi' | 'en',
): Promise<Uint8Array> {
  const c = s.state;
  const table = s.table;
  const inForce = new Set(Object.values(c.current));
  const status = s.status();
  const words =
    lang === 'vi'
      ? {
          inForce: 'Đang dùng',
          replaced: 'Đã thay thế',
          missing: 'Chưa nộp',
          dup: 'Trùng với dự án của',
        }
      : {
          inForce: 'In force',
          replaced: 'Replaced',
          missing: 'Not received',
          dup: 'Same as the project of',
        };
  const line = (sub: Submission): SubmissionLine => ({
    unit: sub.provenance.unit,
    fileName: sub.provenance.fileName,
    receivedAt: sub.provenance.receivedAt,
    sha256: sub.provenance.sha256,
    projects: sub.projects.length,
    requested: sumOf(
      [...requestedByProject(sub, c.form.columns, {}, c.form.unit).values()].map(sumOf),
    ),
    errors: errorCount(sub),
    status: inForce.has(sub.id) ? words.inForce : words.replaced,
    note: sub.provenance.note,
  });
  const lines: SubmissionLine[] = [];
  for (const u of status) {
    if (!u.history.length)
      lines.push({
        unit: u.unit,
        fileName: '',
        receivedAt: '',
        sha256: '',
        projects: 0,
        requested: 0,
        errors: 0,
        status: words.missing,
        note: '',
      });
    for (const sub of u.history) lines.push(line(sub));
  }
  const notes = new Map<string, string>();
  for (const d of table.duplicates) {
    if (d.resolution) continue;
    const other = (k: string) => table.entries.get(k)?.unit ?? '';
    notes.set(d.a, `${words.dup} ${other(d.b)}`);
    notes.set(d.b, `${words.dup} ${other(d.a)}`);
  }
  const x = await exportConsolidationXlsx({
    table,
    form: c.form,
    subtitle:
      lang === 'vi'
        ? `(Tổng hợp từ hồ sơ của ${inForce.size} đơn vị)`
        : `(Consolidated from the submissions of ${inForce.size} units)`,
    proposedOnly,
    notes,
    submissions: lines,
    lang,
  });
  return x.bytes;
}
