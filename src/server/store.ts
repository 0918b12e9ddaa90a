/**
 * Where the server keeps documents and its audit trail. Every update a client sends is appended
 * to a log before the server applies and acknowledges it, so an acknowledged edit survives the
 * server being killed; the log is folded into the document's snapshot from time to time.
 */
import * as Y from 'yjs';

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
   * outside the account's rights, `denied` a connection refused. */
  kind: string;
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
   * Folds the log into the snapshot, given the state this server holds; log lines younger than
   * `keepMs` stay (other instances catch up from them).
   */
  compact(name: string, state: Uint8Array, keepMs: number): Promise<void>;
  addAudit(rows: AuditRow[]): Promise<void>;
  audit(q: AuditQuery): Promise<(AuditRow & { id: number })[]>;
  close(): Promise<void>;
}

/** Snapshot, logged updates and a state merged into one update. */
export function merge(parts: (Uint8Array | null | undefined)[]): Uint8Array | null {
  const xs = parts.filter((p): p is Uint8Array => !!p && p.length > 0);
  if (!xs.length) return null;
  return xs.length === 1 ? xs[0] : Y.mergeUpdates(xs);
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
    kind: String(x.kind),
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
