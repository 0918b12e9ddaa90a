/** The JSON object and the text `planbook progress` prints. */
import type { ExecutionFigures, Figures, GroupFigures } from '../domain/executionFigures';
import { formatAmount } from '../domain/numbers';
import type { Progress } from './progress';

/** Figures as printed: amounts in the plan's unit, `rate` 0..1 (null without a plan), `ratePercent`. */
export interface FiguresJson {
  planned: number;
  disbursed: number;
  rate: number | null;
  ratePercent: number | null;
  remaining: number;
  carryOver: number;
  carryDisbursed: number;
  carryRate: number | null;
  priorAllocated: number;
  priorDisbursed: number;
  cumulativeAllocated: number;
  cumulativeDisbursed: number;
}

export interface ProgressJson {
  plan: string;
  year: number;
  unit: string;
  asOf: string | null;
  target: { rate: number | null; curve: { date: string; rate: number }[] };
  reports: {
    file: string;
    asOf: string;
    /** The period the report covers (`--period`, else its title: `tháng 3/2024`, `quý I năm 2024`). */
    period: 'month' | 'quarter';
    sheet: string | null;
    lines: number;
    matched: number;
    unmatched: number;
    unit: string;
  }[];
  projects: (FiguresJson & {
    name: string;
    unit: string;
    code: string;
    /** The top-level section (as before) and the labels of every section above, outermost first. */
    section: string;
    path: string[];
    behind: boolean;
    bySource: Record<string, FiguresJson>;
  })[];
  byUnit: (FiguresJson & { unit: string; projects: number; behind: number })[];
  bySource: (FiguresJson & { source: string; projects: number; behind: number })[];
  /** Every section at every level in tree order: its label, path (outermost first) and depth. */
  bySection: (FiguresJson & {
    section: string;
    path: string[];
    level: number;
    projects: number;
    behind: number;
  })[];
  total: FiguresJson;
  unmatched: {
    file: string;
    line: number;
    name: string;
    unit: string;
    code: string;
    disbursed: number | null;
  }[];
  /** Pairs made by name similarity that the user should confirm. */
  doubtful: { file: string; line: number; name: string; project: string }[];
  /** Allocations a report states differently from the plan (the plan's are kept). */
  differences: {
    file: string;
    line: number;
    project: string;
    field: string;
    plan: number;
    report: number;
  }[];
  warnings: string[];
}

const r9 = (n: number) => Math.round(n * 1e9) / 1e9;

function figures(f: Figures): FiguresJson {
  return {
    planned: r9(f.planned),
    disbursed: r9(f.disbursed),
    rate: f.rate === null ? null : r9(f.rate),
    ratePercent: f.rate === null ? null : Math.round(f.rate * 10000) / 100,
    remaining: r9(f.remaining),
    carryOver: r9(f.carry),
    carryDisbursed: r9(f.carryDisbursed),
    carryRate: f.carryRate === null ? null : r9(f.carryRate),
    priorAllocated: r9(f.priorAllocated),
    priorDisbursed: r9(f.priorDisbursed),
    cumulativeAllocated: r9(f.cumulativeAllocated),
    cumulativeDisbursed: r9(f.cumulativeDisbursed),
  };
}

const inYear = (f: Figures) =>
  Math.abs(f.planned) > 1e-9 ||
  Math.abs(f.carry) > 1e-9 ||
  Math.abs(f.disbursed) > 1e-9 ||
  Math.abs(f.carryDisbursed) > 1e-9;

const group = (g: GroupFigures) => ({ projects: g.projects, behind: g.behind, ...figures(g) });

/** The command's JSON: projects of the year, groups, total, the lines left unpaired. */
export function progressJson(p: Progress, f: ExecutionFigures): ProgressJson {
  const names = new Map(p.plan.projects.map((x) => [x.id, x.name]));
  const ytd = (l: { figures: Record<string, Record<string, number>> }, factor: number) => {
    for (const k of ['ytd:all', 'ytd:plan', 'sinceStart:all']) {
      const v = l.figures[k];
      if (!v) continue;
      const t = v[''] ?? Object.values(v).reduce((a, b) => a + b, 0);
      return r9(t * factor);
    }
    return null;
  };
  return {
    plan: p.planFile,
    year: p.plan.year,
    unit: p.plan.unit,
    asOf: f.asOf,
    target: { rate: f.target, curve: p.plan.targets },
    reports: p.reports.map((r) => ({
      file: r.file,
      asOf: r.end,
      period: r.kind,
      sheet: r.sheet,
      lines: r.matched.length + r.unmatched.length,
      matched: r.matched.length,
      unmatched: r.unmatched.length,
      unit: r.reading.unit,
    })),
    projects: f.projects
      .filter((x) => inYear(x))
      .map((x) => ({
        name: x.project.name,
        unit: x.project.lead,
        code: x.project.code,
        section: x.project.path[0] ?? '',
        path: x.project.path,
        behind: x.behind,
        ...figures(x),
        bySource: Object.fromEntries(Object.entries(x.bySource).map(([k, v]) => [k, figures(v)])),
      })),
    byUnit: f.byUnit.filter((g) => inYear(g)).map((g) => ({ unit: g.label, ...group(g) })),
    bySource: f.bySource.map((g) => ({ source: g.label, ...group(g) })),
    bySection: f.bySection.map((g) => ({
      section: g.label,
      path: g.path ?? [],
      level: g.level ?? 0,
      ...group(g),
    })),
    total: figures(f.total),
    unmatched: p.reports.flatMap((r) =>
      r.unmatched.map((l) => ({
        file: r.file,
        line: l.line,
        name: l.name,
        unit: l.lead,
        code: l.code,
        disbursed: ytd(l, r.factor),
      })),
    ),
    doubtful: p.reports.flatMap((r) =>
      r.matched
        .filter((m) => m.doubtful || m.by === 'similar')
        .map((m) => ({
          file: r.file,
          line: m.line.line,
          name: m.line.name,
          project: names.get(m.projectId) ?? '',
        })),
    ),
    differences: p.reports.flatMap((r) =>
      r.differences.map((d) => ({
        file: r.file,
        line: d.line,
        project: names.get(d.projectId) ?? '',
        field: d.field,
        plan: d.tracking,
        report: d.report,
      })),
    ),
    warnings: p.warnings,
  };
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** A readable summary: the total, units, projects behind the target, lines to pair. */
export function formatProgress(j: ProgressJson): string {
  const n = (v: number) => formatAmount(v, 'en', 3);
  const out = [
    `${j.plan}: year ${j.year}, as of ${j.asOf ?? '—'} (${j.unit || 'plan unit'}), ${j.reports.length} report(s)`,
  ];
  for (const r of j.reports)
    out.push(
      `  ${r.asOf}${r.period === 'quarter' ? ' (quarter)' : ''} ${r.file}: ${r.matched} lines matched, ${r.unmatched} unmatched`,
    );
  const t = j.total;
  out.push(
    `total: planned ${n(t.planned)}, disbursed ${n(t.disbursed)} (${pct(t.rate)}), carried over ${n(t.carryOver)}, disbursed ${n(t.carryDisbursed)} (${pct(t.carryRate)}); target ${pct(j.target.rate)}`,
  );
  for (const s of j.bySource)
    out.push(
      `  source ${s.source || '(all)'}: ${n(s.planned)} → ${n(s.disbursed)} (${pct(s.rate)})`,
    );
  for (const u of j.byUnit)
    out.push(
      `  unit ${u.unit || '(none)'}: ${n(u.planned)} → ${n(u.disbursed)} (${pct(u.rate)})${u.behind ? `, ${u.behind} behind` : ''}`,
    );
  for (const s of j.bySection)
    out.push(
      `  ${'  '.repeat(s.level)}section ${s.section || '(none)'}: ${n(s.planned)} → ${n(s.disbursed)} (${pct(s.rate)})${s.behind ? `, ${s.behind} behind` : ''}`,
    );
  for (const p of j.projects.filter((x) => x.behind))
    out.push(`  BEHIND ${p.name} (${p.unit}): ${pct(p.rate)}`);
  for (const u of j.unmatched)
    out.push(
      `  UNMATCHED ${u.file} line ${u.line}: ${u.name}${u.code ? ` [${u.code}]` : ''} (${u.unit})`,
    );
  for (const d of j.doubtful)
    out.push(`  CHECK ${d.file} line ${d.line}: ${d.name} → ${d.project}`);
  for (const w of j.warnings) out.push(`  note: ${w}`);
  return out.join('\n');
}
