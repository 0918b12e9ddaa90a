/**
 * Consolidation workbooks in IndexedDB: the consolidator's state (one record, rewritten on each
 * change, refused when another tab wrote it since), and the submissions with their files, written
 * once and never changed (deleted only when the consolidator removes one received by mistake).
 */
import { liveQuery } from 'dexie';
import type { Consolidation, Submission } from '../domain/consolidateTypes';
import type { Id, Workbook } from '../domain/types';
import type { ConsolidationRecord, PlanbookDb } from './db';
import { ConflictError } from './repo';

/** A consolidation for the start page. */
export interface ConsolidationSummary {
  id: Id;
  title: string;
  units: number;
  submitted: number;
  updatedAt: number;
}

/** A loaded consolidation with its submissions (every one received, by id). */
export interface LoadedConsolidation {
  consolidation: Consolidation;
  submissions: Map<Id, Submission>;
  rev: number;
}

export class ConsolidationRepo {
  constructor(private readonly db: PlanbookDb) {}

  /** Every consolidation, most recently changed first. */
  async list(): Promise<ConsolidationSummary[]> {
    const recs = await this.db.consolidations.orderBy('updatedAt').reverse().toArray();
    return recs.map((c) => ({
      id: c.id,
      title: c.form.title,
      units: c.form.units.length,
      submitted: Object.keys(c.current).length,
      updatedAt: c.updatedAt,
    }));
  }

  /** Stores a new consolidation. */
  async create(c: Consolidation): Promise<void> {
    await this.db.consolidations.add({ ...c, rev: 1 });
  }

  /** A consolidation with its submissions; undefined when it does not exist. */
  async load(id: Id): Promise<LoadedConsolidation | undefined> {
    return this.db.transaction('r', this.db.consolidations, this.db.submissions, async () => {
      const rec = await this.db.consolidations.get(id);
      if (!rec) return undefined;
      const subs = await this.db.submissions.where('consolidationId').equals(id).toArray();
      const { rev, ...consolidation } = rec;
      return {
        consolidation,
        submissions: new Map(subs.map((s) => [s.id, s.submission])),
        rev,
      };
    });
  }

  /**
   * Stores the consolidator's state if the stored revision is still `baseRev`, with the new
   * submissions received (and their files) and without the ones `dropped` (removed by the
   * consolidator, files too) in the same transaction; resolves with the new revision.
   */
  async save(
    c: Consolidation,
    baseRev: number,
    received: {
      submission: Submission;
      workbook: Workbook;
      name: string;
      bytes: Uint8Array;
    }[] = [],
    dropped: readonly Id[] = [],
  ): Promise<number> {
    const tables = [this.db.consolidations, this.db.submissions, this.db.submissionFiles];
    return this.db.transaction('rw', tables, async () => {
      const stored = await this.db.consolidations.get(c.id);
      if (!stored) throw new ConflictError(0);
      if (stored.rev !== baseRev) throw new ConflictError(stored.rev);
      for (const r of received) {
        await this.db.submissions.add({
          id: r.submission.id,
          consolidationId: c.id,
          submission: r.submission,
          workbook: r.workbook,
        });
        await this.db.submissionFiles.add({
          id: r.submission.id,
          consolidationId: c.id,
          name: r.name,
          bytes: r.bytes,
        });
      }
      if (dropped.length) {
        await this.db.submissions.bulkDelete([...dropped]);
        await this.db.submissionFiles.bulkDelete([...dropped]);
      }
      const rec: ConsolidationRecord = { ...c, updatedAt: Date.now(), rev: baseRev + 1 };
      await this.db.consolidations.put(rec);
      return rec.rev;
    });
  }

  /** The workbook a submission's file read as. */
  async submissionWorkbook(id: Id): Promise<Workbook | undefined> {
    return (await this.db.submissions.get(id))?.workbook;
  }

  /** A submitted file's name and bytes, exactly as received. */
  async file(id: Id): Promise<{ name: string; bytes: Uint8Array } | undefined> {
    const f = await this.db.submissionFiles.get(id);
    return f && { name: f.name, bytes: f.bytes };
  }

  /** Calls back with the stored revision whenever it changes, in this tab or another. */
  watchRevision(id: Id, cb: (rev: number) => void): () => void {
    const sub = liveQuery(() => this.db.consolidations.get(id).then((c) => c?.rev ?? 0)).subscribe({
      next: cb,
      error: () => undefined,
    });
    return () => sub.unsubscribe();
  }

  /** Deletes a consolidation, its submissions and their files. */
  async remove(id: Id): Promise<void> {
    const tables = [this.db.consolidations, this.db.submissions, this.db.submissionFiles];
    await this.db.transaction('rw', tables, async () => {
      await this.db.submissionFiles.where('consolidationId').equals(id).delete();
      await this.db.submissions.where('consolidationId').equals(id).delete();
      await this.db.consolidations.delete(id);
    });
  }
}
