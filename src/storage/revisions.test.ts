import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import { openDb } from './db';
import { WorkbookRepo } from './repo';
import { RevisionRepo } from './revisions';

const plan = () => makePlan({ rows: [['project', 0, 'Mạng LAN', { '2011:ĐTPT': 100 }]] });

describe('revisions', () => {
  it('lists revisions saved in the same millisecond in the order they were saved', async () => {
    const db = openDb('revisions-same-ms');
    const revs = new RevisionRepo(db);
    const wb = plan();
    for (let i = 0; i < 30; i++) await revs.add(wb.id, wb, { name: `v${i}` });
    expect((await revs.list(wb.id)).map((r) => r.name)).toEqual(
      Array.from({ length: 30 }, (_, i) => `v${i}`),
    );
  });

  it('upgrades a version-1 database without touching its workbooks', async () => {
    const old = new Dexie('upgrade-me');
    old.version(1).stores({
      workbooks: 'id, updatedAt',
      sheets: 'id, workbookId',
      rows: '[sheetId+id], sheetId, [sheetId+order]',
      settings: 'key',
    });
    await old
      .table('workbooks')
      .add({ id: 'w1', meta: plan().meta, sheetIds: [], createdAt: 1, updatedAt: 1, rev: 3 });
    old.close();
    const db = openDb('upgrade-me');
    expect((await db.workbooks.get('w1'))?.rev).toBe(3);
    expect(db.verno).toBe(8);
    expect(await db.historySteps.count()).toBe(0);
    expect(await db.consolidations.count()).toBe(0);
    expect(await db.executions.count()).toBe(0);
    expect(await db.revisions.count()).toBe(0);
  });

  it('stores immutable snapshots, lists them oldest first, and goes with their workbook', async () => {
    const db = openDb('revisions-1');
    const repo = new WorkbookRepo(db);
    const revs = new RevisionRepo(db);
    const wb = plan();
    await repo.create(wb);
    const first = await revs.add(wb.id, wb, { name: 'Dự thảo 1', note: 'gửi các sở góp ý' });
    wb.sheets[0].rows[0].cells.y2011_dtpt = 999; // later edits never reach a revision
    await new Promise((r) => setTimeout(r, 2));
    await revs.add(wb.id, wb, { name: 'Bản trình UBND' });
    expect((await revs.list(wb.id)).map((r) => [r.name, r.note, r.origin])).toEqual([
      ['Dự thảo 1', 'gửi các sở góp ý', 'saved'],
      ['Bản trình UBND', '', 'saved'],
    ]);
    expect((await revs.get(first.id))!.snapshot.sheets[0].rows[0].cells.y2011_dtpt).toBe(100);
    await repo.remove(wb.id);
    expect(await revs.list(wb.id)).toEqual([]);
  });
});
