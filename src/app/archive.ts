/**
 * *Xuất tất cả* / *Nhập tất cả*: every workbook (with its versions and execution trackings) and
 * every consolidation into one `.planbook-archive` file, and back. A workbook already stored under
 * the same id is never overwritten silently: the user chooses to import it as a copy, to skip it,
 * or to replace it (the stored one is backed up first).
 */
import { newId } from '../domain/ids';
import type { Id, Workbook } from '../domain/types';
import {
  type Archive,
  type ArchiveError,
  type ArchivedWorkbook,
  readArchive,
  writeArchive,
} from '../io/archive';
import type { EverythingRepo } from '../storage/everything';
import type { WorkbookRepo } from '../storage/repo';
import type { Backups } from './backups';

/** What to do with an archived workbook whose id is already stored. */
export type ClashMode = 'copy' | 'skip' | 'replace';

/** An archive read and compared with what is stored. */
export interface ArchivePlan {
  archive: Archive;
  /** Archived items whose id is already stored (title as archived). */
  clashes: { kind: 'workbook' | 'consolidation'; id: Id; title: string }[];
}

/** What an import did. */
export interface ArchiveImport {
  added: number;
  copied: number;
  replaced: number;
  skipped: number;
  consolidationsAdded: number;
  consolidationsReplaced: number;
  consolidationsSkipped: number;
}

export class ArchiveService {
  constructor(
    private readonly store: EverythingRepo,
    private readonly workbooks: WorkbookRepo,
    private readonly backups: Backups,
    /** Removes what a replaced workbook left outside the tables (write-ahead, sync database). */
    private readonly dropLeftovers: (id: Id) => Promise<void> = async () => undefined,
  ) {}

  /** The archive of everything stored, with its counts. */
  async exportAll(): Promise<{ bytes: Uint8Array; workbooks: number; consolidations: number }> {
    const workbooks = (await this.store.workbooksAll()).map((w): ArchivedWorkbook => ({
      workbook: w.workbook,
      versions: w.revisions,
      executions: w.executions,
    }));
    const consolidations = await this.store.consolidationsAll();
    const bytes = writeArchive({
      savedAt: new Date().toISOString(),
      workbooks,
      consolidations,
    });
    return { bytes, workbooks: workbooks.length, consolidations: consolidations.length };
  }

  /** Reads an archive and names what is already stored; nothing is written. */
  async read(
    bytes: Uint8Array,
  ): Promise<{ ok: true; plan: ArchivePlan } | { ok: false; error: ArchiveError }> {
    const r = readArchive(bytes);
    if (!r.ok) return r;
    const a = r.archive;
    const taken = await this.store.taken({
      workbooks: a.workbooks.map((w) => w.workbook.id),
      consolidations: a.consolidations.map((c) => c.consolidation.id),
    });
    const clashes: ArchivePlan['clashes'] = [
      ...a.workbooks
        .filter((w) => taken.has(w.workbook.id))
        .map((w) => ({
          kind: 'workbook' as const,
          id: w.workbook.id,
          title: w.workbook.meta.title,
        })),
      ...a.consolidations
        .filter((c) => taken.has(c.consolidation.id))
        .map((c) => ({
          kind: 'consolidation' as const,
          id: c.consolidation.id,
          title: c.consolidation.form.title,
        })),
    ];
    return { ok: true, plan: { archive: a, clashes } };
  }

  /**
   * Stores what an archive holds. Items not stored yet keep their ids; for the others `mode`
   * decides (a consolidation is never copied: skipped unless replaced). `suffix` ends the title
   * of a copy.
   */
  async import(plan: ArchivePlan, mode: ClashMode, suffix: string): Promise<ArchiveImport> {
    const out: ArchiveImport = {
      added: 0,
      copied: 0,
      replaced: 0,
      skipped: 0,
      consolidationsAdded: 0,
      consolidationsReplaced: 0,
      consolidationsSkipped: 0,
    };
    for (const w of plan.archive.workbooks) {
      const id = w.workbook.id;
      const clash = (await this.store.taken({ workbooks: [id] })).has(id);
      if (clash && mode === 'skip') {
        out.skipped++;
        continue;
      }
      if (clash && mode === 'copy') {
        await this.store.putWorkbook(copyOf(w, suffix));
        out.copied++;
        continue;
      }
      let own: Id[] = [];
      if (clash) {
        const stored = await this.workbooks.load(id);
        if (stored) {
          own = stored.workbook.sheets.map((s) => s.id);
          await this.backups.take(stored.workbook, 'beforeImport');
        }
      }
      const sheetIds = w.workbook.sheets.map((s) => s.id);
      const takenSheets = await this.store.taken({ sheets: sheetIds });
      for (const s of own) takenSheets.delete(s);
      const workbook = takenSheets.size ? freshSheets(w.workbook) : w.workbook;
      await this.store.putWorkbook(
        {
          workbook,
          revisions: w.versions,
          executions: w.executions,
        },
        clash,
      );
      // the replaced workbook's pending changes and shared copy are not this one's
      if (clash) await this.dropLeftovers(id);
      if (clash) out.replaced++;
      else out.added++;
    }
    for (const c of plan.archive.consolidations) {
      const id = c.consolidation.id;
      const clash = (await this.store.taken({ consolidations: [id] })).has(id);
      const subs = await this.store.taken({ submissions: c.submissions.map((s) => s.id) });
      if ((clash && mode !== 'replace') || (!clash && subs.size)) {
        out.consolidationsSkipped++;
        continue;
      }
      await this.store.putConsolidation(
        {
          consolidation: c.consolidation,
          submissions: c.submissions,
          files: c.files,
        },
        clash,
      );
      if (clash) out.consolidationsReplaced++;
      else out.consolidationsAdded++;
    }
    return out;
  }
}

/** The workbook with fresh sheet ids (its rows keep theirs: they are keyed by sheet). */
function freshSheets(wb: Workbook): Workbook {
  return { ...wb, sheets: wb.sheets.map((s) => ({ ...s, id: newId('s') })) };
}

/**
 * An archived workbook as a copy beside the stored one: a new id (of the same lineage, so they
 * compare row by row), fresh sheet ids, its versions and trackings re-keyed to it.
 */
function copyOf(w: ArchivedWorkbook, suffix: string) {
  const id = newId('w');
  const workbook: Workbook = {
    ...freshSheets(w.workbook),
    id,
    lineage: w.workbook.lineage ?? w.workbook.id,
    meta: { ...w.workbook.meta, title: `${w.workbook.meta.title}${suffix}` },
  };
  const revIds = new Map<Id, Id>();
  const revisions = w.versions.map((v) => {
    const nid = newId('v');
    revIds.set(v.id, nid);
    return { ...v, id: nid, workbookId: id };
  });
  const executions = w.executions.map((e) => {
    const nid = newId('x');
    const b = e.plan.basedOn;
    const basedOn = {
      ...b,
      ...(b.workbookId === w.workbook.id ? { workbookId: id } : {}),
      ...(b.revisionId && revIds.has(b.revisionId) ? { revisionId: revIds.get(b.revisionId) } : {}),
    };
    return { ...e, id: nid, workbookId: id, plan: { ...e.plan, id: nid, basedOn } };
  });
  return { workbook, revisions, executions };
}
