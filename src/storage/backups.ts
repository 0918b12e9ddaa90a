/**
 * Automatic backups in IndexedDB: a summary per copy (listed without reading the copies) and the
 * copy itself. Adding a copy and dropping those the app's policy no longer keeps is one
 * transaction, so the set never grows past the policy's bound, even across tabs.
 */
import { newId } from '../domain/ids';
import type { Id, Workbook } from '../domain/types';
import type { BackupDataRecord, BackupRecord, PlanbookDb } from './db';

export type BackupSummary = BackupRecord;

/** Decides, from a workbook's summaries (newest first), the ids of the copies to keep. */
export type KeepPolicy = (summaries: BackupSummary[]) => Set<Id>;

/** The workbook a copy holds (stored as itself, or as its text and date). */
function snapshotOf(data: BackupDataRecord): Workbook {
  if (data.json === undefined) return data.snapshot as Workbook;
  const wb = JSON.parse(data.json.join('')) as Workbook;
  wb.updatedAt = data.updatedAt ?? 0;
  return wb;
}

export class BackupRepo {
  constructor(private readonly db: PlanbookDb) {}

  /**
   * Stores a copy of a workbook and drops, in the same transaction, the workbook's copies `keep`
   * does not keep. Resolves with the new summary (null when `keep` did not keep it either). With
   * `json` (the workbook's JSON text, `updatedAt` 0, in pieces) the copy is stored as that text.
   */
  async add(
    snapshot: Workbook,
    o: { reason: BackupRecord['reason']; size: number; hash: string; at?: number; json?: string[] },
    keep: KeepPolicy,
  ): Promise<BackupSummary | null> {
    const rec: BackupRecord = {
      id: newId('b'),
      workbookId: snapshot.id,
      title: snapshot.meta.title,
      createdAt: o.at ?? Date.now(),
      reason: o.reason,
      size: o.size,
      hash: o.hash,
    };
    return this.db.transaction('rw', this.db.backups, this.db.backupData, async () => {
      await this.db.backups.add(rec);
      await this.db.backupData.add(
        o.json === undefined
          ? { id: rec.id, snapshot }
          : { id: rec.id, json: o.json, updatedAt: snapshot.updatedAt },
      );
      const all = await this.list(snapshot.id);
      const kept = keep(all);
      const drop = all.filter((b) => !kept.has(b.id)).map((b) => b.id);
      if (drop.length) {
        await this.db.backups.bulkDelete(drop);
        await this.db.backupData.bulkDelete(drop);
      }
      return kept.has(rec.id) ? rec : null;
    });
  }

  /** The copies of one workbook (or of every workbook), newest first. */
  async list(workbookId?: Id): Promise<BackupSummary[]> {
    const recs =
      workbookId === undefined
        ? await this.db.backups.toArray()
        : await this.db.backups.where('workbookId').equals(workbookId).toArray();
    return recs.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  }

  /** The newest copy of a workbook, if any. */
  async latest(workbookId: Id): Promise<BackupSummary | undefined> {
    return (await this.list(workbookId))[0];
  }

  /** One copy with its summary; undefined when it is gone. */
  async get(id: Id): Promise<{ summary: BackupSummary; snapshot: Workbook } | undefined> {
    return this.db.transaction('r', this.db.backups, this.db.backupData, async () => {
      const summary = await this.db.backups.get(id);
      const data = await this.db.backupData.get(id);
      return summary && data ? { summary, snapshot: snapshotOf(data) } : undefined;
    });
  }

  /** Deletes copies by id. */
  async remove(ids: Id[]): Promise<void> {
    await this.db.transaction('rw', this.db.backups, this.db.backupData, async () => {
      await this.db.backups.bulkDelete(ids);
      await this.db.backupData.bulkDelete(ids);
    });
  }
}
