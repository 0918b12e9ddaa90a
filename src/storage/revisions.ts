/** Revisions: named snapshots of a workbook, written once and never changed. */
import { newId } from '../domain/ids';
import type { Id, Workbook } from '../domain/types';
import type { PlanbookDb, RevisionRecord } from './db';

/** A revision without its snapshot, for the timeline. */
export type RevisionSummary = Omit<RevisionRecord, 'snapshot'>;

export class RevisionRepo {
  constructor(private readonly db: PlanbookDb) {}

  /** Stores a new revision of a workbook (a deep copy: later edits never reach it). */
  async add(
    workbookId: Id,
    snapshot: Workbook,
    o: { name: string; note?: string; origin?: RevisionRecord['origin']; fileName?: string },
  ): Promise<RevisionSummary> {
    const rec: RevisionRecord = {
      id: newId('v'),
      workbookId,
      name: o.name.trim() || 'Phiên bản',
      note: o.note?.trim() ?? '',
      createdAt: 0,
      origin: o.origin ?? 'saved',
      ...(o.fileName ? { fileName: o.fileName } : {}),
      snapshot: structuredClone(snapshot),
    };
    await this.db.transaction('rw', this.db.revisions, async () => {
      // strictly after the newest revision: two saved in one millisecond keep their order
      const last = await this.db.revisions
        .where('[workbookId+createdAt]')
        .between([workbookId, 0], [workbookId, Infinity])
        .last();
      rec.createdAt = Math.max(Date.now(), last ? last.createdAt + 1 : 0);
      await this.db.revisions.add(rec);
    });
    const { snapshot: _s, ...summary } = rec;
    return summary;
  }

  /** The revisions of a workbook, oldest first (the timeline). */
  async list(workbookId: Id): Promise<RevisionSummary[]> {
    const recs = await this.db.revisions
      .where('[workbookId+createdAt]')
      .between([workbookId, 0], [workbookId, Infinity])
      .toArray();
    return recs.map(({ snapshot: _s, ...summary }) => summary);
  }

  /** One revision with its snapshot; undefined when there is none. */
  get(id: Id): Promise<RevisionRecord | undefined> {
    return this.db.revisions.get(id);
  }

  /** Deletes every revision of a workbook (when the workbook itself is deleted). */
  async removeAll(workbookId: Id): Promise<void> {
    await this.db.revisions.where('workbookId').equals(workbookId).delete();
  }
}
