/**
 * Random trackings for the tests proving the engine with block subtotals gives the figures of the
 * engine before it (tests/support/executionEngineBefore): projects nested up to three sections
 * deep over a few units and one to three sources, periods of random figures (some fractional,
 * some missing), and comparing every figure of two engines within 1e-9.
 */
import { expect } from 'vitest';
import type { AnnualPlan, ExecLine, ExecProject } from '../../../src/domain/execution';
import { lineKey } from '../../../src/domain/execution';
import type { LiveFigures } from '../../../src/engine/execution';
import { ExecutionEngineBefore } from './execution';

/** A small seeded random generator (mulberry32): floats in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = ['Ban GT', 'Ban DD', 'Sở Y tế', 'UBND huyện A', 'Sở TT'];
const LABELS = ['Giao thông', 'Y tế', 'Đường tỉnh', 'Cầu', 'Chuyển tiếp', 'Khởi công mới'];

/** An amount: mostly whole, sometimes with a fraction, sometimes none. */
export function amount(rnd: () => number, max = 5000): number {
  const x = rnd();
  if (x < 0.15) return 0;
  const v = Math.round(rnd() * max);
  return x < 0.35 ? v + Math.round(rnd() * 1000) / 1000 : v;
}

/** A random project (its sections' path, its unit) with id `id`. */
export function randomProject(rnd: () => number, id: string): ExecProject {
  const depth = Math.floor(rnd() * 4);
  const path = Array.from({ length: depth }, () => LABELS[Math.floor(rnd() * LABELS.length)]);
  return { id, name: `Dự án ${id}`, lead: UNITS[Math.floor(rnd() * UNITS.length)], code: '', path };
}

/** The lines of a project: one per source, now and then one missing. */
export function randomLines(rnd: () => number, p: ExecProject, sources: string[]): ExecLine[] {
  return sources
    .filter((_, s) => s === 0 || rnd() > 0.2)
    .map((source) => ({
      projectId: p.id,
      source,
      plan: amount(rnd),
      carry: rnd() < 0.3 ? amount(rnd, 500) : 0,
      priorAllocated: amount(rnd, 20000),
      priorDisbursed: amount(rnd, 15000),
    }));
}

/** A random tracking of `n` projects, with `periods` monthly periods of figures. */
export function randomTracking(rnd: () => number, n: number, periods = 1): AnnualPlan {
  const sources = ['ĐTPT', 'SN', 'ODA'].slice(0, 1 + Math.floor(rnd() * 3));
  const projects = Array.from({ length: n }, (_, i) => randomProject(rnd, `p${i}`));
  let plan: AnnualPlan = {
    id: 't',
    year: 2024,
    title: '',
    unit: 'triệu đồng',
    basedOn: { title: '' },
    sources,
    projects,
    lines: projects.flatMap((p) => randomLines(rnd, p, sources)),
    periods: [],
    disbursed: {},
    targets: [
      { date: '2024-09-30', rate: 0.6 },
      { date: '2025-01-31', rate: 0.95 },
    ],
    pairs: {},
    createdAt: 0,
    updatedAt: 0,
  };
  for (let m = 1; m <= periods; m++) plan = withPeriod(rnd, plan, m);
  return plan;
}

/** The tracking with month `m` (1–12) reported: random figures for most lines. */
export function withPeriod(rnd: () => number, plan: AnnualPlan, m: number): AnnualPlan {
  const end = `2024-${String(m).padStart(2, '0')}-28`;
  const figures: Record<string, { plan: number | null; carry: number | null }> = {};
  for (const l of plan.lines)
    if (rnd() < 0.8)
      figures[lineKey(l.projectId, l.source)] = {
        plan: rnd() < 0.9 ? amount(rnd) : null,
        carry: rnd() < 0.3 ? amount(rnd, 500) : null,
      };
  const periods = [
    ...plan.periods.filter((p) => p.end !== end),
    { id: end, end, kind: 'month' as const },
  ];
  periods.sort((a, b) => (a.end < b.end ? -1 : 1));
  return { ...plan, periods, disbursed: { ...plan.disbursed, [end]: figures } };
}

/** The figures an engine shows (the old one or the new, both answer these). */
export interface Shows {
  line(key: string): LiveFigures | undefined;
  project(id: string): LiveFigures | undefined;
  group(kind: 'total' | 'source' | 'section' | 'unit', key: string): LiveFigures | undefined;
  groupList(): readonly { kind: 'total' | 'source' | 'section' | 'unit'; key: string }[];
  projectOrder(): readonly string[];
}

/** Whether two figures agree within 1e-9 (relative past 1); nulls only with nulls. */
const near = (a: number | null, b: number | null) =>
  a === null || b === null
    ? a === b
    : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

const sameFigures = (a: LiveFigures | undefined, b: LiveFigures | undefined, what: string) => {
  const ok =
    a && b ? (Object.keys(b) as (keyof LiveFigures)[]).every((k) => near(a[k], b[k])) : a === b;
  // the assertion only when they differ (tens of thousands of figures compared per run)
  if (!ok) expect(a, what).toEqual(b);
};

/** Every figure of `got` (lines, projects, groups) equals `want`'s within 1e-9. */
export function sameEngines(got: Shows, want: Shows, plan: AnnualPlan): void {
  expect(got.projectOrder()).toEqual(want.projectOrder());
  expect(got.groupList()).toEqual(want.groupList());
  for (const g of want.groupList())
    sameFigures(got.group(g.kind, g.key), want.group(g.kind, g.key), `${g.kind} ${g.key}`);
  for (const id of want.projectOrder()) sameFigures(got.project(id), want.project(id), id);
  for (const l of plan.lines) {
    const k = lineKey(l.projectId, l.source);
    sameFigures(got.line(k), want.line(k), k);
  }
}

/** Every figure a session's engine shows equals the frozen engine's built from its tracking. */
export function agreesWithBefore(s: {
  plan: AnnualPlan;
  target(): number | null;
  engine: Shows;
}): void {
  const want = new ExecutionEngineBefore();
  want.load(s.plan, s.target());
  sameEngines(s.engine, want, s.plan);
  want.destroy();
}
