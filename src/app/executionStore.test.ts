/** Saving a tracking's edits as the changes they made: reloading gives the same state. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { lineKey } from '../domain/execution';
import { nestedTracking } from '../domain/executionSamples';
import type { ReportLine } from '../domain/executionReport';
import { openDb } from '../storage/db';
import { ExecutionRepo } from '../storage/executions';
import { ExecutionSession, type ImportSummary } from './execution';
import { MAX_DELTAS } from './executionStore';
import { readFileSync } from 'node:fs';
import { annualPlanFrom } from '../domain/execution';
import { readPlanFile } from '../io/readPlan';
import { readReportFile } from '../io/report/readReport';

const keyOf = (s: ExecutionSession, name: string, source = 'ĐTPT') =>
  lineKey(s.plan.projects.find((p) => p.name === name)!.id, source);

/** A session over a stored tracking (a fresh database per test). */
async function stored(name: string, lastImport: ImportSummary | null = null) {
  const db = openDb(name);
  const repo = new ExecutionRepo(db);
  const plan = nestedTracking();
  await repo.put('w1', plan, lastImport ?? undefined);
  const s = new ExecutionSession('w1', plan, repo, lastImport);
  const reload = async () => {
    const rec = (await repo.get(plan.id))!;
    return { plan: rec.plan, lastImport: rec.lastImport ?? null };
  };
  return { db, repo, s, reload };
}

const line = (n: number, name: string): ReportLine =>
  ({ line: n, name, lead: 'Ban GT', code: '', figures: {} }) as unknown as ReportLine;

describe('storing a tracking’s edits', () => {
  it('writes only the changes of each edit, and reloads to the same state', async () => {
    const { db, s, reload } = await stored('exec-store-1');
    const recordAt = (await db.executions.get(s.plan.id))!.updatedAt;
    const road = keyOf(s, 'ĐT.585');
    const bridge = keyOf(s, 'Cầu Hiền Lương', 'SN');
    expect(s.setDisbursed('2024-06-30', road, 'plan', 777)).toEqual({ ok: true });
    expect(s.setDisbursed('2024-06-30', bridge, 'carry', 5)).toEqual({ ok: true });
    expect(s.setLine(road, 'carry', 120)).toEqual({ ok: true });
    expect(s.addPeriod('2024-03-31', 'quarter')).toEqual({ ok: true });
    expect(s.setDisbursed('2024-03-31', road, 'plan', 200)).toEqual({ ok: true });
    expect(s.setTargets([{ date: '2024-09-30', rate: 0.7 }])).toEqual({ ok: true });
    expect(s.setDisplay({ unit: 'tỷ đồng', decimals: 1 })).toEqual({ ok: true });
    expect(
      s.pasteCells('2024-06-30', [
        { key: road, col: 'ytdPlan', value: 400 },
        { key: bridge, col: 'plan', value: 310 },
      ]),
    ).toEqual({ ok: true });
    s.undo();
    s.undo();
    s.redo();
    expect(s.removePeriod(s.plan.periods.find((p) => p.end === '2024-03-31')!.id)).toEqual({
      ok: true,
    });
    s.undo();
    expect(s.setDisbursed('2024-06-30', bridge, 'carry', null)).toEqual({ ok: true });
    await s.whenSaved();
    expect(s.saveState).toBe('saved');
    // the record itself was not rewritten: the edits are stored after it, one small change each
    expect((await db.executions.get(s.plan.id))!.updatedAt).toBe(recordAt);
    const deltas = await db.executionDeltas.toArray();
    expect(deltas.length).toBeGreaterThan(5);
    for (const d of deltas) expect(JSON.stringify(d).length).toBeLessThan(1000);
    const again = await reload();
    expect(again.plan).toEqual(s.plan);
    // and a session opened on it shows the same figures
    const t = new ExecutionSession('w1', again.plan, null);
    expect(t.engine.group('total', '')).toEqual(s.engine.group('total', ''));
    expect(t.engine.line(road)).toEqual(s.engine.line(road));
    t.close();
    s.close();
    db.close();
  });

  it('stores the pairs and the lines left to pair of the last report', async () => {
    const imp: ImportSummary = {
      file: 'r.xlsx',
      end: '2024-06-30',
      kind: 'month',
      matched: 5,
      unmatched: [line(7, 'Trường học'), line(8, 'Kè sông')],
      doubtful: [],
      differences: [],
      factor: 1,
      replaced: false,
      warnings: [],
    };
    const { db, s, reload } = await stored('exec-store-2', imp);
    expect(s.pair(imp.unmatched[0], '')).toEqual({ ok: true });
    await s.whenSaved();
    const again = await reload();
    expect(again.plan).toEqual(s.plan);
    expect(again.lastImport).toEqual(s.lastImport);
    // the lines left to pair follow the stored pairs
    const t = new ExecutionSession('w1', again.plan, null, again.lastImport as ImportSummary);
    expect(t.toPair().unmatched.map((l) => l.line)).toEqual([8]);
    t.close();
    s.close();
    db.close();
  });

  it('stores each report recorded as the period it replaced, and reloads to the same state', async () => {
    const F = 'fixtures/execution';
    const wb = readPlanFile(
      `${F}/ke-hoach-dau-tu-cong-2022-2025.xlsx`,
      readFileSync(`${F}/ke-hoach-dau-tu-cong-2022-2025.xlsx`),
    ).workbook;
    const db = openDb('exec-store-reports');
    const repo = new ExecutionRepo(db);
    const plan = annualPlanFrom(wb, 2024, { now: 1, id: 'r' });
    await repo.put('w1', plan);
    const s = new ExecutionSession('w1', plan, repo);
    const sizes: number[] = [];
    for (const f of [
      'kbnn-giai-ngan-2024-01.xlsx',
      'bao-cao-giai-ngan-thang-02-2024.xls',
      'kbnn-giai-ngan-2024-03.xlsx',
      'kbnn-giai-ngan-2024-01.xlsx', // January again: its period replaced
    ]) {
      expect(s.importReport(readReportFile(f, readFileSync(`${F}/${f}`), 2024))).toBeTruthy();
      const key = lineKey(s.plan.lines[1].projectId, s.plan.lines[1].source);
      expect(s.setDisbursed(s.plan.periods.at(-1)!.id, key, 'plan', 3)).toEqual({ ok: true });
      await s.whenSaved();
      expect((await repo.get(plan.id))!.plan).toEqual(s.plan);
      expect((await repo.get(plan.id))!.lastImport).toEqual(s.lastImport);
      sizes.push(await db.executionDeltas.count());
    }
    // the record as first stored; the reports and edits after it, one change each
    expect((await db.executions.get(plan.id))!.plan).toEqual(plan);
    expect(sizes).toEqual([2, 4, 6, 8]);
    const again = new ExecutionSession('w1', (await repo.get(plan.id))!.plan, null);
    expect(again.engine.group('total', '')).toEqual(s.engine.group('total', ''));
    again.close();
    s.close();
    db.close();
  });

  it('rewrites the record whole once the changes pile up, and drops them', async () => {
    const { db, s, reload } = await stored('exec-store-3');
    const road = keyOf(s, 'ĐT.585');
    for (let k = 0; k <= MAX_DELTAS + 5; k++) {
      s.setDisbursed('2024-06-30', road, 'plan', k);
      if (k % 50 === 0) await s.whenSaved();
    }
    await s.whenSaved();
    expect(await db.executionDeltas.count()).toBeLessThan(MAX_DELTAS);
    expect((await reload()).plan).toEqual(s.plan);
    s.close();
    db.close();
  });
});
