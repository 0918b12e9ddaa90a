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
