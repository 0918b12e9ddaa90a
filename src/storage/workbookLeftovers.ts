/**
 * What is kept for a workbook outside its own tables, named in one place so that deleting (or
 * replacing) the workbook removes it too: the setting that links it to a collaboration server, the
 * write-ahead entries of changes not yet committed (localStorage), and the local copy of its shared
 * document (a y-indexeddb database of its own).
 */
import type { Id } from '../domain/types';
import type { PlanbookDb } from './db';
import type { WriteAhead } from './writeAhead';

/** The settings key remembering a workbook's server link (`SyncSettings`, or null once unlinked). */
export const syncSettingKey = (workbookId: Id): string => `${SYNC_SETTING_PREFIX}${workbookId}`;

const SYNC_SETTING_PREFIX = 'sync:';

const SYNC_DB_PREFIX = 'planbook-sync-';

/** The IndexedDB database holding a workbook's local copy of its shared (Yjs) document. */
export const syncDatabaseName = (workbookId: Id): string => `${SYNC_DB_PREFIX}${workbookId}`;

/** The workbook id a key or database name made with `prefix` names (null: not one of those). */
const idAfter = (name: string, prefix: string): Id | null =>
  name.startsWith(prefix) ? name.slice(prefix.length) : null;

/** The settings keys kept for a workbook (deleted with it, in its deletion's transaction). */
export function workbookSettingKeys(workbookId: Id): string[] {
  return [syncSettingKey(workbookId)];
}

/** Where the leftovers live outside the Dexie database (the page's by default). */
export interface LeftoverPlaces {
  /** The write-ahead record whose entries of the workbook are dropped. */
  ahead: WriteAhead;
  /** The IndexedDB factory holding the sync databases (absent: none, as in Node). */
  idb?: IDBFactory | null;
}

/**
 * Deletes a whole IndexedDB database by name. Resolves once deleted, or at once when another
 * connection holds it open (`blocked`: the browser deletes it when that connection closes), or when
 * the browser refuses (a leftover is never a reason to fail a deletion).
 */
export function deleteDatabase(idb: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve) => {
    try {
      const req = idb.deleteDatabase(name);
      req.onsuccess = () => resolve();
      req.onerror = () => resolve();
      req.onblocked = () => resolve();
    } catch {
      resolve();
    }
  });
}

/**
 * Removes what a deleted (or replaced) workbook left outside the tables its deletion's transaction
 * covers: its pending write-ahead entries and its sync database. Its settings are deleted by
 * `WorkbookRepo.remove` itself.
 */
export async function removeWorkbookLeftovers(
  workbookId: Id,
  places: LeftoverPlaces,
): Promise<void> {
  places.ahead.drop(workbookId);
  if (places.idb) await deleteDatabase(places.idb, syncDatabaseName(workbookId));
}

/**
 * Removes the leftovers of workbooks no longer stored (left by deletions of earlier versions):
 * their server-link settings, write-ahead entries and sync databases. How many workbooks had some.
 */
export async function dropLeftoverOrphans(db: PlanbookDb, places: LeftoverPlaces): Promise<number> {
  const alive = new Set<Id>((await db.workbooks.toCollection().primaryKeys()) as Id[]);
  const gone = new Set<Id>();
  const settingKeys = (await db.settings.toCollection().primaryKeys()) as string[];
  const orphanKeys = settingKeys.filter((k) => {
    const id = idAfter(k, SYNC_SETTING_PREFIX);
    if (id === null || alive.has(id)) return false;
    gone.add(id);
    return true;
  });
  if (orphanKeys.length) await db.settings.bulkDelete(orphanKeys);
  for (const id of places.ahead.workbooks()) if (!alive.has(id)) gone.add(id);
  const idb = places.idb;
  if (idb && typeof idb.databases === 'function') {
    const names = (await idb.databases().catch(() => [])).map((d) => d.name ?? '');
    for (const n of names) {
      const id = idAfter(n, SYNC_DB_PREFIX);
      if (id !== null && !alive.has(id)) gone.add(id);
    }
  }
  for (const id of gone) await removeWorkbookLeftovers(id, places);
  return gone.size;
}
