import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import { BackupRepo } from './backups';
import { openDb } from './db';

describe('backup storage', () => {
  it('upgrades a version-5 database to 6 without touching what it holds', async () => {
    const old = new Dexie('backups-upgrade');
    old.version(5).stores({
      workbooks: 'id, updatedAt',
      sheets: 'id, workbookId',
      rows: '[sheetId+id], sheetId, [sheetId+order]',
      settings: 'key',
      revisions: 'id, workbookId, [workbookId+createdAt]',
      consolidations: 'id, updatedAt',
      submissions: 'id, consolidationId',
      submissionFiles: 'id, consolidationId',
      executions: 'id, workbookId',
      historyStates: 'workbookId',
      historySteps: '[workbookId+seq], workbookId',
    });
    const wb = makePlan({ rows: [['project', 0, 'Mạng LAN', { '2011:ĐTPT': 100 }]] });
    await old
      .table('workbooks')
      .add({ id: 'w1', meta: wb.meta, sheetIds: [], createdAt: 1, updatedAt: 1, rev: 7 });
    await old.table('revisions').add({ id: 'v1', workbookId: 'w1', createdAt: 2, snapshot: wb });
    await old.table('executions').add({ id: 'e1', workbookId: 'w1', updatedAt: 3, plan: {} });
    old.close();
    const db = openDb('backups-upgrade');
    expect(db.verno).toBe(8);
    expect((await db.workbooks.get('w1'))?.rev).toBe(7);
    expect((await db.revisions.get('v1'))?.snapshot.meta.title).toBe(wb.meta.title);
    expect(await db.executions.count()).toBe(1);
    expect(await db.backups.count()).toBe(0);
    // the new tables work: a copy is added, listed apart from its data, and read back
    const repo = new BackupRepo(db);
    const got = await repo.add(
      { ...wb, id: 'w1' },
      { reason: 'open', size: 10, hash: 'h' },
      (all) => new Set(all.map((b) => b.id)),
    );
    expect((await repo.list('w1')).map((b) => b.id)).toEqual([got!.id]);
    expect((await repo.get(got!.id))?.snapshot.sheets[0].rows[0].cells.y2011_dtpt).toBe(100);
    // a policy that keeps nothing leaves nothing behind in either table
    await repo.add({ ...wb, id: 'w1' }, { reason: 'edit', size: 10, hash: 'i' }, () => new Set());
    expect(await db.backups.count()).toBe(0);
    expect(await db.backupData.count()).toBe(0);
  });
});
