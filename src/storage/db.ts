/** The IndexedDB schema (Dexie). Versions are declared from day one; each upgrade migrates data. */
import Dexie, { type EntityTable } from 'dexie';
import type { Consolidation, Submission } from '../domain/consolidateTypes';
import type { ExecutionTrackingRecord, VersionRecord } from '../domain/records';
import type { StoredDelta } from './packedFigures';
import type { AppendixSheet, GridSheet, Id, PlanMeta, Row, Workbook } from '../domain/types';

export interface WorkbookRecord {
  id: Id;
  /** The workbook whose row ids its rows carry, when not this one (see `Workbook.lineage`). */
  lineage?: Id;
  meta: PlanMeta;
  sheetIds: Id[];
  /** Plain grid sheets (kept whole with the workbook: they are small and rarely edited). */
  grids?: GridSheet[];
  createdAt: number;
  updatedAt: number;
  /** Incremented by every committed change: a writer whose base revision is stale is refused. */
  rev: number;
  /** Column widths the user dragged, by sheet then column (px); never an undo step, no revision. */
  widths?: ColumnWidthsBySheet;
  /** Project rows of its sheets, kept by every commit (absent on older records: counted once). */
  projects?: number;
  /**
   * The open copy of the rows (`openCopy.ts`): read whole in a few records when `rev` is still the
   * workbook's; any commit makes it stale.
   */
  copy?: OpenCopyMark;
}

/** Which open copy a workbook has: its stamp, the revision it holds, its number of parts. */
export interface OpenCopyMark {
  stamp: string;
  rev: number;
  parts: number;
}

/** One part of a workbook's open copy: a run of one sheet's rows, as stored, with their keys. */
export interface OpenCopyRecord {
  workbookId: Id;
  stamp: string;
  part: number;
  sheetId: Id;
  rows: Row[];
  orders: string[];
}

/** Column widths in px by sheet id, then column id. */
export type ColumnWidthsBySheet = Record<Id, Record<Id, number>>;

export type SheetRecord = Omit<AppendixSheet, 'rows'> & { workbookId: Id };

export type RowRecord = Row & { sheetId: Id; order: string };

/** A named, immutable snapshot of a workbook (the shape the archive file holds too). */
export type RevisionRecord = VersionRecord;

/** A year's tracking of a workbook's execution (the shape the archive file holds too). */
export type ExecutionRecord = ExecutionTrackingRecord;

/**
 * A change to a stored tracking kept after its record (an edit saves only what it changed; the
 * record is rewritten whole, and its changes dropped, after a report or every few hundred edits).
 */
export interface ExecutionDeltaRecord {
  /** Order of the changes (auto-incremented). */
  seq?: number;
  executionId: Id;
  /** The change, its periods' figures packed where they are many (packedFigures.ts). */
  delta: StoredDelta;
}

/**
 * An automatic backup: a whole copy of a workbook taken on open and while editing, kept in a
 * rolling set per workbook (the app decides which to keep) and restorable from the start page.
 */
export interface BackupRecord {
  id: Id;
  workbookId: Id;
  /** The workbook's title when the copy was taken (the list shows it even if the workbook is gone). */
  title: string;
  createdAt: number;
  /** Why it was taken: opening, editing, closing, or before a restore, an import or a removal. */
  reason: 'open' | 'edit' | 'close' | 'beforeRestore' | 'beforeImport' | 'beforeRemove';
  /** Size of the copy as JSON text, in UTF-16 code units (about bytes): the bound is on their sum. */
  size: number;
  /** A hash of the content (a copy equal to the last one is not taken again). */
  hash: string;
}

/** The copy itself, apart from its summary (so listing backups never reads the copies). */
/**
 * A backup's workbook: the workbook itself (copies taken before #20), or its JSON text (in
 * pieces) with `updatedAt` 0 and the date apart (strings are stored at the cost of a copy; a
 * workbook's objects are cloned one by one).
 */
export interface BackupDataRecord {
  id: Id;
  snapshot?: Workbook;
  /** The JSON text, in pieces. */
  json?: string[];
  updatedAt?: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** A consolidation workbook (*Sổ tổng hợp*): the consolidator's state, rewritten on each change. */
export type ConsolidationRecord = Consolidation & { rev: number };

/** A submission as received: never changed once stored. */
export interface SubmissionRecord {
  id: Id;
  consolidationId: Id;
  submission: Submission;
  /** The workbook as the file read (opened read-only from the status board). */
  workbook: Workbook;
}

/** The bytes of a submitted file, exactly as received. */
export interface SubmissionFileRecord {
  id: Id;
  consolidationId: Id;
  name: string;
  bytes: Uint8Array;
}

/** Which kept undo steps a workbook's history holds, valid while the workbook is at `rev`. */
export interface HistoryStateRecord {
  workbookId: Id;
  rev: number;
  past: number[];
  future: number[];
}

/** One kept undo step of a workbook (its delta, as pure data). */
export interface HistoryStepRecord {
  workbookId: Id;
  seq: number;
  label: string;
  delta: unknown;
}

export type PlanbookDb = Dexie & {
  workbooks: EntityTable<WorkbookRecord, 'id'>;
  sheets: EntityTable<SheetRecord, 'id'>;
  rows: Dexie.Table<RowRecord, [Id, Id]>;
  settings: EntityTable<SettingRecord, 'key'>;
  revisions: EntityTable<RevisionRecord, 'id'>;
  consolidations: EntityTable<ConsolidationRecord, 'id'>;
  submissions: EntityTable<SubmissionRecord, 'id'>;
  submissionFiles: EntityTable<SubmissionFileRecord, 'id'>;
  executions: EntityTable<ExecutionRecord, 'id'>;
  executionDeltas: Dexie.Table<ExecutionDeltaRecord, number>;
  historyStates: EntityTable<HistoryStateRecord, 'workbookId'>;
  historySteps: Dexie.Table<HistoryStepRecord, [Id, number]>;
  backups: EntityTable<BackupRecord, 'id'>;
  backupData: EntityTable<BackupDataRecord, 'id'>;
  openCopies: Dexie.Table<OpenCopyRecord, [Id, string, number]>;
};

export const DB_NAME = 'planbook';

/** Opens (and creates or upgrades) the database. */
export function openDb(name = DB_NAME): PlanbookDb {
  const db = new Dexie(name) as PlanbookDb;
  db.version(1).stores({
    workbooks: 'id, updatedAt',
    sheets: 'id, workbookId',
    rows: '[sheetId+id], sheetId, [sheetId+order]',
    settings: 'key',
  });
  // version 2: named revisions of a workbook (nothing else changes: no data to migrate)
  db.version(2).stores({ revisions: 'id, workbookId, [workbookId+createdAt]' });
  // version 3: consolidation workbooks, their submissions and the submitted files (new tables only)
  db.version(3).stores({
    consolidations: 'id, updatedAt',
    submissions: 'id, consolidationId',
    submissionFiles: 'id, consolidationId',
  });
  // version 4: a year's execution tracking of a workbook (a new table: no data to migrate)
  db.version(4).stores({ executions: 'id, workbookId' });
  // version 5: the undo history kept with each workbook (new tables only)
  db.version(5).stores({
    historyStates: 'workbookId',
    historySteps: '[workbookId+seq], workbookId',
  });
  // version 6: automatic backups of each workbook (a new table: no data to migrate)
  db.version(6).stores({ backups: 'id, workbookId, createdAt', backupData: 'id' });
  // version 7: the changes saved after a stored tracking (a new table: trackings stored before
  // have none and load as they are)
  db.version(7).stores({ executionDeltas: '++seq, executionId' });
  // version 8: the open copy of a workbook's rows (a new table: a workbook without one loads its
  // rows as before, and gets one after its next open)
  db.version(8).stores({ openCopies: '[workbookId+stamp+part]' });
  return db;
}
