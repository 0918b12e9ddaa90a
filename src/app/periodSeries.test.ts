/** The disbursement curve, linear in periods, gives exactly what the old path (periods²) gave. */
import { describe, expect, it } from 'vitest';
import { periodSeriesBefore } from '../../tests/support/periodSeriesOracle';
import { type AnnualPlan, type Disbursed, lineKey } from '../domain/execution';
import { periodSeries } from '../domain/executionFigures';
import { nestedTracking } from '../domain/executionSamples';
import { prng as rng } from '../domain/generate';

/** A tracking of random figures: lines missing from some periods, parts left null, decimals. */
function randomPlan(seed: number, shuffle = false): AnnualPlan {
  const r = rng(seed);
  const base = nestedTracking();
  const n = 5 + Math.floor(r() * 40);
  const sources = ['ĐTPT', 'SN'];
  const projects = Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    name: `Dự án ${i}`,
    lead: `Ban ${i % 4}`,
    code: '',
    path: i % 3 ? ['A', `A${i % 2}`] : ['B'],
  }));
  const lines = projects.flatMap((p) =>
    sources
      .filter(() => r() < 0.8)
      .map((source) => ({
        projectId: p.id,
        source,
        plan: Math.round(r() * 100_000) / 10,
        carry: Math.round(r() * 1000) / 100,
        priorAllocated: 0,
        priorDisbursed: 0,
      })),
  );
  const months = Array.from({ length: 12 }, (_, m) => m + 1).filter(() => r() < 0.7);
  let periods = months.map((m) => ({
    id: `m${m}`,
    end: `2024-${String(m).padStart(2, '0')}-${m === 2 ? 29 : [4, 6, 9, 11].includes(m) ? 30 : 31}`,
    kind: 'month' as const,
  }));
  const disbursed: Record<string, Record<string, Disbursed>> = {};
  for (const p of periods) {
    const d: Record<string, Disbursed> = {};
    for (const l of lines) {
      if (r() < 0.2) continue;
      const part = () => (r() < 0.15 ? null : Math.round(r() * l.plan * 10) / 10 + r() / 3);
      d[lineKey(l.projectId, l.source)] = { plan: part(), carry: part() };
    }
    disbursed[p.id] = d;
  }
  if (shuffle) periods = [...periods].sort(() => r() - 0.5);
  return { ...base, sources, projects, lines, periods, disbursed };
}

describe('periodSeries (linear in periods)', () => {
  it('equals the old path on the sample tracking, in total and per unit', () => {
    const plan = nestedTracking();
    expect(periodSeries(plan)).toEqual(periodSeriesBefore(plan));
    const gt = (p: { lead: string }) => p.lead === 'Ban GT';
    expect(periodSeries(plan, gt)).toEqual(periodSeriesBefore(plan, gt));
  });

  it('equals the old path exactly on random trackings (missing lines, null parts, decimals)', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const plan = randomPlan(seed);
      expect(periodSeries(plan)).toEqual(periodSeriesBefore(plan));
      const keep = (p: { lead: string }) => p.lead !== 'Ban 1';
      expect(periodSeries(plan, keep)).toEqual(periodSeriesBefore(plan, keep));
    }
  });

  it('equals the old path when the periods are not in date order', () => {
    for (let seed = 100; seed <= 120; seed++) {
      const plan = randomPlan(seed, true);
      expect(periodSeries(plan)).toEqual(periodSeriesBefore(plan));
    }
  });
});
