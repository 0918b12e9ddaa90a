/**
 * A year's tracking started from an approved plan: every project of every appendix sheet (one
 * project listed under several source sections is one), and per capital source its allocation for
 * the year, carry-over, cumulative allocation and prior disbursement read from the plan's columns.
 */
import { appendAll } from './arrays';
import type { AnnualPlan, ExecLine, ExecProject, TargetPoint } from './execution';
import { leafPaths, planLeafMeaning } from './executionColumns';
import { codeIn, normaliseCode, projectIdentity, sectionSource } from './executionText';
import { clean } from './numbers';
import type { AppendixSheet, Id, Row, Workbook } from './types';

/** The usual target curve: 60 % by 30/9 of N and 95 % by 31/1 of N+1. */
export function defaultTargets(year: number): TargetPoint[] {
  return [
    { date: `${year}-09-30`, rate: 0.6 },
    { date: `${year + 1}-01-31`, rate: 0.95 },
  ];
}

/** How the plan's cells are read: typed numbers by default, or the engine's computed values. */
export type PlanValue = (sheetId: Id, rowIndex: number, colId: Id) => number | null;

const typed =
  (wb: Workbook): PlanValue =>
  (sheetId, i, colId) => {
    const v = wb.sheets.find((s) => s.id === sheetId)?.rows[i]?.cells[colId];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };

/** How a tracking starts from a plan: how cells are read, codes kept outside them, ids. */
export interface StartOptions {
  value?: PlanValue;
  /** Project codes the file holds outside the plan's cells (sheet id, row id → code). */
  codeOf?: (sheetId: Id, rowId: Id) => string;
  basedOn?: AnnualPlan['basedOn'];
  id?: Id;
  now?: number;
}

/** Sums of one measure per source ('' for a figure stated for all sources). */
type BySource = Map<string, number>;

const add = (m: BySource, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** Splits figures by source: sources as given, a total's remainder over them as source ''. */
function bySourceWithRest(m: BySource): BySource {
  const total = m.get('');
  if (total === undefined || m.size === 1) return m;
  const out = new Map([...m].filter(([k]) => k !== ''));
  let sum = 0;
  for (const v of out.values()) sum += v;
  if (total - sum > 1e-6 * Math.max(1, Math.abs(total))) out.set('', total - sum);
  return out;
}

/**
 * A figure stated for all sources (key '') shared over the sources `weights` names, in proportion to
 * them (the plan's split of the year); unchanged when there are no such sources.
 */
function spread(m: BySource, weights: BySource): BySource {
  const all = m.get('');
  const keys = [...weights.keys()].filter((k) => k && (weights.get(k) ?? 0) > 0);
  if (all === undefined || !keys.length) return m;
  const out = new Map([...m].filter(([k]) => k !== ''));
  const sum = keys.reduce((a, k) => a + weights.get(k)!, 0);
  for (const k of keys) add(out, k, clean((all * weights.get(k)!) / sum));
  return out;
}

function sheetProjects(
  wb: Workbook,
  sheet: AppendixSheet,
  year: number,
  value: PlanValue,
  codeOf: StartOptions['codeOf'],
  idOf: (row: Row) => Id,
): { projects: ExecProject[]; lines: ExecLine[] } {
  const meanings = leafPaths(sheet.columns).map((lp) => ({
    leaf: lp.leaf,
    m: planLeafMeaning(lp, year),
  }));
  const codeLeaf = meanings.find((x) => x.m.measure === 'code')?.leaf;
  const projects: ExecProject[] = [];
  const lines: ExecLine[] = [];
  const stack: { level: number; label: string; source: string | null }[] = [];
  // a project listed once per source section (`A. VỐN NSTW`, `B. VỐN NSĐP`) is one project
  const seen = new Map<string, { id: Id; sources: Set<string> }>();
  sheet.rows.forEach((row, i) => {
    while (stack.length && stack[stack.length - 1].level >= row.level) stack.pop();
    if (row.kind === 'section') {
      const tt = String(row.cells.tt ?? '').trim();
      const name = String(row.cells.name ?? '').trim();
      const source = sectionSource(name);
      stack.push({ level: row.level, label: tt && name ? `${tt}. ${name}` : name || tt, source });
    }
    if (row.kind !== 'project' || row.part) return;
    const name = String(row.cells.name ?? '').trim();
    const lead = String(row.cells.lead ?? '').trim();
    const code =
      normaliseCode(codeOf?.(sheet.id, row.id) ?? (codeLeaf ? row.cells[codeLeaf.id] : '')) ||
      codeIn(name);
    const under = [...stack].reverse().find((x) => x.source)?.source ?? null;
    const identity = projectIdentity(code, name, lead);
    const twin = under ? seen.get(identity) : undefined;
    const id = twin && !twin.sources.has(under!) ? twin.id : idOf(row);
    if (id !== twin?.id) {
      projects.push({
        id,
        name,
        lead,
        code,
        path: stack.filter((x) => !x.source).map((s) => s.label),
      });
      if (under) seen.set(identity, { id, sources: new Set([under]) });
    } else twin.sources.add(under!);
    const plan: BySource = new Map();
    const carry: BySource = new Map();
    const prior: BySource = new Map();
    const disbursed: BySource = new Map();
    let priorThrough: number | null = null;
    let other = '';
    const years = new Map<number, BySource>();
    for (const { leaf, m } of meanings) {
      const v = value(sheet.id, i, leaf.id);
      if (v === null) continue;
      const src = m.source ?? '';
      if (m.measure === 'plan') add(plan, src, v);
      else if (m.measure === 'carry') add(carry, src, v);
      else if (m.measure === 'priorDisbursed') add(disbursed, src, v);
      else if (m.measure === 'priorAllocated') {
        add(prior, src, v);
        if (m.year) priorThrough = Math.max(priorThrough ?? 0, m.year);
      } else if (m.measure === 'yearAllocation' && src && !other) other = src;
      if (m.measure === 'yearAllocation' && m.year && m.year < year) {
        const y = years.get(m.year) ?? new Map();
        add(y, src, v);
        years.set(m.year, y);
      }
    }
    // earlier years of the plan count in the cumulative allocation (after a stated cumulative)
    const earlier: BySource = new Map();
    for (const [y, m] of years)
      if (priorThrough === null || y > priorThrough) for (const [k, v] of m) add(earlier, k, v);
    const planBy = bySourceWithRest(plan);
    const weights = [...planBy.keys()].some((k) => k) ? planBy : earlier;
    const priorAll = spread(bySourceWithRest(prior), weights);
    for (const [k, v] of earlier) add(priorAll, k, v);
    // under a source section, the project's figures are that source's
    const own = (m: BySource): BySource =>
      under && m.size ? new Map([[under, [...m.values()].reduce((a, b) => a + b, 0)]]) : m;
    const parts = [
      own(planBy),
      own(spread(bySourceWithRest(carry), weights)),
      own(priorAll),
      own(spread(bySourceWithRest(disbursed), weights)),
    ];
    const sources = new Set(parts.flatMap((p) => [...p.keys()]));
    // a project without figures for the year follows its other years' source, else the plan's first
    if (!sources.size) sources.add(other || (wb.meta.sources[0]?.code ?? ''));
    for (const source of sources)
      lines.push({
        projectId: id,
        source,
        plan: parts[0].get(source) ?? 0,
        carry: parts[1].get(source) ?? 0,
        priorAllocated: parts[2].get(source) ?? 0,
        priorDisbursed: parts[3].get(source) ?? 0,
      });
  });
  return { projects, lines };
}

/**
 * Starts a year's tracking from a plan: every project of every appendix sheet, per source its
 * allocation for `year`, the cumulative allocation of the earlier years (a stated cumulative column
 * plus the plan's year columns after it), and the carry-over and prior disbursement where the plan
 * states them. Periods start empty; the target curve is the usual one.
 */
export function annualPlanFrom(wb: Workbook, year: number, o: StartOptions = {}): AnnualPlan {
  const value = o.value ?? typed(wb);
  const seen = new Map<Id, number>();
  for (const s of wb.sheets) for (const r of s.rows) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
  const projects: ExecProject[] = [];
  const lines: ExecLine[] = [];
  for (const sheet of wb.sheets) {
    const idOf = (row: Row) => ((seen.get(row.id) ?? 0) > 1 ? `${sheet.id}:${row.id}` : row.id);
    const r = sheetProjects(wb, sheet, year, value, o.codeOf, idOf);
    appendAll(projects, r.projects);
    appendAll(lines, r.lines);
  }
  const order = wb.meta.sources.map((s) => s.code);
  const sources = [...new Set(lines.map((l) => l.source))].sort(
    (a, b) => rank(order, a) - rank(order, b),
  );
  const now = o.now ?? Date.now();
  return {
    id: o.id ?? `e${now}`,
    year,
    title: wb.meta.title,
    unit: wb.meta.unit,
    basedOn: o.basedOn ?? { workbookId: wb.id, title: wb.meta.title },
    sources,
    projects,
    lines,
    periods: [],
    disbursed: {},
    targets: defaultTargets(year),
    pairs: {},
    createdAt: now,
    updatedAt: now,
  };
}

function rank(order: string[], s: string): number {
  const i = order.indexOf(s);
  return s === '' ? 1e6 : i < 0 ? 1e5 : i;
}
