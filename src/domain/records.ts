/**
 * The records a workbook keeps beside it — its saved versions and its execution trackings — as
 * both the browser's storage and the `.planbook-archive` file hold them (one shape for both).
 */
import type { AnnualPlan } from './execution';
import type { Id, Workbook } from './types';

/** A named, immutable snapshot of a workbook (a draft, the version sent, an approved plan…). */
export interface VersionRecord {
  id: Id;
  workbookId: Id;
  name: string;
  note: string;
  createdAt: number;
  /** Saved from the workbook itself, or imported from a file (the department's new version). */
  origin: 'saved' | 'imported';
  fileName?: string;
  snapshot: Workbook;
}

/** A year's tracking of a workbook's execution (annual plan, periods, disbursement, targets). */
export interface ExecutionTrackingRecord {
  id: Id;
  workbookId: Id;
  updatedAt: number;
  plan: AnnualPlan;
  /** The last report imported: what it left unpaired (kept for the user to pair after a reload). */
  lastImport?: unknown;
}
