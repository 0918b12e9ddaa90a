/** Deleting a workbook deletes what is kept under it, and nothing of another workbook. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { lineKey } from '../domain/execution';
import { nestedTracking } from '../domain/executionSamples';
import { makePlan } from '../domain/template';
import type { Workbook } from '../domain/types';
import { openDb } from './db';
import { ExecutionRepo } from './executions';
import { WorkbookRepo } from './repo';

/** A one-project workbook with ids of its own (`makePlan` always gives w1 and s1). */
const plan = (n: string): Workbook => {
  const wb = makePlan({ rows: [['project', 0, 'Mạng LAN', { '2011:ĐTPT': 100 }]] });
  return { ...wb, id: `w-${n}`, sheets: wb.sheets.map((s) => ({ ...s, id: `${s.id}-${n}` })) };
};

describe('deleting a workbook', () => {
  it('deletes its execution trackings and their saved changes; another workbook keeps its own', async () => {
    const db = openDb('remove-workbook-trackings');
    const repo = new WorkbookRepo(db);
    const execs = new ExecutionRepo(db);
    const [gone, kept] = [plan('gone'), plan('kept')];
    await repo.create(gone);
    await repo.create(kept);
    const [a, b] = [nestedTracking(), { ...nestedTracking(), id: 'other-tracking' }];
    await execs.put(gone.id, a);
    await execs.put(kept.id, b);
    const key = lineKey(a.lines[0].projectId, a.lines[0].source);
    const change = { patch: { lines: [{ key, field: 'carry' as const, value: 7 }] }, updatedAt: 9 };
    await execs.addDeltas(a.id, [change, { ...change, updatedAt: 10 }]);
    await execs.addDeltas(b.id, [change]);

    await repo.remove(gone.id);

    expect(await db.workbooks.get(gone.id)).toBeUndefined();
    expect(await db.executions.where('workbookId').equals(gone.id).count()).toBe(0);
    expect(await db.executionDeltas.where('executionId').equals(a.id).count()).toBe(0);
    // the other workbook's tracking, with its change, is whole
    expect((await execs.list(kept.id)).map((x) => x.id)).toEqual([b.id]);
    expect((await execs.get(b.id))!.plan.lines[0].carry).toBe(7);
    expect(await db.executionDeltas.count()).toBe(1);
    db.close();
  });
});

describe('trackings left by earlier deletions', () => {
  it('are deleted with their changes by dropOrphans; trackings of stored workbooks stay', async () => {
    const db = openDb('remove-workbook-orphans');
    const repo = new WorkbookRepo(db);
    const execs = new ExecutionRepo(db);
    const kept = plan('kept');
    await repo.create(kept);
    const [orphan, own] = [nestedTracking(), { ...nestedTracking(), id: 'own-tracking' }];
    // as an older version left it: the workbook deleted, its tracking and a change still stored
    await execs.put('w-deleted-long-ago', orphan);
    await execs.addDeltas(orphan.id, [{ patch: {}, updatedAt: 3 }]);
    await execs.put(kept.id, own);
    await execs.addDeltas(own.id, [{ patch: {}, updatedAt: 4 }]);
    expect(await execs.dropOrphans()).toBe(1);
    expect(await db.executions.get(orphan.id)).toBeUndefined();
    expect(await db.executionDeltas.where('executionId').equals(orphan.id).count()).toBe(0);
    expect((await execs.list(kept.id)).map((x) => x.id)).toEqual([own.id]);
    expect(await db.executionDeltas.count()).toBe(1);
    expect(await execs.dropOrphans()).toBe(0);
    db.close();
  });
});
