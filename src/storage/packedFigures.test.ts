/**
 * A report's figures saved after a tracking are stored packed (one key string, typed arrays: a
 * write copies them at once) and read back as they were; changes saved before packing still load.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Disbursed } from '../domain/execution';
import type { ExecDelta } from '../domain/executionDelta';
import { nestedTracking } from '../domain/executionSamples';
import { openDb } from './db';
import { ExecutionRepo } from './executions';
import { PACK_FROM, packFigures, unpackFigures } from './packedFigures';

/** A report's figures of `n` lines: nulls, −0, fractions, integer-like keys among them. */
function figures(n: number, odd = ''): Record<string, Disbursed> {
  const out: Record<string, Disbursed> = {};
  for (let i = 0; i < n; i++)
    out[i % 97 === 0 ? String(i) : `p${i}|Ngân sách ${i % 3}${odd}`] = {
      plan: i % 5 === 0 ? null : i % 7 === 0 ? -0 : i * 1.37 + 0.1,
      carry: i % 2 ? null : i / 3,
    };
  return out;
}

/** Same keys in the same order, and the same figures (−0 apart from 0). */
function expectSame(a: Record<string, Disbursed>, b: Record<string, Disbursed>) {
  expect(Object.keys(a)).toEqual(Object.keys(b));
  for (const k of Object.keys(a)) {
    expect(Object.is(a[k].plan, b[k].plan)).toBe(true);
    expect(Object.is(a[k].carry, b[k].carry)).toBe(true);
  }
}

describe('packed period figures', () => {
  it('stores a report’s figures packed and reads them back as they were', async () => {
    const db = openDb('exec-packed');
    const repo = new ExecutionRepo(db);
    const plan = nestedTracking();
    await repo.put('w1', plan);
    const big = figures(PACK_FROM * 3);
    const small = figures(5);
    const delta: ExecDelta = {
      patch: {},
      set: { periods: [...plan.periods, { id: 'p9', end: '2024-09-30', kind: 'month' }] },
      figures: { p9: big, [plan.periods[0].id]: small },
      updatedAt: 77,
    };
    await repo.addDeltas(plan.id, [delta]);
    const stored = (await db.executionDeltas.toArray())[0].delta.figures!;
    expect(stored.p9).toMatchObject({ packed: 1, keys: expect.any(String) as unknown });
    expect((stored.p9 as { plan: unknown }).plan).toBeInstanceOf(Float64Array);
    expect(stored[plan.periods[0].id]).toEqual(small); // few: as they are
    const read = (await repo.get(plan.id))!.plan;
    expectSame(read.disbursed.p9, big);
    expectSame(read.disbursed[plan.periods[0].id], small);
    expect(read.updatedAt).toBe(77);
    db.close();
  });

  it('reads changes saved before packing as they are', async () => {
    const db = openDb('exec-packed-old');
    const repo = new ExecutionRepo(db);
    const plan = nestedTracking();
    await repo.put('w1', plan);
    const big = figures(PACK_FROM * 2);
    await db.executionDeltas.add({
      executionId: plan.id,
      delta: { patch: {}, figures: { [plan.periods[0].id]: big }, updatedAt: 5 },
    });
    expectSame((await repo.get(plan.id))!.plan.disbursed[plan.periods[0].id], big);
    db.close();
  });

  it('leaves as they are figures it cannot pack exactly', () => {
    expect(packFigures(figures(PACK_FROM - 1))).toBeNull();
    expect(packFigures(figures(PACK_FROM, '\u0000'))).toBeNull();
    const odd = figures(PACK_FROM);
    (odd[Object.keys(odd)[3]] as unknown as { plan: string }).plan = '3';
    expect(packFigures(odd)).toBeNull();
    const f = figures(PACK_FROM);
    expectSame(unpackFigures(packFigures(f)!), f);
  });
});
