/** The application's entry points over storage: list, create, open (with the edit lock), import, export. */
import type { Id, Workbook } from '../domain/types';
import { defersEngine } from './engineGate';
import { newId } from '../domain/ids';
import { newWorkbookFromTemplate, type TemplateOptions } from '../domain/template';
import { type ParseResult, parsePlanbook, serializePlanbook } from '../io/planbookFile';
import { openDb, type PlanbookDb } from '../storage/db';
import {
  dropLeftoverOrphans,
  type LeftoverPlaces,
  removeWorkbookLeftovers,
} from '../storage/workbookLeftovers';
import { tryEditLock, waitEditLock } from '../storage/locks';
import { WorkbookRepo, type WorkbookSummary } from '../storage/repo';
import sampleText from '../../fixtures/quang-tri-2011-2015.planbook?raw';
import { RevisionRepo } from '../storage/revisions';
import { HistoryRepo } from '../storage/history';
import { keepHistory, restoreHistory } from './historyKeep';
import { pageWriteAhead, replayAhead } from './saveQueue';
import { WorkbookSession } from './session';
import { fetchShared, type SyncProblem, type SyncSettings } from './sync';
import { settingsKey, SyncLink } from './syncLink';
import { Versions } from './versions';
import { ConsolidationRepo } from '../storage/consolidations';
import { Consolidations } from './consolidations';
import { ExecutionRepo } from '../storage/executions';
import { Executions } from './executions';
import { BackupRepo } from '../storage/backups';
import { Backups } from './backups';
import { EverythingRepo } from '../storage/everything';
import { ArchiveService } from './archive';
import { warmEditWhenIdle } from './warmEdit';
import { keepOpenCopy } from './openCopySteps';
import { openPreview, type PreviewHandle } from './previewSession';
import { holdSpareOff, keepPreviewWarm } from './previewSpare';
import { type LiveCells, withLiveCells, withLiveTotals } from './liveImport';
import type { ReadOptions } from '../io/readPlan';

export type { WorkbookSummary };

/** The page's places of workbook leftovers: its write-ahead record and its IndexedDB. */
const leftoverPlaces = (): LeftoverPlaces => ({
  ahead: pageWriteAhead(),
  idb: globalThis.indexedDB ?? null,
});

export interface OpenedWorkbook {
  session: WorkbookSession;
  /** The workbook's link to a collaboration server (absent for a revision opened read-only). */
  sync?: SyncLink;
  /** Releases the edit lock (or stops waiting for it) and closes the session. */
  close(): void;
}

export class PlanbookApp {
  readonly repo: WorkbookRepo;
  readonly versions: Versions;
  /** The consolidation workbooks (*Sổ tổng hợp*). */
  readonly consolidations: Consolidations;
  /** Years of execution followed per workbook (annual plans, reports, disbursement). */
  readonly executions: Executions;
  /** Undo histories kept with the workbooks. */
  readonly histories: HistoryRepo;
  /** Automatic copies of each workbook (taken while it is open), restorable from the start page. */
  readonly backups: Backups;
  /** Export all / import all (one archive file). */
  readonly archive: ArchiveService;

  private readonly db: PlanbookDb;

  constructor(dbName?: string) {
    const db = openDb(dbName);
    this.db = db;
    this.repo = new WorkbookRepo(db);
    this.histories = new HistoryRepo(db);
    this.backups = new Backups(new BackupRepo(db), this.repo);
    this.archive = new ArchiveService(new EverythingRepo(db), this.repo, this.backups, (id) =>
      removeWorkbookLeftovers(id, leftoverPlaces()),
    );
    const revisions = new RevisionRepo(db);
    this.versions = new Versions(this.repo, revisions);
    this.consolidations = new Consolidations(new ConsolidationRepo(db));
    this.trackings = new ExecutionRepo(db);
    this.executions = new Executions(this.trackings, revisions);
  }

  private readonly trackings: ExecutionRepo;

  /**
   * On each start: deletes trackings, server links, write-ahead entries and sync databases whose
   * workbook an older version deleted without them; on the
   * very first start, stores the sample plan (Quảng Trị 2011–2015).
   */
  async ensureSample(): Promise<void> {
    await this.trackings.dropOrphans().catch(() => 0); // never in the way of the start page
    await dropLeftoverOrphans(this.db, leftoverPlaces()).catch(() => 0);
    if (await this.repo.getSetting<boolean>('sampleCreated')) return;
    const r = parsePlanbook(sampleText);
    if (!r.ok) throw new Error('the embedded sample plan does not parse');
    await this.repo.create(r.workbook);
    await this.repo.setSetting('sampleCreated', true);
  }

  list(): Promise<WorkbookSummary[]> {
    return this.repo.list();
  }

  /** A new workbook from the template (first year, years, sources, unit). */
  async createFromTemplate(o: TemplateOptions): Promise<Id> {
    const wb = newWorkbookFromTemplate(o);
    await this.repo.create(wb);
    return wb.id;
  }

  /** Opens a `.planbook` file's text as a new workbook; nothing stored is touched on error. */
  async importPlanbook(text: string): Promise<ParseResult & { id?: Id }> {
    const r = parsePlanbook(text);
    if (!r.ok) return r;
    await this.repo.create(r.workbook);
    return { ...r, id: r.workbook.id };
  }

  /** Reads a dropped or chosen file for the import preview (in its worker); nothing is stored. */
  readForPreview(name: string, bytes: Uint8Array, options?: ReadOptions): Promise<PreviewHandle> {
    return openPreview(name, bytes, options);
  }

  /**
   * Keeps the import preview's worker started ahead (in an idle period) while the import is at
   * hand, until the returned function is called: the next read does not wait for it to start.
   */
  keepImportWarm(): () => void {
    return keepPreviewWarm();
  }

  /**
   * Stores a workbook read from a file (after the preview); a load, never an undo step. From a
   * spreadsheet (`spreadsheet`, the default), section and total figures that agree with their rows
   * are stored as live totals (`liveImport.ts`); a `.planbook`'s figures are stored as saved.
   * `cells`: those figures as the preview's worker computed them for this plan, only cleared here
   * (computed here when they are not given, or were computed on another plan).
   */
  async createFromImport(wb: Workbook, spreadsheet = true, cells?: LiveCells | null): Promise<Id> {
    const live = !spreadsheet ? wb : ((cells && withLiveCells(wb, cells)) ?? withLiveTotals(wb));
    const fresh = { ...live, id: newId('w'), createdAt: Date.now(), updatedAt: Date.now() };
    await this.repo.create(fresh);
    return fresh.id;
  }

  /** The `.planbook` text of a workbook. */
  exportPlanbook(wb: Workbook): string {
    return serializePlanbook(wb);
  }

  /**
   * Opens a workbook for editing, or read-only when another tab holds it; a read-only session
   * becomes editable (with the latest stored data) as soon as the other tab lets go.
   */
  async open(id: Id): Promise<OpenedWorkbook | undefined> {
    // no import worker started ahead while the workbook is read and its session built (#20)
    const letGo = holdSpareOff();
    try {
      return await this.openHeld(id);
    } finally {
      letGo();
    }
  }

  private async openHeld(id: Id): Promise<OpenedWorkbook | undefined> {
    let lock = await tryEditLock(id);
    // changes a killed tab recorded ahead and did not commit are committed first
    if (lock) await replayAhead(this.repo, id);
    // the undo history kept with the workbook is read beside it (two reads at once, not one after
    // the other before the grid)
    const kept = lock ? this.histories.load(id).catch(() => undefined) : undefined;
    const loaded = await this.repo.load(id);
    if (!loaded) {
      lock?.release();
      return undefined;
    }
    globalThis.performance?.mark?.('pb:loaded');
    // a large workbook shows its stored figures first; the engine is built once the grid is up
    const session = new WorkbookSession(
      loaded,
      this.repo,
      lock === null,
      defersEngine(loaded.workbook),
    );
    // the undo history kept with the workbook, when it leads to the revision just loaded
    if (lock) restoreHistory(session, await kept, loaded.rev);
    const history = keepHistory(session, this.histories, id);
    session.watch();
    warmEditWhenIdle(session.engineBuilt);
    // a large workbook read row by row: its open copy written after the engine and its checks
    // (the next open reads a few records); a copy stopped when the workbook is closed or edited
    // is not set
    const loadedRev = loaded.rev;
    const copying =
      lock && !loaded.fromCopy && defersEngine(loaded.workbook)
        ? keepOpenCopy(
            this.repo.openCopyWriter(loaded),
            // (built without asking for it, then its checks' first pass)
            session.engineBuilt.then(() => session.whenEngineReady()),
            // a change committed (or on its way): the copy would be stale, its writing stops
            () => session.committedRev !== loadedRev,
          )
        : undefined;
    const sync = new SyncLink(session, this.repo);
    void sync.resume();
    const unbackup = this.backups.attach(session);
    const waiting = new AbortController();
    if (!lock) {
      void waitEditLock(id, waiting.signal).then(async (got) => {
        if (!got) return;
        if (waiting.signal.aborted) return got.release();
        lock = got;
        await replayAhead(this.repo, id);
        const latest = await this.repo.load(id);
        // the history the other tab kept goes on here (when it leads to the state loaded); read
        // first, so that this session's own write after the take-over cannot come before it
        const kept = await this.histories.load(id).catch(() => undefined);
        if (latest) {
          session.takeOver(latest);
          restoreHistory(session, kept, latest.rev);
        }
        void sync.resume();
      });
    }
    return {
      session,
      sync,
      close: () => {
        copying?.stop();
        unbackup();
        waiting.abort();
        lock?.release();
        sync.close();
        history.stop();
        session.close();
      },
    };
  }

  /**
   * Opens a workbook shared on a collaboration server: stores it here as a new workbook (of the
   * same lineage, so its rows keep their identities) connected to the server. The new id, or why
   * it cannot be opened.
   */
  async openFromServer(
    settings: SyncSettings,
  ): Promise<{ id: Id } | { problem: SyncProblem; detail: string }> {
    const got = await fetchShared(settings);
    if (!('workbook' in got)) return got;
    const now = Date.now();
    const wb = { ...got.workbook, id: newId('w'), createdAt: now, updatedAt: now };
    await this.repo.create(wb);
    await this.repo.setSetting(settingsKey(wb.id), settings);
    return { id: wb.id };
  }

  /**
   * Deletes a workbook with all that is kept for it (its server link, write-ahead entries and sync
   * database too); a copy of it is kept among the backups first (restorable from there).
   */
  async remove(id: Id): Promise<void> {
    const loaded = await this.repo.load(id);
    if (loaded) await this.backups.take(loaded.workbook, 'beforeRemove').catch(() => undefined);
    await this.repo.remove(id);
    await removeWorkbookLeftovers(id, leftoverPlaces());
  }

  /** A backup restored over its workbook (what the workbook holds now is backed up first). */
  restoreBackupOver(backupId: Id): ReturnType<Backups['restoreOver']> {
    return this.backups.restoreOver(backupId, (id) => this.open(id));
  }
}
