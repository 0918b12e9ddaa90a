/**
 * The consolidated appendix: the projects of each unit's submission in force, their columns mapped
 * onto the form's, under the form's sections (each with a subtotal per unit) or under their units;
 * duplicates flagged and resolved as the consolidator chose; two figures per amount, the requested
 * (from the submission, read-only) and the proposed (starting equal); subtotals and totals.
 */
import { findDuplicates, type DuplicatePair } from './consolidateDuplicates';
import { type Entry, entriesOf } from './consolidateEntries';
import { addFilled, blankFilled, type Filled } from './consolidateFilled';
import { OTHER_SECTION } from './consolidateSections';
import type {
  ColumnMapping,
  Consolidation,
  FormColumn,
  FormSection,
  Resolution,
  Submission,
  SubmittedProject,
} from './consolidateTypes';
import { clean } from './numbers';
import { toRoman } from './rows';

export { type Entry, entriesOf, entryKey, unitKey } from './consolidateEntries';
export { addFilled, blankFilled, type Filled, isBlank, isBlankRow } from './consolidateFilled';

export interface ConsolidatedRow {
  kind: 'section' | 'unit' | 'project';
  level: number;
  /** Entry key for a project, `s:<section id>`, `u:<unit key>` or `s:<id>/u:<unit key>` for groups. */
  key: string;
  number: string;
  name: string;
  /** Submitting unit(s). */
  unit: string;
  lead: string;
  requested: number[];
  proposed: number[];
  /** Entries a project row stands for (two or more when merged). */
  entries?: string[];
  /** Keys of the unresolved duplicate pairs of this project. */
  duplicates?: string[];
  /** The units' notes (_Ghi chú_) of the entries it stands for, joined; absent when none. */
  note?: string;
  /** Which of its figures someone filled (absent: all of them); a blank one shows blank, not 0. */
  filled?: Filled;
}

/** Figures of a group (a unit, a section, the whole). */
export interface Figures {
  requested: number[];
  proposed: number[];
  projects: number;
  /** Which figures are filled (absent: all). */
  filled?: Filled;
}

export interface ConsolidatedTable {
  columns: FormColumn[];
  rows: ConsolidatedRow[];
  total: Figures;
  byUnit: (Figures & { unit: string; key: string })[];
  bySection: (Figures & { section: FormSection })[];
  duplicates: (DuplicatePair & { resolution: Resolution | null })[];
  entries: Map<string, Entry>;
  /** The mapping used for each submission in force. */
  mappings: Map<string, ColumnMapping>;
}

const add = (into: number[], from: readonly number[]) => {
  for (let j = 0; j < into.length; j++) into[j] += from[j];
};

function group(
  kind: 'section' | 'unit',
  level: number,
  key: string,
  number: string,
  name: string,
  n: number,
): ConsolidatedRow {
  const zeros = () => new Array<number>(n).fill(0);
  return {
    kind,
    level,
    key,
    number,
    name,
    unit: '',
    lead: '',
    requested: zeros(),
    proposed: zeros(),
    filled: blankFilled(n),
  };
}

/** Consolidates the submissions in force; `submissions` holds them by id. */
export function consolidate(
  c: Consolidation,
  submissions: ReadonlyMap<string, Submission>,
): ConsolidatedTable {
  const n = c.form.columns.length;
  const { entries, mappings } = entriesOf(c, submissions);
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const position = new Map(entries.map((e, i) => [e.key, i]));
  const pairs = findDuplicates(
    entries.map((e) => ({ key: e.key, unitKey: e.unitKey, name: e.project.name })),
  );
  const duplicates = pairs.map((p) => ({
    ...p,
    resolution: Object.hasOwn(c.resolutions, p.key) ? c.resolutions[p.key] : null,
  }));
  // resolutions: dropped entries and merged pairs (the first entry carries the other)
  const dropped = new Set<string>();
  const merged = new Map<string, string[]>();
  for (const d of duplicates) {
    const r = d.resolution;
    if (!r || r.kind === 'both') continue;
    if (r.kind === 'keep') dropped.add(r.keep === d.a ? d.b : d.a);
    else if (!dropped.has(d.a) && !dropped.has(d.b)) {
      const [first, second] = position.get(d.a)! <= position.get(d.b)! ? [d.a, d.b] : [d.b, d.a];
      merged.set(first, [...(merged.get(first) ?? [first]), second]);
      dropped.add(second);
    }
  }
  const open = new Map<string, string[]>();
  for (const d of duplicates)
    if (!d.resolution) for (const k of [d.a, d.b]) open.set(k, [...(open.get(k) ?? []), d.key]);
  const projectRow = (e: Entry, level: number): ConsolidatedRow => {
    const members = (merged.get(e.key) ?? [e.key]).map((k) => byKey.get(k)!);
    const requested = new Array<number>(n).fill(0);
    const filled = blankFilled(n);
    for (const m of members) {
      add(requested, m.requested);
      m.filled.forEach((f, j) => (filled.requested[j] ||= f));
    }
    const own = Object.hasOwn(c.proposed, e.key) ? c.proposed[e.key] : {};
    const proposed = requested.map((v, j) => {
      const id = c.form.columns[j].id;
      filled.proposed[j] = filled.requested[j] || Object.hasOwn(own, id);
      return Object.hasOwn(own, id) ? own[id] : v;
    });
    return {
      kind: 'project',
      level,
      key: e.key,
      number: '-',
      name: e.project.name,
      unit: [...new Set(members.map((m) => m.unit))].join('; '),
      lead: e.project.lead,
      requested: requested.map(clean),
      proposed,
      filled,
      ...(members.length > 1 ? { entries: members.map((m) => m.key) } : {}),
      ...(open.has(e.key) ? { duplicates: open.get(e.key) } : {}),
      ...unitNotes(members.map((m) => m.project)),
    };
  };
  const kept = entries.filter((e) => !dropped.has(e.key));
  const rows: ConsolidatedRow[] = [];
  const units = new Map<string, Figures & { unit: string; key: string }>();
  const sections = new Map<string, Figures & { section: FormSection }>();
  const total: Figures = {
    requested: new Array(n).fill(0),
    proposed: new Array(n).fill(0),
    projects: 0,
    filled: blankFilled(n),
  };
  const count = (into: Figures, r: ConsolidatedRow) => {
    add(into.requested, r.requested);
    add(into.proposed, r.proposed);
    if (into.filled) addFilled(into.filled, r.filled);
    into.projects++;
  };
  const unitFigures = (e: Entry) => {
    let u = units.get(e.unitKey);
    if (!u)
      units.set(
        e.unitKey,
        (u = {
          unit: e.unit,
          key: e.unitKey,
          requested: new Array(n).fill(0),
          proposed: new Array(n).fill(0),
          projects: 0,
          filled: blankFilled(n),
        }),
      );
    return u;
  };
  const place = (e: Entry, level: number, parents: ConsolidatedRow[]) => {
    const r = projectRow(e, level);
    rows.push(r);
    for (const p of parents) {
      add(p.requested, r.requested);
      add(p.proposed, r.proposed);
      if (p.filled) addFilled(p.filled, r.filled);
    }
    count(total, r);
    count(unitFigures(e), r);
    let s = sections.get(e.section.id);
    if (!s)
      sections.set(
        e.section.id,
        (s = {
          section: e.section,
          requested: new Array(n).fill(0),
          proposed: new Array(n).fill(0),
          projects: 0,
          filled: blankFilled(n),
        }),
      );
    count(s, r);
  };
  if (c.grouping === 'unit') {
    const byUnit = groupBy(kept, (e) => e.unitKey);
    let k = 0;
    for (const [uk, es] of byUnit) {
      const g = group('unit', 0, `u:${uk}`, toRoman(++k), es[0].unit, n);
      rows.push(g);
      for (const e of es) place(e, 1, [g]);
    }
  } else {
    const order = [...c.form.sections, OTHER_SECTION];
    const bySection = groupBy(kept, (e) => e.section.id);
    let k = 0;
    for (const s of order) {
      const es = bySection.get(s.id);
      if (!es) continue;
      const g = group('section', 0, `s:${s.id}`, toRoman(++k), s.name, n);
      rows.push(g);
      let m = 0;
      for (const [uk, ues] of groupBy(es, (e) => e.unitKey)) {
        const u = group('unit', 1, `s:${s.id}/u:${uk}`, String(++m), ues[0].unit, n);
        rows.push(u);
        for (const e of ues) place(e, 2, [g, u]);
      }
    }
  }
  for (const r of rows) {
    r.requested = r.requested.map(clean);
    r.proposed = r.proposed.map(clean);
  }
  return {
    columns: c.form.columns,
    rows,
    total: cleaned(total),
    byUnit: [...units.values()].map(cleaned),
    bySection: [...sections.values()].map(cleaned),
    duplicates,
    entries: byKey,
    mappings,
  };
}

function cleaned<T extends Figures>(f: T): T {
  return { ...f, requested: f.requested.map(clean), proposed: f.proposed.map(clean) };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(it);
  }
  return out;
}

/** Sum of a row of figures. */
export function sumOf(values: readonly number[]): number {
  return clean(values.reduce((s, v) => s + v, 0));
}

/** The notes the units wrote for the projects of one row (each once), `{}` when none. */
function unitNotes(projects: readonly SubmittedProject[]): { note?: string } {
  const note = [...new Set(projects.map((p) => p.note ?? '').filter(Boolean))].join('; ');
  return note ? { note } : {};
}
