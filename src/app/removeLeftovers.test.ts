/** The app's deletion and archive replacement leave nothing of the workbook behind. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import { syncDatabaseName, syncSettingKey } from '../storage/workbookLeftovers';
import { pageWriteAhead } from './saveQueue';
import { PlanbookApp } from './services';

const plan = (title: string) => {
  const wb = makePlan({ rows: [['project', 0, 'Mạng LAN', { '2011:ĐTPT': 100 }]] });
  const sheets = wb.sheets.map((s) => ({ ...s, id: `${s.id}-${title}` }));
  return { ...wb, sheets, meta: { ...wb.meta, title } };
};

const link = { url: 'ws://server', document: 'd', token: 't' };

/** What is kept for a workbook outside its tables: setting, write-ahead entries, sync database. */
async function keptFor(app: PlanbookApp, id: string) {
  const names = (await indexedDB.databases()).map((d) => d.name);
  return {
    setting: (await app.repo.getSetting(syncSettingKey(id))) ?? null,
    ahead: pageWriteAhead().pending(id).length,
    database: names.includes(syncDatabaseName(id)),
  };
}

/** Gives a workbook a server link, a pending change and a local copy of its shared document. */
async function leaveEverything(app: PlanbookApp, id: string): Promise<void> {
  await app.repo.setSetting(syncSettingKey(id), link);
  pageWriteAhead().put(id, { seq: 1, baseRev: 1, change: { putRows: [], deleteRows: [] } });
  // the database y-indexeddb keeps (created empty here: storage's test writes a real document)
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.open(syncDatabaseName(id));
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error as Error);
  });
}

const everything = { setting: link, ahead: 1, database: true };
const nothing = { setting: null, ahead: 0, database: false };

describe('PlanbookApp.remove', () => {
  it("deletes the workbook's server link, pending changes and sync database; another keeps its own", async () => {
    const app = new PlanbookApp('remove-leftovers');
    const gone = await app.createFromImport(plan('Xóa'));
    const kept = await app.createFromImport(plan('Giữ'));
    await leaveEverything(app, gone);
    await leaveEverything(app, kept);
    expect(await keptFor(app, gone)).toEqual(everything);

    await app.remove(gone);

    expect(await app.repo.load(gone)).toBeUndefined();
    expect(await keptFor(app, gone)).toEqual(nothing);
    expect(await keptFor(app, kept)).toEqual(everything);
  });
});

describe('import all, replacing a stored workbook', () => {
  it("drops the replaced workbook's server link, pending changes and sync database", async () => {
    const a = new PlanbookApp('replace-leftovers-a');
    const id = await a.createFromImport(plan('Kế hoạch'));
    const { bytes } = await a.archive.exportAll();
    const b = new PlanbookApp('replace-leftovers-b');
    const read = await b.archive.read(bytes);
    if (!read.ok) throw new Error('archive not read');
    await b.archive.import(read.plan, 'copy', ' (bản sao)'); // stored under the same id
    await leaveEverything(b, id);

    const r = await b.archive.import(read.plan, 'replace', '');

    expect(r.replaced).toBe(1);
    expect(await keptFor(b, id)).toEqual(nothing);
  });
});
