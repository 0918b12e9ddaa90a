/** Trackings stored whole with changes after them; a database from before the changes loads. */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { lineKey } from '../domain/execution';
import { nestedTracking } from '../domain/executionSamples';
import { openDb } from './db';
import { ExecutionRepo } from './executions';

describe('execution storage', () => {
  it('loads a tracking stored before changes were kept apart (a database of version 6)', async () => {
    const name = 'exec-store-old';
    const old = new Dexie(name);
    old.version(6).stores({ executions: 'id, workbookId' });
    const plan = nestedTracking();
    await old.table('executions').put({ id: plan.id, workbookId: 'w1', updatedAt: 5, plan });
    old.close();
    const db = openDb(name);
    expect(db.verno).toBe(8);
    const repo = new ExecutionRepo(db);
    expect((await repo.get(plan.id))!.plan).toEqual(plan);
    expect((await repo.list('w1')).map((x) => x.id)).toEqual([plan.id]);
    db.close();
  });

  it('folds the changes saved after a record, and drops them when it is written whole', async () => {
    const db = openDb('exec-store-fold');
    const repo = new ExecutionRepo(db);
    const plan = nestedTracking();
    await repo.put('w1', plan);
    const key = lineKey(plan.lines[0].projectId, plan.lines[0].source);
    const june = plan.periods[0].id;
    await repo.addDeltas(plan.id, [
      {
        patch: { disbursed: [{ periodId: june, key, value: { plan: 3, carry: null } }] },
        updatedAt: 8,
      },
      { patch: { lines: [{ key, field: 'carry', value: 12 }] }, updatedAt: 9, lastImport: 'x' },
    ]);
    const rec = (await repo.get(plan.id))!;
    expect(rec.plan.disbursed[june][key]).toEqual({ plan: 3, carry: null });
    expect(rec.plan.lines[0].carry).toBe(12);
    expect(rec.updatedAt).toBe(9);
    expect(rec.lastImport).toBe('x');
    // the stored record is untouched until written whole
    expect((await db.executions.get(plan.id))!.plan).toEqual(plan);
    expect((await repo.list('w1'))[0].updatedAt).toBe(9);
    await repo.put('w1', rec.plan, rec.lastImport);
    expect(await db.executionDeltas.count()).toBe(0);
    expect((await repo.get(plan.id))!.plan).toEqual(rec.plan);
    await repo.remove(plan.id);
    expect(await repo.get(plan.id)).toBeUndefined();
    db.close();
  });
});
