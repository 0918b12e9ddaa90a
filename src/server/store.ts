/**
 * Where the server keeps documents and its audit trail. Every update a client sends is appended
 * to a log before the server applies and acknowledges it, so an acknowledged edit survives the
 * server being killed; the log is folded into the document's snapshot from time to time.
 */
import * as Y from 'yjs';
import type { AuditKind } from '../domain/auditKinds';

/** One line of the audit trail. */
export interface AuditRow {
  doc: string;
  /** Server time, ms since 1970. */
  at: number;
  /** The authenticated account. */
  account: string;
  unit: string;
  /** `cell` a value written, `row+`/`row-` a row added/removed, `row` re-shaped, `sheet`,
   * `meta`, `grid`, `conflict` two values kept, `settle` a conflict settled, `refused` a write
   * outside the account's rights, `denied` a connection refused, `submit`/`fetch` a submission
   * file sent/fetched (every kind: `AUDIT_KINDS`). Read back, whatever the table holds. */
  kind: AuditKind;
  sheet?: string | null;
  row?: string | null;
  col?: string | null;
  /** JSON of the value before / after (cells: the number or text). */
  before?: string | null;
  after?: string | null;
  detail?: string | null;
  /** When the writer's clock said it wrote, ms. */
  clientAt?: number | null;
}

/** A submission file a department sent through the server, as the server recorded it. */
export interface SentSubmission {
  id: number;
  plan: string;
  /** The sender's unit (from the account, never from the request). */
  unit: string;
  /**
   * The sender's unit's display name as the account gives it (`Sở Giao thông vận tải`); null
   * for an account without one, or a send stored before accounts carried it.
   */
  unitName: string | null;
  /** The sender's account id and name. */
  account: string;
  name: string;
  fileName: string;
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string;
  size: number;
  /** Server time it was received, ms since 1970. */
  at: number;
}

export type NewSubmission = Omit<SentSubmission, 'id'>;

/** The submissions table's columns, in the order {@link submissionRow} gives their values. */
export const SUBMISSION_COLUMNS =
  'plan, unit, unit_name, account, name, file_name, sha256, size, at, data';

/** A new submission's values for an INSERT into the submissions table (both stores). */
export function submissionRow(s: NewSubmission, bytes: Uint8Array): unknown[] {
  return [
    s.plan,
    s.unit,
    s.unitName,
    s.account,
    s.name,
    s.fileName,
    s.sha256,
    s.size,
    s.at,
    Buffer.from(bytes),
  ];
}

/** A sent submission read back from a table row (ids and times may come as strings). */
export function sentFromRecord(x: Record<string, unknown>): SentSubmission {
  return {
    id: Number(x.id),
    plan: String(x.plan),
    unit: String(x.unit),
    unitName: x.unit_name === null || x.unit_name === undefined ? null : String(x.unit_name),
    account: String(x.account),
    name: String(x.name),
    fileName: String(x.file_name),
    sha256: String(x.sha256),
    size: Number(x.size),
    at: Number(x.at),
  };
}

export interface AuditQuery {
  doc?: string;
  sheet?: string;
  row?: string;
  col?: string;
  kind?: string;
  limit?: number;
}

export interface DocStore {
  /** The stored document: its snapshot with every logged update merged in (null: none). */
  load(name: string): Promise<Uint8Array | null>;
  /** Appends one update to the log (durable when the promise resolves). */
  append(name: string, update: Uint8Array): Promise<void>;
  /** The id of the last logged update (0: none). */
  lastId(name: string): Promise<number>;
  /** Logged updates after `afterId` (another instance's edits), with the last id. */
  since(name: string, afterId: number): Promise<{ last: number; updates: Uint8Array[] }>;
  /**
   * Merges the log's lines older than `keepMs` (younger ones stay: other instances catch up from
   * them) into one line, or folds them into the snapshot (`fold`, or once they weigh as much).
   */
  compact(name: string, keepMs: number, fold: boolean): Promise<void>;
  addAudit(rows: AuditRow[]): Promise<void>;
  /** Keeps a submission file a department sent; resolves with its id. */
  addSubmission(s: NewSubmission, bytes: Uint8Array): Promise<number>;
  /** The submissions sent for a plan, oldest first (without their bytes). */
  submissions(plan: string): Promise<SentSubmission[]>;
  /** One sent submission with its file's bytes (null: none with that id). */
  submissionFile(id: number): Promise<{ info: SentSubmission; bytes: Uint8Array } | null>;
  audit(q: AuditQuery): Promise<(AuditRow & { id: number })[]>;
  close(): Promise<void>;
}

/** Snapshot, logged updates and a state merged into one update. */
export function merge(parts: (Uint8Array | null | undefined)[]): Uint8Array | null {
  const xs = parts.filter((p): p is Uint8Array => !!p && p.length > 0);
  if (!xs.length) return null;
  return xs.length === 1 ? xs[0] : Y.mergeUpdates(xs);
}

/** One logged update. */
export interface LogRow {
  id: number;
  data: Uint8Array;
  /** When it was logged, ms since 1970. */
  at: number;
}

/** What a compaction writes: a new snapshot, or one line for many; and the lines it replaces. */
export interface Compaction {
  snapshot?: Uint8Array;
  line?: { data: Uint8Array; at: number };
  /** Lines with an id up to this and logged before `before` are replaced. */
  upTo: number;
  before: number;
}

/**
 * Plans a compaction. Merging the small log lines costs little; folding them into a large
 * snapshot costs a decoding of the whole document, so it is done only when asked (nobody is
 * connected) or when the log has grown as large as the snapshot.
 */
export function planCompaction(
  snapshot: Uint8Array | null | undefined,
  log: readonly LogRow[],
  keepMs: number,
  fold: boolean,
  now = Date.now(),
): Compaction | null {
  const before = now - keepMs;
  const old = log.filter((r) => r.at < before);
  if (!old.length) return null;
  const merged = merge(old.map((r) => r.data))!;
  const upTo = old[old.length - 1].id;
  if (fold || !snapshot || merged.length >= snapshot.length)
    return { snapshot: merge([snapshot, merged])!, upTo, before };
  if (old.length === 1) return null;
  return { line: { data: merged, at: Math.max(...old.map((r) => r.at)) }, upTo, before };
}

export const AUDIT_COLUMNS = [
  'doc',
  'at',
  'account',
  'unit',
  'kind',
  'sheet',
  'row',
  'col',
  'before',
  'after',
  'detail',
  'client_at',
] as const;

/** The audit row as the columns' values, in AUDIT_COLUMNS order. */
export function auditValues(r: AuditRow): (string | number | null)[] {
  return [
    r.doc,
    r.at,
    r.account,
    r.unit,
    r.kind,
    r.sheet ?? null,
    r.row ?? null,
    r.col ?? null,
    r.before ?? null,
    r.after ?? null,
    r.detail ?? null,
    r.clientAt ?? null,
  ];
}

/** An audit row read back from a table row. */
export function auditFromRecord(x: Record<string, unknown>): AuditRow & { id: number } {
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: Number(x.id),
    doc: String(x.doc),
    at: Number(x.at),
    account: String(x.account),
    unit: String(x.unit),
    kind: String(x.kind) as AuditKind,
    sheet: s(x.sheet),
    row: s(x.row),
    col: s(x.col),
    before: s(x.before),
    after: s(x.after),
    detail: s(x.detail),
    clientAt: x.client_at === null || x.client_at === undefined ? null : Number(x.client_at),
  };
}

/** The WHERE clause and values of an audit query (`$1`-style or `?` placeholders). */
export function auditWhere(
  q: AuditQuery,
  placeholder: (i: number) => string,
): { sql: string; values: string[] } {
  const conds: string[] = [];
  const values: string[] = [];
  for (const k of ['doc', 'sheet', 'row', 'col', 'kind'] as const) {
    const v = q[k];
    if (v === undefined) continue;
    values.push(v);
    conds.push(`"${k}" = ${placeholder(values.length)}`);
  }
  return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', values };
}
