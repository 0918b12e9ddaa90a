/** Deleting or replacing a workbook leaves nothing kept for it, and touches no other workbook's. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { makePlan } from '../domain/template';
import type { Workbook } from '../domain/types';
import { openDb } from './db';
import { EverythingRepo } from './everything';
import { WorkbookRepo } from './repo';
import {
  deleteDatabase,
  dropLeftoverOrphans,
  removeWorkbookLeftovers,
  syncDatabaseName,
  syncSettingKey,
} from './workbookLeftovers';
import { writeAhead } from './writeAhead';

const plan = (n: string): Workbook => {
  const wb = makePlan({ rows: [['project', 0, 'Mạng LAN', { '2011:ĐTPT': 100 }]] });
  return { ...wb, id: `w-${n}`, sheets: wb.sheets.map((s) => ({ ...s, id: `${s.id}-${n}` })) };
};

const link = (doc: string) => ({ url: 'ws://server', document: doc, token: 't' });

/** Stores a shared document's local copy as the app does (y-indexeddb), then lets go of it. */
async function localCopy(workbookId: string): Promise<void> {
  const doc = new Y.Doc();
  doc.getMap('m').set('k', workbookId);
  const p = new IndexeddbPersistence(syncDatabaseName(workbookId), doc);
  await p.whenSynced;
  await p.destroy();
  doc.destroy();
}

const databases = async () => (await indexedDB.databases()).map((d) => d.name).sort();

/** A pending change of a workbook in the write-ahead record. */
const entry = (seq: number) => ({ seq, baseRev: 1, change: { putRows: [], deleteRows: [] } });

describe('deleting a workbook', () => {
  it('deletes its server link with it; other settings stay', async () => {
    const db = openDb('leftovers-settings');
    const repo = new WorkbookRepo(db);
    const [gone, kept] = [plan('gone'), plan('kept')];
    await repo.create(gone);
    await repo.create(kept);
    await repo.setSetting(syncSettingKey(gone.id), link('a'));
    await repo.setSetting(syncSettingKey(kept.id), link('b'));
    await repo.setSetting('sampleCreated', true);

    await repo.remove(gone.id);

    expect(await db.settings.get(syncSettingKey(gone.id))).toBeUndefined();
    expect(await repo.getSetting(syncSettingKey(kept.id))).toEqual(link('b'));
    expect(await repo.getSetting('sampleCreated')).toBe(true);
    db.close();
  });

  it('removeWorkbookLeftovers drops its write-ahead entries and its sync database only', async () => {
    const ahead = writeAhead(null);
    ahead.put('w-gone', entry(1));
    ahead.put('w-gone', entry(2));
    ahead.put('w-kept', entry(3));
    await localCopy('w-gone');
    await localCopy('w-kept');
    expect(await databases()).toEqual(
      expect.arrayContaining([syncDatabaseName('w-gone'), syncDatabaseName('w-kept')]),
    );

    await removeWorkbookLeftovers('w-gone', { ahead, idb: indexedDB });

    expect(ahead.pending('w-gone')).toEqual([]);
    expect(ahead.pending('w-kept').map((e) => e.seq)).toEqual([3]);
    expect(ahead.workbooks()).toEqual(['w-kept']);
    const names = await databases();
    expect(names).not.toContain(syncDatabaseName('w-gone'));
    expect(names).toContain(syncDatabaseName('w-kept'));
    // the kept copy is whole
    const doc = new Y.Doc();
    const p = new IndexeddbPersistence(syncDatabaseName('w-kept'), doc);
    await p.whenSynced;
    expect(doc.getMap('m').get('k')).toBe('w-kept');
    await p.destroy();
    await deleteDatabase(indexedDB, syncDatabaseName('w-kept')); // the next test starts clean
  });
});

describe('leftovers of workbooks deleted by an earlier version', () => {
  it('are dropped by dropLeftoverOrphans; those of stored workbooks stay', async () => {
    const db = openDb('leftovers-orphans');
    const repo = new WorkbookRepo(db);
    const kept = plan('alive');
    await repo.create(kept);
    const ahead = writeAhead(null);
    for (const id of ['w-old', kept.id]) {
      await repo.setSetting(syncSettingKey(id), link(id));
      ahead.put(id, entry(1));
      await localCopy(id);
    }
    ahead.put('w-old-too', entry(1));

    expect(await dropLeftoverOrphans(db, { ahead, idb: indexedDB })).toBe(2);

    expect(await db.settings.get(syncSettingKey('w-old'))).toBeUndefined();
    expect(await repo.getSetting(syncSettingKey(kept.id))).toEqual(link(kept.id));
    expect(ahead.workbooks()).toEqual([kept.id]);
    const names = await databases();
    expect(names).not.toContain(syncDatabaseName('w-old'));
    expect(names).toContain(syncDatabaseName(kept.id));
    expect(await dropLeftoverOrphans(db, { ahead, idb: indexedDB })).toBe(0);
    db.close();
  });
});

describe('replacing a stored workbook from an archive', () => {
  it('runs in one transaction covering its settings, and drops the replaced server link', async () => {
    const db = openDb('leftovers-replace');
    const repo = new WorkbookRepo(db);
    const store = new EverythingRepo(db);
    const [mine, other] = [plan('mine'), plan('other')];
    await repo.create(mine);
    await repo.create(other);
    await repo.setSetting(syncSettingKey(mine.id), link('a'));
    await repo.setSetting(syncSettingKey(other.id), link('b'));
    const archived = { ...mine, meta: { ...mine.meta, title: 'Từ tệp lưu trữ' } };

    await store.putWorkbook({ workbook: archived, revisions: [], executions: [] }, true);

    expect((await repo.load(mine.id))!.workbook.meta.title).toBe('Từ tệp lưu trữ');
    expect(await db.settings.get(syncSettingKey(mine.id))).toBeUndefined();
    expect(await repo.getSetting(syncSettingKey(other.id))).toEqual(link('b'));
    db.close();
  });
});
