/**
 * Pairing disbursement reports with the year's plan, measured: from the seed's appendix (its 2013
 * plan) and every audited table of the corpus (a project or unit list, its first figure as the
 * year's plan), reports built as treasuries and departments send them (executionReports.ts), each
 * variation alone and all at once, are read, paired and recorded as the app does; every line must
 * be paired with the project it came from, lines outside the plan left unpaired and listed, and
 * every rate (disbursed / plan, in the plan's unit) right within `RATE_TOLERANCE`, or the unit
 * flagged. Used by `scripts/audit/execution-pairs.ts` and its test.
 */
import '../../io/sheetJsEager'; // reads here cannot wait for SheetJS to load
import { readdirSync, readFileSync } from 'node:fs';
import { type AnnualPlan, annualPlanFrom, type ExecProject } from '../../domain/execution';
import { applyReport } from '../../domain/executionApply';
import { executionFigures } from '../../domain/executionFigures';
import { pairingInput, prematch } from '../../domain/executionPrematch';
import { nameLeadKey, unitScale } from '../../domain/executionText';
import { readGrids } from '../../io/readPlan';
import { readReportGrids } from '../../io/report/readReport';
import { gridsFromWorkbook } from '../../io/sheets';
import type { PlanReading } from '../../io/readPlan';
import { BASE_SHAPE, type ReportItem, type ReportShape, reportGrid } from './executionReports';
import { itemsOf, type PlanTable, VARIATIONS } from './executionVariations';

export { VARIATIONS };

/** A rate is right when within 0.05 percentage point of disbursed / plan. */
export const RATE_TOLERANCE = 0.0005;

/** The year the audit's plans and reports are of (the seed's plan has figures for it). */
export const YEAR = 2013;

/** What went wrong when one report of a table was read, paired and recorded. */
export interface ExecDefects {
  table: string;
  variation: string;
  lines: number;
  /** Lines paired with another project than theirs. */
  mispaired: string[];
  /** Lines of the plan's projects left for the user to pair. */
  unpaired: string[];
  /** Lines read as nothing (neither paired nor listed to pair), outside lines included. */
  missed: string[];
  /** Pairs of lines outside the plan, or of lines that are no project (titles, subtotals). */
  invented: string[];
  /** Lines listed to pair that are no project (a subtotal, a signature). */
  noise: string[];
  /** Projects whose rate is wrong and not flagged. */
  wrongRates: string[];
  /** Projects whose rate is wrong but the pairing said why (its unit). */
  flagged: string[];
  /** The unit notes of the pairing (`inferred`, `contradicted`, `doubt`). */
  unitNotes: string[];
}

const BREAKDOWN = /^\s*(trong đó|tỷ lệ|[-–+•*]\s)/iu;

/** A plan built from a read table: its project rows, the first figure of each as the year's plan. */
function tablePlan(reading: PlanReading): AnnualPlan {
  const projects: ExecProject[] = [];
  const lines: AnnualPlan['lines'] = [];
  const seen = new Set<string>();
  for (const s of reading.workbook.sheets) {
    const figureLeaves = s.columns.length ? leafIds(s.columns) : [];
    for (const r of s.rows) {
      const name = String(r.cells.name ?? '').trim();
      const lead = String(r.cells.lead ?? '').trim();
      if (r.kind !== 'project' || !name || seen.has(nameLeadKey(name, lead))) continue;
      // a breakdown (`Trong đó: - Học phí`) or a ratio line of a budget table: no project or unit
      if (BREAKDOWN.test(name)) continue;
      const v = figureLeaves.map((id) => r.cells[id]).find((x) => typeof x === 'number' && x > 0);
      if (typeof v !== 'number') continue;
      seen.add(nameLeadKey(name, lead));
      const id = `${s.id}:${r.id}`;
      projects.push({ id, name, lead, code: '', path: [] });
      lines.push({
        projectId: id,
        source: '',
        plan: v,
        carry: 0,
        priorAllocated: 0,
        priorDisbursed: 0,
      });
    }
  }
  const unit = unitScale(reading.workbook.meta.unit ?? '')
    ? reading.workbook.meta.unit!
    : 'triệu đồng';
  return {
    id: 'audit',
    year: YEAR,
    title: '',
    unit,
    basedOn: { title: '' },
    sources: [''],
    projects,
    lines,
    periods: [],
    disbursed: {},
    targets: [],
    pairs: {},
    createdAt: 0,
    updatedAt: 0,
  };
}

type Nodes = PlanReading['workbook']['sheets'][number]['columns'];
function leafIds(nodes: Nodes): string[] {
  return nodes.flatMap((n) =>
    n.kind === 'leaf'
      ? ['amount', 'stated', 'value', 'rowTotal'].includes(n.role)
        ? [n.id]
        : []
      : leafIds(n.children),
  );
}

/** The plans measured: the seed's appendix (its 2013 plan), then every audited corpus table. */
export function executionTables(): PlanTable[] {
  const out: PlanTable[] = [];
  const seed = readGrids(
    'seed',
    gridsFromWorkbook(readFileSync('fixtures/quang-tri-2011-2015-appendix.xls')),
  );
  out.push({
    table: 'seed 004 appendix',
    plan: annualPlanFrom(seed.workbook, YEAR, { now: 0, id: 'seed' }),
  });
  for (const f of readdirSync('fixtures/audits').filter((x) => x.endsWith('.json'))) {
    const audit = JSON.parse(readFileSync(`fixtures/audits/${f}`, 'utf8'));
    const grids = gridsFromWorkbook(readFileSync(`fixtures/mof/${audit.file}`));
    for (const s of audit.sheets as { sheet: string; table: boolean }[]) {
      const grid = grids.find((g) => g.name === s.sheet);
      if (!s.table || !grid) continue;
      const plan = tablePlan(readGrids(audit.file, [grid]));
      if (plan.projects.length >= 2) out.push({ table: `${audit.file} ${s.sheet}`, plan });
    }
  }
  return out;
}

/** Reads, pairs and records one report in a tracking: the tracking after, the pairing, the lines. */
function record(plan: AnnualPlan, items: ReportItem[], shape: ReportShape, end: string) {
  const scale = unitScale(plan.unit) ?? 1e6;
  const { grid, itemAt } = reportGrid(items, shape, plan.year, end, scale);
  const reading = readReportGrids('bao-cao.xlsx', [grid], plan.year);
  const pre = prematch(pairingInput(plan), reading);
  const after = pre
    ? applyReport(plan, pre.match.matched, {
        end: reading.asOf ?? end,
        kind: reading.kind,
        factor: pre.factor,
      }).plan
    : plan;
  return { after, pre, itemAt, reading };
}

/** The defects of one variation of one table's report. */
export function reportDefects(t: PlanTable, variation: string): ExecDefects {
  const v = VARIATIONS.find((x) => x[0] === variation)!;
  const [, partial, opts] = v;
  const plan: AnnualPlan = opts?.planCodes
    ? { ...t.plan, projects: t.plan.projects.map((p, i) => ({ ...p, code: codeOf(i) })) }
    : t.plan;
  const shape: ReportShape = { ...BASE_SHAPE, ...partial(t, plan) };
  // a project is listed once per source only under source sections
  const items = itemsOf(plan, codeOf, shape.order !== 'bySource');
  let tracking = plan;
  if (shape.figures === 'inPeriod') {
    // in-period figures add to the month before: that month's cumulative report recorded first
    const may = items.map((it) => ({ ...it, ytd: it.before, before: 0 }));
    tracking = record(plan, may, BASE_SHAPE, `${YEAR}-05-31`).after;
  }
  const { after, pre, itemAt } = record(tracking, items, shape, `${YEAR}-06-30`);
  const out: ExecDefects = {
    table: t.table,
    variation,
    lines: itemAt.size,
    mispaired: [],
    unpaired: [],
    missed: [],
    invented: [],
    noise: [],
    wrongRates: [],
    flagged: [],
    unitNotes: [],
  };
  const seen = new Set<number>();
  for (const m of pre?.match.matched ?? []) {
    const it = itemAt.get(m.line.line);
    seen.add(m.line.line);
    if (!it || !it.id) out.invented.push(`${m.line.name} → ${m.projectId}`);
    else if (it.id !== m.projectId) out.mispaired.push(`${m.line.name} → ${m.projectId}`);
  }
  for (const l of pre?.match.unmatched ?? []) {
    const it = itemAt.get(l.line);
    seen.add(l.line);
    if (!it) out.noise.push(l.name);
    else if (it.id) out.unpaired.push(l.name);
  }
  const merged = new Set(after.projects.map((p) => p.id));
  for (const [line, it] of itemAt) {
    if (seen.has(line)) continue;
    // a project listed once per source is one line of the reading (the first)
    if (it.id && merged.has(it.id) && [...seen].some((l) => itemAt.get(l)?.id === it.id)) continue;
    out.missed.push(`line ${line}: ${it.name}`);
  }
  // a project left out of the report keeps the month before's figure (in-period), else none
  const before = shape.figures === 'inPeriod';
  const truth = new Map<string, { plan: number; ytd: number }>();
  for (const it of items) {
    if (!it.id) continue;
    const gone = shape.missing.includes(it.id);
    const x = truth.get(it.id) ?? { plan: 0, ytd: 0 };
    truth.set(it.id, {
      plan: x.plan + it.plan,
      ytd: x.ytd + (gone ? (before ? it.before : 0) : it.ytd),
    });
  }
  const unitNote = !!pre?.unit;
  if (pre?.unit) out.unitNotes.push(pre.unit.kind);
  const paired = new Set(pre?.match.matched.map((m) => m.projectId));
  for (const f of executionFigures(after).projects) {
    const want = truth.get(f.project.id);
    const gone = shape.missing.includes(f.project.id);
    if (!want || (!gone && !paired.has(f.project.id))) continue;
    const expected = want && want.plan ? want.ytd / want.plan : 0;
    if (Math.abs((f.rate ?? 0) - expected) <= RATE_TOLERANCE) continue;
    const what = `${f.project.name.slice(0, 40)}: ${(f.rate ?? 0).toFixed(4)} ≠ ${expected.toFixed(4)}`;
    (unitNote ? out.flagged : out.wrongRates).push(what);
  }
  return out;
}

/** A 7-digit project code (mã dự án) for the i-th project of a plan. */
export const codeOf = (i: number): string => String(7_100_000 + i * 13);
