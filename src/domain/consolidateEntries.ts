/**
 * The entries of a consolidation: each project of each unit's submission in force, its requested
 * figures mapped onto the form's columns and scaled to the form's unit, under the form's section
 * it belongs to.
 */
import { mapColumns } from './consolidateColumns';
import { sectionOf } from './consolidateSections';
import { scaleTo } from './consolidateSubmission';
import type {
  ColumnMapping,
  Consolidation,
  FormSection,
  Submission,
  SubmittedProject,
} from './consolidateTypes';
import { unitNameKey } from './consolidateUnits';
import { clean } from './numbers';

/** A unit's key in a consolidation (abbreviations, case and diacritics set aside). */
export const unitKey = unitNameKey;

/** Key of a project of a submission. */
export function entryKey(submissionId: string, projectId: string): string {
  return `${submissionId}/${projectId}`;
}

/** A project of a submission in force, its requested figures in the form's columns. */
export interface Entry {
  key: string;
  submissionId: string;
  unit: string;
  unitKey: string;
  project: SubmittedProject;
  section: FormSection;
  requested: number[];
  /** Per form column: whether the unit filled a cell mapped to it (a 0 typed is filled; blank is not). */
  filled: boolean[];
}

/** The entries of the submissions in force, in form-unit order then order of arrival. */
export function entriesOf(
  c: Consolidation,
  submissions: ReadonlyMap<string, Submission>,
): { entries: Entry[]; mappings: Map<string, ColumnMapping> } {
  const entries: Entry[] = [];
  const mappings = new Map<string, ColumnMapping>();
  const order = new Map(c.form.units.map((u, i) => [unitKey(u), i]));
  const current = Object.entries(c.current)
    .map(([k, id]) => ({ k, sub: submissions.get(id) }))
    .filter((x): x is { k: string; sub: Submission } => !!x.sub)
    .sort(
      (p, q) =>
        (order.get(p.k) ?? 1e9) - (order.get(q.k) ?? 1e9) ||
        c.submissionIds.indexOf(p.sub.id) - c.submissionIds.indexOf(q.sub.id),
    );
  const index = new Map(c.form.columns.map((f, i) => [f.id, i]));
  for (const { k, sub } of current) {
    const mapping = mapColumns(sub.columns, c.form.columns, c.mappings[k] ?? {});
    mappings.set(sub.id, mapping);
    const scale = scaleTo(sub, c.form.unit);
    const targets = Object.entries(mapping).flatMap(([col, to]) =>
      to !== null && index.has(to) ? [[col, index.get(to)!] as const] : [],
    );
    for (const p of sub.projects) {
      const requested = new Array<number>(c.form.columns.length).fill(0);
      const filled = new Array<boolean>(c.form.columns.length).fill(false);
      for (const [col, j] of targets)
        if (Object.hasOwn(p.values, col)) {
          requested[j] += p.values[col] * scale;
          filled[j] = true;
        }
      entries.push({
        key: entryKey(sub.id, p.id),
        submissionId: sub.id,
        unit: sub.provenance.unit,
        unitKey: k,
        project: p,
        section: sectionOf(p.sections, c.form.sections),
        requested: requested.map(clean),
        filled,
      });
    }
  }
  return { entries, mappings };
}
