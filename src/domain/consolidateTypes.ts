/**
 * Consolidating the departments' submissions (*tổng hợp*): the province's form, each submission
 * kept unchanged with its provenance, and the consolidator's state (mappings confirmed per unit,
 * proposed amounts, duplicate resolutions). Pure data, serialisable as JSON; amounts in the form's
 * unit (triệu đồng).
 */
import type { Finding } from './checks';
import type { SheetDisplay } from './display';

/** An amount column of the form: a year (null: none) and a canonical capital source ('' : none). */
export interface FormColumn {
  id: string;
  year: number | null;
  source: string;
}

export interface FormSection {
  id: string;
  name: string;
}

/** The province's consolidation form and the units expected to submit. */
export interface ConsolidationForm {
  title: string;
  /** ĐVT, e.g. 'triệu đồng'. */
  unit: string;
  columns: FormColumn[];
  sections: FormSection[];
  /** Units expected to submit, as the consolidator names them. */
  units: string[];
}

/** Where a submission came from. */
export interface Provenance {
  /** The submitting unit. */
  unit: string;
  /**
   * Read from the file's issuing body, chosen by the user, (last resort) the file's name, or
   * certified by the collaboration server (the sender's account) for a file sent through it.
   */
  unitFrom: 'file' | 'chosen' | 'fileName' | 'server';
  fileName: string;
  /** When it was received (ISO 8601). */
  receivedAt: string;
  /** SHA-256 of the file's bytes, lower-case hex. */
  sha256: string;
  size: number;
  note: string;
}

/** What a numeric column of a submission holds. */
export type ColumnKind = 'amount' | 'subtotal' | 'other';

/** A numeric column of a submission, as its header reads. */
export interface SubmittedColumn {
  /** `sheetId:leafId`. */
  key: string;
  sheet: string;
  /** Header path, outermost first. */
  path: string[];
  year: number | null;
  /** Canonical source code, or null when the header names none. */
  source: string | null;
  kind: ColumnKind;
  /** Why a column is not an amount (a year total, the stated investment…). */
  reason?: string;
}

/** A project as the submission states it. */
export interface SubmittedProject {
  /** `sheetId:rowId` in the submission's workbook. */
  id: string;
  number: string;
  name: string;
  lead: string;
  /** Names of its sections, outermost first, as written. */
  sections: string[];
  /** Line in the file (1-based) where known. */
  line: number | null;
  /** Amounts by column key (blank cells absent). */
  values: Record<string, number>;
  /** What the unit wrote in its notes column (_Ghi chú_: `Chuyển tiếp`, `Khởi công mới`…); absent when blank. */
  note?: string;
}

/** A check finding of the submission itself (explain it with `explain` of checks.ts). */
export type SubmissionFinding = Omit<Finding, 'rowId' | 'colId'> & {
  /** The sheet and the line in the file (1-based) where known. */
  sheet: string;
  line: number | null;
};

/** A submission: the file's reading, kept unchanged. */
export interface Submission {
  id: string;
  provenance: Provenance;
  title: string;
  /** The money unit the file states (ĐVT: `triệu đồng`, `đồng`…), '' when it states none. */
  unit: string;
  /** Sheets whose projects were taken. */
  sheets: string[];
  columns: SubmittedColumn[];
  projects: SubmittedProject[];
  findings: SubmissionFinding[];
  /** Reader notes (joined rows, converted encodings…). */
  notes: string[];
}

/** A submission's columns mapped onto the form's: column key → form column id (null: not used). */
export type ColumnMapping = Record<string, string | null>;

/** How the consolidator settled a duplicate pair. */
export type Resolution =
  | { kind: 'both' }
  | { kind: 'keep'; keep: string }
  /** One row: the first project's name, both units, amounts added up. */
  | { kind: 'merge' };

/** How the consolidated appendix groups its projects. */
export type Grouping = 'section' | 'unit';

/** The consolidator's workbook state (submissions are stored beside it, by id). */
export interface Consolidation {
  id: string;
  form: ConsolidationForm;
  /** Every submission received, oldest first (earlier ones stay in the history). */
  submissionIds: string[];
  /** The submission in force per unit key (`unitKey`). */
  current: Record<string, string>;
  /** Mappings confirmed by the user, per unit key, by column signature (`columnSignature`). */
  mappings: Record<string, Record<string, string | null>>;
  /** Proposed amounts that the consolidator set, by entry key (`submissionId/projectId`) and form column. */
  proposed: Record<string, Record<string, number>>;
  /** Duplicate resolutions by pair key. */
  resolutions: Record<string, Resolution>;
  grouping: Grouping;
  /** How the consolidated figures show (display unit, decimals); absent: the form's unit. */
  display?: SheetDisplay;
  createdAt: number;
  updatedAt: number;
}
