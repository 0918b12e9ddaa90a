/**
 * The embedded store: one SQLite file (through @hocuspocus/extension-sqlite's better-sqlite3),
 * write-ahead logging with full sync, so a committed append is on disk before it is acknowledged.
 */
import { SQLite } from '@hocuspocus/extension-sqlite';
import {
  AUDIT_COLUMNS,
  auditFromRecord,
  auditValues,
  auditWhere,
  type AuditQuery,
  type AuditRow,
  type DocStore,
  type LogRow,
  merge,
  type NewSubmission,
  SUBMISSION_COLUMNS,
  submissionRow,
  planCompaction,
  sentFromRecord,
} from './store';

const SENT = 'id, plan, unit, unit_name, account, name, file_name, sha256, size, at';

interface Statement {
  run(...args: unknown[]): unknown;
  get(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[];
}
interface Sqlite {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  pragma(s: string): unknown;
  transaction<T>(f: () => T): () => T;
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS doc_updates (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,
  data BLOB NOT NULL, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS doc_updates_name ON doc_updates(name, id);
CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL,
  at INTEGER NOT NULL, account TEXT NOT NULL, unit TEXT NOT NULL, kind TEXT NOT NULL,
  sheet TEXT, "row" TEXT, col TEXT, before TEXT, after TEXT, detail TEXT, client_at INTEGER);
CREATE INDEX IF NOT EXISTS audit_cell ON audit(doc, sheet, "row", col);
CREATE TABLE IF NOT EXISTS submissions (id INTEGER PRIMARY KEY AUTOINCREMENT, plan TEXT NOT NULL,
  unit TEXT NOT NULL, unit_name TEXT, account TEXT NOT NULL, name TEXT NOT NULL, file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL, size INTEGER NOT NULL, at INTEGER NOT NULL, data BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS submissions_plan ON submissions(plan, id);
`;

export class SqliteStore implements DocStore {
  private constructor(private readonly db: Sqlite) {}

  /** Opens (or creates) the store in a file (`:memory:` for tests). */
  static async open(file: string): Promise<SqliteStore> {
    const ext = new SQLite({ database: file, schema: SCHEMA });
    await ext.onConfigure();
    const db = ext.db as unknown as Sqlite;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // a store made before sends carried the sender's unit name gains the column (old rows: null)
    const cols = db.pragma('table_info(submissions)') as { name: string }[];
    if (!cols.some((c) => c.name === 'unit_name'))
      db.exec('ALTER TABLE submissions ADD COLUMN unit_name TEXT');
    return new SqliteStore(db);
  }

  async load(name: string): Promise<Uint8Array | null> {
    const snap = this.db.prepare('SELECT data FROM documents WHERE name = ?').get(name) as
      { data: Buffer } | undefined;
    const log = this.db
      .prepare('SELECT data FROM doc_updates WHERE name = ? ORDER BY id')
      .all(name) as { data: Buffer }[];
    return merge([snap?.data, ...log.map((r) => r.data)]);
  }

  async append(name: string, update: Uint8Array): Promise<void> {
    this.db
      .prepare('INSERT INTO doc_updates (name, data, at) VALUES (?, ?, ?)')
      .run(name, Buffer.from(update), Date.now());
  }

  async lastId(name: string): Promise<number> {
    const r = this.db.prepare('SELECT MAX(id) AS m FROM doc_updates WHERE name = ?').get(name) as {
      m: number | null;
    };
    return r.m ?? 0;
  }

  async since(name: string, afterId: number) {
    const rows = this.db
      .prepare('SELECT id, data FROM doc_updates WHERE name = ? AND id > ? ORDER BY id')
      .all(name, afterId) as { id: number; data: Buffer }[];
    return {
      last: rows.length ? rows[rows.length - 1].id : afterId,
      updates: rows.map((r) => r.data),
    };
  }

  async compact(name: string, keepMs: number, fold: boolean): Promise<void> {
    this.db.transaction(() => {
      const snap = this.db.prepare('SELECT data FROM documents WHERE name = ?').get(name) as
        { data: Buffer } | undefined;
      const log = this.db
        .prepare('SELECT id, data, at FROM doc_updates WHERE name = ? ORDER BY id')
        .all(name) as LogRow[];
      const c = planCompaction(snap?.data, log, keepMs, fold);
      if (!c) return;
      if (c.snapshot)
        this.db
          .prepare(
            'INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data',
          )
          .run(name, Buffer.from(c.snapshot));
      if (c.line)
        this.db
          .prepare('INSERT INTO doc_updates (name, data, at) VALUES (?, ?, ?)')
          .run(name, Buffer.from(c.line.data), c.line.at);
      this.db
        .prepare('DELETE FROM doc_updates WHERE name = ? AND id <= ? AND at < ?')
        .run(name, c.upTo, c.before);
    })();
  }

  async addAudit(rows: AuditRow[]): Promise<void> {
    if (!rows.length) return;
    const cols = AUDIT_COLUMNS.map((c) => `"${c}"`).join(', ');
    const st = this.db.prepare(
      `INSERT INTO audit (${cols}) VALUES (${AUDIT_COLUMNS.map(() => '?').join(', ')})`,
    );
    this.db.transaction(() => {
      for (const r of rows) st.run(...auditValues(r));
    })();
  }

  async audit(q: AuditQuery) {
    const w = auditWhere(q, () => '?');
    const limit = Math.min(Math.max(1, q.limit ?? 1000), 100_000);
    const rows = this.db
      .prepare(`SELECT * FROM audit ${w.sql} ORDER BY id DESC LIMIT ${limit}`)
      .all(...w.values) as Record<string, unknown>[];
    return rows.map(auditFromRecord);
  }

  async addSubmission(s: NewSubmission, bytes: Uint8Array): Promise<number> {
    const r = this.db
      .prepare(
        `INSERT INTO submissions (${SUBMISSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...submissionRow(s, bytes)) as { lastInsertRowid: number | bigint };
    return Number(r.lastInsertRowid);
  }

  async submissions(plan: string) {
    const rows = this.db
      .prepare(`SELECT ${SENT} FROM submissions WHERE plan = ? ORDER BY id`)
      .all(plan) as Record<string, unknown>[];
    return rows.map(sentFromRecord);
  }

  async submissionFile(id: number) {
    const r = this.db.prepare(`SELECT ${SENT}, data FROM submissions WHERE id = ?`).get(id) as
      (Record<string, unknown> & { data: Buffer }) | undefined;
    return r ? { info: sentFromRecord(r), bytes: new Uint8Array(r.data) } : null;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
