/**
 * The variations of a disbursement report the execution-pairs audit measures (executionPairs.ts),
 * each alone and all at once, and the true figures of a plan's projects the reports state.
 */
import type { AnnualPlan } from '../../domain/execution';
import { normaliseName } from '../../domain/match';
import type { ReportItem, ReportShape } from './executionReports';

/** A plan measured, named after the table it was made from. */
export interface PlanTable {
  table: string;
  plan: AnnualPlan;
}

/** Words of a source section (`Vốn đầu tư phát triển`) for a tracking's source code. */
const SOURCE_WORDS: Record<string, string> = {
  ĐTPT: 'Vốn đầu tư phát triển',
  SN: 'Vốn sự nghiệp',
  '': 'Vốn ngân sách tỉnh',
};

/** A fraction in [0, 1) from a text (the same for the same text). */
function hash01(t: string): number {
  let h = 2166136261;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10007) / 10007;
}

/**
 * The report items of a plan: one per project and source with a plan for the year (a project of
 * two sources is two items), its year-to-date disbursement 10–90 % of the plan and the month
 * before's 60 % of it, whole numbers of the plan's unit.
 */
export function itemsOf(
  plan: AnnualPlan,
  codeOf: (i: number) => string,
  /** One item per project (its sources summed): a report without source sections. */
  byProject = false,
): ReportItem[] {
  const index = new Map(plan.projects.map((p, i) => [p.id, i]));
  const items = plan.lines
    .filter((l) => l.plan > 0)
    .map((l) => {
      const i = index.get(l.projectId)!;
      const p = plan.projects[i];
      const ytd = Math.round(l.plan * (0.1 + 0.8 * hash01(`${p.name}|${l.source}`)));
      return {
        id: p.id,
        name: p.name,
        lead: p.lead,
        code: p.code || codeOf(i),
        source: SOURCE_WORDS[l.source] ?? `Vốn ${l.source}`,
        plan: l.plan,
        ytd,
        before: Math.round(ytd * 0.6),
      };
    });
  if (!byProject) return items;
  const one = new Map<string, ReportItem>();
  for (const it of items) {
    const had = one.get(it.id);
    if (!had) one.set(it.id, { ...it });
    else
      Object.assign(had, {
        plan: had.plan + it.plan,
        ytd: had.ytd + it.ytd,
        before: had.before + it.before,
      });
  }
  return [...one.values()];
}

/** The project a report leaves out: the seed's `… cho 05 đơn vị cấp huyện`, else the second. */
function missingOne(plan: AnnualPlan): string[] {
  const withPlan = plan.projects.filter((p) =>
    plan.lines.some((l) => l.projectId === p.id && l.plan > 0),
  );
  const twin = withPlan.find((p) => /\b05 don vi cap huyen\b/.test(normaliseName(p.name)));
  return [(twin ?? withPlan[1] ?? withPlan[0]).id];
}

/** Options of a variation beyond the report's shape. */
export interface VariationOptions {
  /** The plan has project codes (a `Mã dự án` column). */
  planCodes?: boolean;
}

type Variation = [
  string,
  (t: PlanTable, plan: AnnualPlan) => Partial<ReportShape>,
  VariationOptions?,
];

const ALL: Partial<ReportShape> = {
  scale: 1,
  figures: 'both',
  code: true,
  names: 'abbreviated',
  order: 'byLead',
  outside: true,
  blocks: true,
  pageHeaders: true,
  subtotals: true,
  rate: true,
};

/** Every variation: its name, its shape, its options. */
export const VARIATIONS: readonly Variation[] = [
  ['plain', () => ({})],
  ['in đồng', () => ({ scale: 1 })],
  ['in tỷ đồng', () => ({ scale: 1e9 })],
  ['in đồng, unit not stated', () => ({ scale: 1, unitStated: false })],
  ['in đồng, stated triệu đồng', () => ({ scale: 1, statedScale: 1e6 })],
  ['in đồng, no unit nor plan column', () => ({ scale: 1, unitStated: false, planColumn: false })],
  ['in the month (trong kỳ)', () => ({ figures: 'inPeriod' })],
  ['in the period (trong kỳ), quarterly', () => ({ figures: 'inPeriod', periodWords: 'period' })],
  ['month and year to date', () => ({ figures: 'both' })],
  ['figures as text (csv)', () => ({ textFigures: true })],
  ['code column, plan coded', () => ({ code: true }), { planCodes: true }],
  ['code column, plan without codes', () => ({ code: true })],
  ['names abbreviated', () => ({ names: 'abbreviated' })],
  ['names written out', () => ({ names: 'writtenOut' })],
  ['names upper case', () => ({ names: 'upper' })],
  ['names NFD', () => ({ names: 'nfd' })],
  ['lead unit after the name', () => ({ names: 'leadFolded' })],
  ['lead unit before the name', () => ({ names: 'leadFirst' })],
  ['reversed', () => ({ order: 'reversed' })],
  ['grouped by lead unit', () => ({ order: 'byLead' })],
  ['grouped by source', () => ({ order: 'bySource' })],
  ['lines outside the plan', () => ({ outside: true })],
  ['a project missing', (_, p) => ({ missing: missingOne(p) })],
  ['title and signature blocks', () => ({ blocks: true })],
  ['headers at page breaks', () => ({ pageHeaders: true })],
  ['subtotals by unit', () => ({ subtotals: true })],
  ['rate column', () => ({ rate: true })],
  ['all at once, coded', (_, p) => ({ ...ALL, missing: missingOne(p) }), { planCodes: true }],
  [
    'all at once, no codes',
    (_, p) => ({ ...ALL, code: false, names: 'nfd', order: 'bySource', missing: missingOne(p) }),
  ],
  [
    'all at once, tỷ đồng',
    (_, p) => ({ ...ALL, scale: 1e9, figures: 'inPeriod', missing: missingOne(p) }),
  ],
];
