/**
 * The execution report as a form (the columns of circular 15/2021/TT-BTC): a total row, a block per
 * capital source, the plan's sections inside it, the project lines; per line the cumulative
 * allocation and disbursement to the end of N−1, the carry-over, the year's plan, the disbursement
 * from 01/01 (of the carry-over and of the year's plan), rates, cumulative since the start, what
 * remains, and the period's own disbursement. Exports and the CSV write it; figures are the
 * tracking's (its latest period).
 */
import { type AnnualPlan, lineKey } from './execution';
import {
  disbursedToDate,
  executionFigures,
  periodSeries,
  type PeriodPoint,
} from './executionFigures';
import { type IsoDate, viDate } from './executionText';
import { sectionKeyOf, sectionTree } from './executionSections';
import { normaliseName } from './match';
import { toRoman } from './rows';

/** Input figures of a form row (sections and totals: the sums of their children). */
export interface FormValues {
  priorAllocated: number;
  priorDisbursed: number;
  carry: number;
  plan: number;
  ytdCarry: number;
  ytdPlan: number;
  /** Disbursed (both parts) to the end of the period before the latest. */
  previous: number;
}

export interface FormRow {
  kind: 'total' | 'source' | 'section' | 'line';
  level: number;
  number: string;
  name: string;
  code: string;
  unit: string;
  source: string;
  /** Indexes (in the form's rows) of the rows this one adds up. */
  children: number[];
  values: FormValues;
  behind: boolean;
}

export interface ExecutionForm {
  year: number;
  asOf: IsoDate | null;
  previous: IsoDate | null;
  rows: FormRow[];
  units: { label: string; projects: number; behind: number }[];
  series: PeriodPoint[];
  target: number | null;
}

const zero = (): FormValues => ({
  priorAllocated: 0,
  priorDisbursed: 0,
  carry: 0,
  plan: 0,
  ytdCarry: 0,
  ytdPlan: 0,
  previous: 0,
});

function addInto(a: FormValues, b: FormValues): void {
  for (const k of Object.keys(a) as (keyof FormValues)[]) a[k] += b[k];
}

/** Source labels as printed in the form. */
export function sourceLabel(code: string, lang: 'vi' | 'en' = 'vi'): string {
  if (!code) return lang === 'vi' ? 'Nguồn vốn chung' : 'All sources';
  return lang === 'vi' ? `Vốn ${code}` : `${code} funds`;
}

/** Builds the form of a tracking at its latest period (lines of projects with figures for the year). */
export function executionForm(plan: AnnualPlan, lang: 'vi' | 'en' = 'vi'): ExecutionForm {
  const figures = executionFigures(plan);
  const asOf = figures.asOf;
  const periods = plan.periods.filter((p) => !asOf || p.end <= asOf);
  const previous = periods.length > 1 ? periods[periods.length - 2].end : null;
  const behind = new Set(figures.projects.filter((p) => p.behind).map((p) => p.project.id));
  const projects = new Map(plan.projects.map((p) => [p.id, p]));
  const unitLabel = new Map<string, string>();
  // the projects each investor has on the form (a project listed under two sources counts once)
  const listed = new Map<string, Set<string>>();
  for (const p of plan.projects) {
    const k = normaliseName(p.lead);
    if (!unitLabel.has(k)) unitLabel.set(k, p.lead);
  }
  const rows: FormRow[] = [
    {
      kind: 'total',
      level: -1,
      number: '',
      name: lang === 'vi' ? 'TỔNG CỘNG' : 'GRAND TOTAL',
      code: '',
      unit: '',
      source: '',
      children: [],
      values: zero(),
      behind: false,
    },
  ];
  const multi = plan.sources.length > 1;
  const tree = sectionTree(plan.projects);
  const indexOf = new Map(plan.projects.map((p, i) => [p.id, i]));
  plan.sources.forEach((source, si) => {
    const lines = plan.lines.filter((l) => l.source === source);
    const values = lines.map((l) => {
      const d = disbursedToDate(plan, lineKey(l.projectId, l.source), asOf);
      const p = previous ? disbursedToDate(plan, lineKey(l.projectId, l.source), previous) : null;
      return {
        l,
        v: {
          priorAllocated: l.priorAllocated,
          priorDisbursed: l.priorDisbursed,
          carry: l.carry,
          plan: l.plan,
          ytdCarry: d.carry,
          ytdPlan: d.plan,
          previous: p ? p.plan + p.carry : 0,
        },
      };
    });
    const kept = values.filter(({ v }) => v.plan || v.carry || v.ytdPlan || v.ytdCarry);
    if (!kept.length) return;
    let parent = 0;
    if (multi) {
      rows.push({
        kind: 'source',
        level: 0,
        number: toRoman(si + 1),
        name: sourceLabel(source, lang),
        code: '',
        unit: '',
        source,
        children: [],
        values: zero(),
        behind: false,
      });
      parent = rows.length - 1;
      rows[0].children.push(parent);
    }
    const sections = new Map<string, number>();
    const numbered = new Map<number, number>();
    // every level of sections (I, 1, 1.1 …), each with its own sum row, in the plan's tree order
    kept.sort((a, b) => tree.compare(indexOf.get(a.l.projectId)!, indexOf.get(b.l.projectId)!));
    for (const { l, v } of kept) {
      const p = projects.get(l.projectId)!;
      let at = parent;
      p.path.forEach((label, d) => {
        const key = sectionKeyOf(p.path.slice(0, d + 1));
        if (!sections.has(key)) {
          rows.push({
            kind: 'section',
            level: rows[at].level + 1,
            number: '',
            name: label,
            code: '',
            unit: '',
            source,
            children: [],
            values: zero(),
            behind: false,
          });
          sections.set(key, rows.length - 1);
          rows[at].children.push(rows.length - 1);
        }
        at = sections.get(key)!;
      });
      const unitKey = normaliseName(p.lead);
      listed.set(unitKey, (listed.get(unitKey) ?? new Set<string>()).add(p.id));
      const n = (numbered.get(at) ?? 0) + 1;
      numbered.set(at, n);
      rows.push({
        kind: 'line',
        level: rows[at].level + 1,
        number: String(n),
        name: p.name,
        code: p.code,
        unit: unitLabel.get(normaliseName(p.lead)) ?? p.lead,
        source,
        children: [],
        values: v,
        behind: behind.has(p.id),
      });
      rows[at].children.push(rows.length - 1);
    }
  });
  // sums from the leaves up (children come after their parent)
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i];
    if (r.kind === 'line') continue;
    r.values = zero();
    for (const c of r.children) addInto(r.values, rows[c].values);
  }
  const units = figures.byUnit
    .filter((u) => u.planned || u.carry || u.disbursed || u.carryDisbursed)
    .map((u) => ({
      label: unitLabel.get(u.key) ?? u.label,
      // the projects the form lists, not every project of the plan (those without a figure for
      // the year are left off the form: 8 counted beside the 5 listed)
      projects: listed.get(u.key)?.size ?? 0,
      behind: u.behind,
    }));
  return {
    year: plan.year,
    asOf,
    previous,
    rows,
    units,
    series: periodSeries(plan),
    target: figures.target,
  };
}

/** The form's header texts, in column order (the period's end in the disbursement heading). */
export function formHeaders(
  f: ExecutionForm,
  lang: 'vi' | 'en' = 'vi',
): { group?: string; label: string }[] {
  const N = f.year;
  const end = f.asOf ? viDate(f.asOf) : lang === 'vi' ? 'hết kỳ báo cáo' : 'the end of the period';
  const vi = lang === 'vi';
  const disb = vi ? `Giải ngân từ 01/01/${N} đến ${end}` : `Disbursed from 01/01/${N} to ${end}`;
  return [
    { label: 'TT' },
    { label: vi ? 'Danh mục dự án' : 'Project' },
    { label: vi ? 'Mã dự án' : 'Project code' },
    { label: vi ? 'Chủ đầu tư' : 'Investor' },
    {
      label: vi ? `Lũy kế vốn đã bố trí đến hết năm ${N - 1}` : `Allocated to the end of ${N - 1}`,
    },
    {
      label: vi
        ? `Lũy kế giải ngân từ khởi công đến 31/12/${N - 1}`
        : `Disbursed to 31/12/${N - 1}`,
    },
    { label: vi ? `Kế hoạch vốn năm ${N - 1} kéo dài` : `${N - 1} plan carried over` },
    { label: vi ? `Kế hoạch vốn năm ${N}` : `Plan ${N}` },
    { group: disb, label: vi ? 'Tổng số' : 'Total' },
    { group: disb, label: vi ? `KH năm ${N - 1} kéo dài` : `Carried-over plan` },
    { group: disb, label: vi ? `KH năm ${N}` : `Plan ${N}` },
    {
      group: vi ? 'Tỷ lệ giải ngân (%)' : 'Rate (%)',
      label: vi ? `KH năm ${N - 1} kéo dài` : 'Carried over',
    },
    { group: vi ? 'Tỷ lệ giải ngân (%)' : 'Rate (%)', label: vi ? `KH năm ${N}` : `Plan ${N}` },
    { label: vi ? 'Lũy kế giải ngân từ khởi công' : 'Disbursed since the start' },
    { label: vi ? `Kế hoạch năm ${N} còn lại` : `Plan ${N} remaining` },
    { label: vi ? 'Giải ngân đến hết kỳ trước' : 'Disbursed to the previous period' },
    { label: vi ? 'Giải ngân trong kỳ' : 'Disbursed in the period' },
    { label: vi ? 'Ghi chú' : 'Notes' },
  ];
}

/** Column codes of the form (`9=10+11`, `13=11/8`…), as the form's code row prints them. */
export const FORM_CODES = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9=10+11',
  '10',
  '11',
  '12=10/7',
  '13=11/8',
  '14=6+9',
  '15=8-11',
  '16',
  '17=9-16',
  '18',
];
