/**
 * A unit's new submission against its last one: projects matched by name and lead unit (as
 * comparing versions matches them, never by position), added, removed, renamed, and every changed
 * requested figure in the form's columns. Applying it carries the consolidator's proposals and
 * duplicate resolutions over to the matched projects whose requested figure did not change.
 */
import { mapColumns } from './consolidateColumns';
import { scaleTo } from './consolidateSubmission';
import { pairKey } from './consolidateDuplicates';
import type { Consolidation, FormColumn, Submission, SubmittedProject } from './consolidateTypes';
import { entryKey } from './consolidate';
import { matchProjects, type ProjectRef, projectRefs } from './match';
import type { AppendixSheet, Row } from './types';
import { amountsEqual, clean } from './numbers';
import { nameChange } from './nameSpelling';

export interface ProjectChange {
  project: SubmittedProject;
  column: FormColumn;
  before: number;
  after: number;
}

export interface ResubmissionDiff {
  unit: string;
  before: string;
  after: string;
  matched: {
    before: SubmittedProject;
    after: SubmittedProject;
    /** Named otherwise (`nameChange`): more than case, diacritics or spacing differ. */
    renamed: boolean;
    /** The same name spelled otherwise (case or diacritics only): shown, not a rename. */
    respelled: boolean;
    doubtful: boolean;
  }[];
  added: SubmittedProject[];
  removed: SubmittedProject[];
  changes: ProjectChange[];
  totals: { before: number; after: number };
}

/**
 * Projects as matching sees them, read by match.ts itself from a sheet of the submission's
 * projects under their sections (row ids of their own submission: pairs come from what projects
 * are, never from ids or positions).
 */
function refs(sub: Submission): ProjectRef[] {
  const rows: Row[] = [];
  let open: string[] = [];
  sub.projects.forEach((p, i) => {
    let same = 0;
    while (same < open.length && same < p.sections.length && open[same] === p.sections[same])
      same++;
    p.sections.slice(same).forEach((name, k) =>
      rows.push({
        id: `${sub.id}/s${i}.${k}`,
        kind: 'section',
        level: same + k,
        cells: { name },
      }),
    );
    open = p.sections;
    rows.push({
      id: entryKey(sub.id, p.id),
      kind: 'project',
      level: p.sections.length,
      cells: { name: p.name, lead: p.lead },
    });
  });
  const sheet: AppendixSheet = {
    kind: 'appendix',
    id: sub.id,
    name: '',
    title: '',
    columns: [],
    rows,
  };
  return projectRefs(sheet);
}

/** Requested figures of each project of a submission in the form's columns. */
export function requestedByProject(
  sub: Submission,
  form: readonly FormColumn[],
  confirmed: Record<string, string | null> = {},
  formUnit = 'triệu đồng',
): Map<string, number[]> {
  const mapping = mapColumns(sub.columns, form, confirmed);
  const scale = scaleTo(sub, formUnit);
  const index = new Map(form.map((f, i) => [f.id, i]));
  const out = new Map<string, number[]>();
  for (const p of sub.projects) {
    const v = new Array<number>(form.length).fill(0);
    for (const [col, amount] of Object.entries(p.values)) {
      const to = mapping[col];
      if (to !== null && to !== undefined && index.has(to)) v[index.get(to)!] += amount * scale;
    }
    out.set(p.id, v.map(clean));
  }
  return out;
}

const total = (m: Map<string, number[]>) =>
  clean([...m.values()].flat().reduce((s, v) => s + v, 0));

/** What changed from a unit's last submission to its new one. */
export function diffSubmissions(
  before: Submission,
  after: Submission,
  form: readonly FormColumn[],
  confirmed: Record<string, string | null> = {},
  formUnit = 'triệu đồng',
): ResubmissionDiff {
  const a = requestedByProject(before, form, confirmed, formUnit);
  const b = requestedByProject(after, form, confirmed, formUnit);
  const ra = refs(before);
  const rb = refs(after);
  // their requested figures break ties between projects of the same name
  const figures = new Map<ProjectRef, number[]>();
  for (const r of ra) figures.set(r, a.get(r.row.id.slice(before.id.length + 1)) ?? []);
  for (const r of rb) figures.set(r, b.get(r.row.id.slice(after.id.length + 1)) ?? []);
  const m = matchProjects(ra, rb, {}, { ids: false, figures });
  const byId = (sub: Submission) => new Map(sub.projects.map((p) => [entryKey(sub.id, p.id), p]));
  const pa = byId(before);
  const pb = byId(after);
  const changes: ProjectChange[] = [];
  const matched = m.matched
    .sort((x, y) => x.b.index - y.b.index)
    .map((x) => {
      const p = pa.get(x.a.row.id)!;
      const q = pb.get(x.b.row.id)!;
      const va = a.get(p.id)!;
      const vb = b.get(q.id)!;
      form.forEach((column, j) => {
        if (!amountsEqual(va[j], vb[j]))
          changes.push({ project: q, column, before: va[j], after: vb[j] });
      });
      const spelling = nameChange(x.a.name, x.b.name);
      return {
        before: p,
        after: q,
        renamed: spelling === 'renamed',
        respelled: spelling === 'respelled',
        doubtful: x.doubtful,
      };
    });
  return {
    unit: after.provenance.unit,
    before: before.id,
    after: after.id,
    matched,
    added: m.added.map((r) => pb.get(r.row.id)!),
    removed: m.removed.map((r) => pa.get(r.row.id)!),
    changes,
    totals: { before: total(a), after: total(b) },
  };
}

/**
 * The consolidation with `after` in force for its unit: proposals of matched projects kept where
 * the requested figure did not change, resolutions of matched projects re-keyed.
 */
export function applyResubmission(
  c: Consolidation,
  unitKey: string,
  diff: ResubmissionDiff,
  requested: { before: Map<string, number[]>; after: Map<string, number[]> },
): Consolidation {
  const proposed = { ...c.proposed };
  const rekey = new Map<string, string>();
  for (const m of diff.matched) {
    const from = entryKey(diff.before, m.before.id);
    const to = entryKey(diff.after, m.after.id);
    rekey.set(from, to);
    const own = c.proposed[from];
    if (!own) continue;
    const ra = requested.before.get(m.before.id) ?? [];
    const rb = requested.after.get(m.after.id) ?? [];
    const kept: Record<string, number> = {};
    c.form.columns.forEach((f, j) => {
      if (Object.hasOwn(own, f.id) && amountsEqual(ra[j] ?? 0, rb[j] ?? 0)) kept[f.id] = own[f.id];
    });
    if (Object.keys(kept).length) proposed[to] = kept;
  }
  const resolutions = { ...c.resolutions };
  for (const [k, r] of Object.entries(c.resolutions)) {
    const [x, y] = k.split('|');
    if (!rekey.has(x) && !rekey.has(y)) continue;
    const nx = rekey.get(x) ?? x;
    const ny = rekey.get(y) ?? y;
    const moved =
      r.kind === 'keep' ? { kind: 'keep' as const, keep: rekey.get(r.keep) ?? r.keep } : r;
    resolutions[pairKey(nx, ny)] = moved;
  }
  return { ...c, current: { ...c.current, [unitKey]: diff.after }, proposed, resolutions };
}
