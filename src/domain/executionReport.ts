/**
 * A disbursement report as read from a file (the Treasury's or a unit's), and matching its lines
 * to the projects of a year's tracking: by project code, else by name and lead unit with the
 * project matching of match.ts (never by position); lines the user paired before keep their pair;
 * the rest are listed for the user to pair.
 */
import { type AnnualPlan, type ExecProject, normaliseCode } from './execution';
import type { ColumnMeaning, Measure, Part } from './executionColumns';
import { type IsoDate, nameLeadKey } from './executionText';
import { cutShort, FreeIndex, nameFit } from './executionFree';
import { type Match, matchProjects, normaliseName, projectRefs, type ProjectRef } from './match';
import type { AppendixSheet } from './types';

/** One line of a report: its identity and its figures (in the report's unit). */
export interface ReportLine {
  /** Input line (1-based) in the file. */
  line: number;
  kind: 'project' | 'section' | 'total';
  level: number;
  name: string;
  lead: string;
  code: string;
  /** Figures by `measure:part` → source ('' for a total over the sources). */
  figures: Record<string, Record<string, number>>;
}

/** A column of the report and what it was read as. */
export interface ReportColumn {
  path: string[];
  meaning: ColumnMeaning;
}

/** One table of a report file. */
export interface ReportSheet {
  name: string;
  title: string;
  columns: ReportColumn[];
  lines: ReportLine[];
}

/** A report file as read: year, period end and unit found in its texts, its tables. */
export interface ReportReading {
  file: string;
  year: number | null;
  asOf: IsoDate | null;
  kind: 'month' | 'quarter';
  /** The unit as printed (`triệu đồng`) and its scale to đồng (null: not stated). */
  unit: string;
  scale: number | null;
  sheets: ReportSheet[];
  warnings: string[];
}

/** The key of a figure in `ReportLine.figures`. */
export const figureKey = (measure: Measure, part: Part): string => `${measure}:${part}`;

/** The key under which a user's pairing of a report line is remembered. */
export function reportLineKey(l: Pick<ReportLine, 'code' | 'name' | 'lead'>): string {
  const code = normaliseCode(l.code);
  return code ? `code:${code}` : `name:${normaliseName(l.name)}|${normaliseName(l.lead)}`;
}

export interface LineMatch {
  line: ReportLine;
  projectId: string;
  by: 'code' | 'user' | Match['by'];
  /** A pair the user should confirm (a close runner-up, duplicates, a plan figure that differs). */
  doubtful: boolean;
}

/** What pairing reads of a tracking: its projects, the user's pairs, each line's year plan. */
export type MatchPlan = Pick<AnnualPlan, 'projects' | 'pairs'> & {
  lines: readonly Pick<AnnualPlan['lines'][number], 'projectId' | 'plan'>[];
};

export interface ReportMatch {
  matched: LineMatch[];
  /** Lines of projects that could not be paired. */
  unmatched: ReportLine[];
  /** Lines the user marked as not in the plan. */
  dismissed: ReportLine[];
}

/** A flat sheet of named projects, for the project matching of match.ts. */
function flatSheet(id: string, rows: { id: string; name: string; lead: string }[]): AppendixSheet {
  return {
    kind: 'appendix',
    id,
    name: id,
    title: '',
    columns: [],
    rows: rows.map((r) => ({
      id: r.id,
      kind: 'project',
      level: 0,
      cells: { name: r.name, lead: r.lead },
    })),
  };
}

/** Projects by name and unit (`leads`) or name alone, per projects list (one index per tracking). */
const KEYS = new WeakMap<readonly ExecProject[], Map<boolean, Map<string, string[]>>>();

/** The project ids of each normalised `name|lead` key (lead '' without `leads`), built once. */
function projectKeys(projects: readonly ExecProject[], leads: boolean): Map<string, string[]> {
  let byLeads = KEYS.get(projects);
  if (!byLeads) KEYS.set(projects, (byLeads = new Map()));
  let index = byLeads.get(leads);
  if (!index) {
    index = new Map();
    for (const p of projects) {
      const k = `${normaliseName(p.name)}|${leads ? normaliseName(p.lead) : ''}`;
      const ids = index.get(k);
      if (ids) ids.push(p.id);
      else index.set(k, [p.id]);
    }
    byLeads.set(leads, index);
  }
  return index;
}

/** The lines of a sheet that may be projects (project rows, and any row with a code). */
export function candidateLines(sheet: ReportSheet): ReportLine[] {
  return sheet.lines.filter((l) => l.kind === 'project' || (l.kind === 'section' && !!l.code));
}

/**
 * Pairs a report's lines with the tracking's projects: the user's pairs, then equal codes, then
 * name + lead unit (exact, then similar) for the rest; a similar pair whose two sides carry different
 * codes is refused. Section lines take part only through a code or an exact name.
 */
export function matchReport(plan: MatchPlan, sheet: ReportSheet, factor = 1): ReportMatch {
  const matched: LineMatch[] = [];
  const dismissed: ReportLine[] = [];
  const free = new Map(plan.projects.map((p) => [p.id, p]));
  const byCode = new Map<string, ExecProject[]>();
  for (const p of plan.projects) {
    const c = normaliseCode(p.code);
    if (!c) continue;
    const list = byCode.get(c);
    if (list) list.push(p);
    else byCode.set(c, [p]);
  }
  let rest: ReportLine[] = [];
  const sections: ReportLine[] = [];
  const anyPairs = Object.keys(plan.pairs).length > 0;
  for (const line of sheet.lines) {
    if (line.kind === 'total') continue;
    const pairKey = anyPairs ? reportLineKey(line) : '';
    const paired = anyPairs && Object.hasOwn(plan.pairs, pairKey) ? plan.pairs[pairKey] : undefined;
    if (paired === '') {
      dismissed.push(line);
      continue;
    }
    if (paired !== undefined && free.has(paired)) {
      matched.push({ line, projectId: paired, by: 'user', doubtful: false });
      free.delete(paired);
      continue;
    }
    const code = normaliseCode(line.code);
    const byThisCode = code ? (byCode.get(code) ?? []).filter((p) => free.has(p.id)) : [];
    if (byThisCode.length) {
      const p = byThisCode[0];
      matched.push({ line, projectId: p.id, by: 'code', doubtful: byThisCode.length > 1 });
      free.delete(p.id);
      continue;
    }
    if (line.kind === 'project') rest.push(line);
    else sections.push(line);
  }
  // a report without investors is matched on names alone
  const leads = sheet.lines.some((l) => l.lead.trim());
  // the few lead units normalised once each
  const leadKeys = new Map<string, string>();
  const leadKey = (lead: string) => {
    let k = leadKeys.get(lead);
    if (k === undefined) leadKeys.set(lead, (k = normaliseName(lead)));
    return k;
  };
  const keyOf = (name: string, lead: string) =>
    `${normaliseName(name)}|${leads ? leadKey(lead) : ''}`;
  // the same name and unit on one line and one free project only: paired at once (most of a report)
  const planKeys = projectKeys(plan.projects, leads);
  const keys = rest.map((l) => keyOf(l.name, l.lead));
  const lineKeys = new Map<string, number>();
  for (const k of keys) lineKeys.set(k, (lineKeys.get(k) ?? 0) + 1);
  const exact = new Set<ReportLine>();
  for (const [i, l] of rest.entries()) {
    const k = keys[i];
    if (lineKeys.get(k) !== 1) continue;
    const ids = planKeys.get(k)?.filter((id) => free.has(id)) ?? [];
    if (ids.length !== 1) continue;
    const id = ids[0];
    const p = free.get(id)!;
    if (normaliseCode(l.code) && normaliseCode(p.code)) continue; // codes differ (else paired above)
    matched.push({ line: l, projectId: id, by: 'key', doubtful: false });
    free.delete(id);
    exact.add(l);
  }
  // a name the report marks as cut short (`…`) that begins one free project's name alone is that
  // project, before names merely alike (a cut name is alike to its neighbours: `… năm 2012 …`)
  const index = new FreeIndex(free);
  for (const l of rest) {
    if (!cutShort(l.name)) continue;
    const p = nameFit(index, l, leads);
    if (!p) continue;
    matched.push({ line: l, projectId: p.id, by: 'similar', doubtful: true });
    free.delete(p.id);
    exact.add(l);
  }
  rest = rest.filter((l) => !exact.has(l));
  const left = [...free.values()];
  const a = projectRefs(
    flatSheet(
      'plan',
      left.map((p) => ({ id: `p:${p.id}`, name: p.name, lead: leads ? p.lead : '' })),
    ),
  );
  const b = projectRefs(
    flatSheet(
      'report',
      rest.map((l, i) => ({ id: `l:${i}`, name: l.name, lead: l.lead })),
    ),
  );
  // the year's plan a line states, beside the tracking's: a tie-breaker between similar names
  const planned = new Map<string, number>();
  for (const l of plan.lines) planned.set(l.projectId, (planned.get(l.projectId) ?? 0) + l.plan);
  const stated = rest.map((l) => {
    const f = l.figures[figureKey('plan', 'all')];
    return f ? (f[''] ?? Object.values(f).reduce((x, y) => x + y, 0)) * factor : null;
  });
  const figures = stated.some((v) => v !== null)
    ? new Map<ProjectRef, number[]>([
        ...a.map((r) => [r, [planned.get(r.row.id.slice(2)) ?? 0]] as [ProjectRef, number[]]),
        ...b.flatMap((r) => {
          const v = stated[Number(r.row.id.slice(2))];
          return v === null ? [] : [[r, [v]] as [ProjectRef, number[]]];
        }),
      ])
    : undefined;
  const m = matchProjects(a, b, {}, { ids: false, figures });
  const taken = new Set<number>();
  for (const x of m.matched) {
    const i = Number(x.b.row.id.slice(2));
    const line = rest[i];
    const p = free.get(x.a.row.id.slice(2))!;
    const codes = normaliseCode(line.code) && normaliseCode(p.code);
    if (codes && normaliseCode(line.code) !== normaliseCode(p.code)) continue;
    matched.push({ line, projectId: p.id, by: x.by, doubtful: x.doubtful || x.ambiguous });
    free.delete(p.id);
    taken.add(i);
  }
  // a name cut short in the report (`Tập huấn CIO…` for `Tập huấn CIO… (khoảng 200 HV…)`), or
  // lengthened, under the same unit: paired when one project alone fits, and left to confirm
  rest.forEach((line, i) => {
    if (taken.has(i)) return;
    const p = nameFit(index, line, leads);
    if (!p) return;
    matched.push({ line, projectId: p.id, by: 'similar', doubtful: true });
    free.delete(p.id);
    taken.add(i);
  });
  // a section line with exactly a free project's name and unit is that project (its rows below
  // are its parts)
  for (const line of sections) {
    const p = index.byKey(nameLeadKey(line.name, line.lead));
    if (!p) continue;
    matched.push({ line, projectId: p.id, by: 'key', doubtful: false });
    free.delete(p.id);
  }
  const unmatched = rest.filter((_, i) => !taken.has(i));
  matched.sort((x, y) => x.line.line - y.line.line);
  return { matched, unmatched, dismissed };
}

/** The sheet of a report whose lines pair with most projects (ties: the first). */
export function bestSheet(
  plan: MatchPlan,
  r: ReportReading,
  factor = 1,
): { sheet: ReportSheet; match: ReportMatch } | null {
  let best: { sheet: ReportSheet; match: ReportMatch } | null = null;
  for (const sheet of r.sheets) {
    if (!sheet.columns.some((c) => ['ytd', 'inPeriod', 'sinceStart'].includes(c.meaning.measure)))
      continue;
    const match = matchReport(plan, sheet, factor);
    if (!best || match.matched.length > best.match.matched.length) best = { sheet, match };
  }
  return best;
}
