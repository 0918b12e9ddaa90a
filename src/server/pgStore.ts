/**
 * The shared store for several server instances: PostgreSQL (each append one committed INSERT;
 * compaction under a row lock, so two instances folding the same log never lose an update).
 */
import pg from 'pg';
import {
  AUDIT_COLUMNS,
  auditFromRecord,
  auditValues,
  auditWhere,
  type AuditQuery,
  type AuditRow,
  type DocStore,
  merge,
  type NewSubmission,
  SUBMISSION_COLUMNS,
  submissionRow,
  planCompaction,
  sentFromRecord,
} from './store';

const SENT = 'id, plan, unit, unit_name, account, name, file_name, sha256, size, at';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BYTEA);
CREATE TABLE IF NOT EXISTS doc_updates (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, data BYTEA NOT NULL,
  at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS doc_updates_name ON doc_updates(name, id);
CREATE TABLE IF NOT EXISTS audit (id BIGSERIAL PRIMARY KEY, doc TEXT NOT NULL, at BIGINT NOT NULL,
  account TEXT NOT NULL, unit TEXT NOT NULL, kind TEXT NOT NULL, sheet TEXT, "row" TEXT, col TEXT,
  before TEXT, after TEXT, detail TEXT, client_at BIGINT);
CREATE INDEX IF NOT EXISTS audit_cell ON audit(doc, sheet, "row", col);
CREATE TABLE IF NOT EXISTS submissions (id BIGSERIAL PRIMARY KEY, plan TEXT NOT NULL,
  unit TEXT NOT NULL, account TEXT NOT NULL, name TEXT NOT NULL, file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL, size BIGINT NOT NULL, at BIGINT NOT NULL, data BYTEA NOT NULL);
CREATE INDEX IF NOT EXISTS submissions_plan ON submissions(plan, id);
ALTER TABLE submissions ADD COLUMN IF NOT EXISTS unit_name TEXT;
`;

export class PgStore implements DocStore {
  private constructor(private readonly pool: pg.Pool) {}

  /** Connects and creates the tables when missing (concurrent starts are serialised by a lock). */
  static async open(url: string): Promise<PgStore> {
    const pool = new pg.Pool({ connectionString: url, max: 8 });
    const c = await pool.connect();
    try {
      await c.query('SELECT pg_advisory_lock(724201)');
      await c.query(SCHEMA);
      await c.query('SELECT pg_advisory_unlock(724201)');
    } finally {
      c.release();
    }
    return new PgStore(pool);
  }

  async load(name: string): Promise<Uint8Array | null> {
    const snap = await this.pool.query<{ data: Buffer | null }>(
      'SELECT data FROM documents WHERE name = $1',
      [name],
    );
    const log = await this.pool.query<{ data: Buffer }>(
      'SELECT data FROM doc_updates WHERE name = $1 ORDER BY id',
      [name],
    );
    return merge([snap.rows[0]?.data, ...log.rows.map((r) => r.data)]);
  }

  async append(name: string, update: Uint8Array): Promise<void> {
    await this.pool.query('INSERT INTO doc_updates (name, data, at) VALUES ($1, $2, $3)', [
      name,
      Buffer.from(update),
      Date.now(),
    ]);
  }

  async lastId(name: string): Promise<number> {
    const r = await this.pool.query<{ m: string | null }>(
      'SELECT MAX(id) AS m FROM doc_updates WHERE name = $1',
      [name],
    );
    return Number(r.rows[0]?.m ?? 0);
  }

  async since(name: string, afterId: number) {
    const r = await this.pool.query<{ id: string; data: Buffer }>(
      'SELECT id, data FROM doc_updates WHERE name = $1 AND id > $2 ORDER BY id',
      [name, afterId],
    );
    const last = r.rows.length ? Number(r.rows[r.rows.length - 1].id) : afterId;
    return { last, updates: r.rows.map((x) => x.data) };
  }

  async compact(name: string, keepMs: number, fold: boolean): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('INSERT INTO documents (name, data) VALUES ($1, NULL) ON CONFLICT DO NOTHING', [
        name,
      ]);
      const snap = await c.query<{ data: Buffer | null }>(
        'SELECT data FROM documents WHERE name = $1 FOR UPDATE',
        [name],
      );
      const log = await c.query<{ id: string; data: Buffer; at: string }>(
        'SELECT id, data, at FROM doc_updates WHERE name = $1 ORDER BY id',
        [name],
      );
      const rows = log.rows.map((r) => ({ id: Number(r.id), data: r.data, at: Number(r.at) }));
      const plan = planCompaction(snap.rows[0]?.data, rows, keepMs, fold);
      if (plan?.snapshot)
        await c.query('UPDATE documents SET data = $2 WHERE name = $1', [
          name,
          Buffer.from(plan.snapshot),
        ]);
      if (plan?.line)
        await c.query('INSERT INTO doc_updates (name, data, at) VALUES ($1, $2, $3)', [
          name,
          Buffer.from(plan.line.data),
          plan.line.at,
        ]);
      if (plan)
        await c.query('DELETE FROM doc_updates WHERE name = $1 AND id <= $2 AND at < $3', [
          name,
          plan.upTo,
          plan.before,
        ]);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  async addAudit(rows: AuditRow[]): Promise<void> {
    if (!rows.length) return;
    const n = AUDIT_COLUMNS.length;
    const values: (string | number | null)[] = [];
    const tuples = rows.map((r, k) => {
      values.push(...auditValues(r));
      return `(${AUDIT_COLUMNS.map((_, i) => `$${k * n + i + 1}`).join(', ')})`;
    });
    const cols = AUDIT_COLUMNS.map((c) => `"${c}"`).join(', ');
    await this.pool.query(`INSERT INTO audit (${cols}) VALUES ${tuples.join(', ')}`, values);
  }

  async audit(q: AuditQuery) {
    const w = auditWhere(q, (i) => `$${i}`);
    const limit = Math.min(Math.max(1, q.limit ?? 1000), 100_000);
    const r = await this.pool.query(
      `SELECT * FROM audit ${w.sql} ORDER BY id DESC LIMIT ${limit}`,
      w.values,
    );
    return r.rows.map((x: Record<string, unknown>) => auditFromRecord(x));
  }

  async addSubmission(s: NewSubmission, bytes: Uint8Array): Promise<number> {
    const r = await this.pool.query<{ id: string }>(
      `INSERT INTO submissions (${SUBMISSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      submissionRow(s, bytes),
    );
    return Number(r.rows[0].id);
  }

  async submissions(plan: string) {
    const r = await this.pool.query(`SELECT ${SENT} FROM submissions WHERE plan = $1 ORDER BY id`, [
      plan,
    ]);
    return r.rows.map((x: Record<string, unknown>) => sentFromRecord(x));
  }

  async submissionFile(id: number) {
    const r = await this.pool.query(`SELECT ${SENT}, data FROM submissions WHERE id = $1`, [id]);
    const x = r.rows[0] as (Record<string, unknown> & { data: Buffer }) | undefined;
    return x ? { info: sentFromRecord(x), bytes: new Uint8Array(x.data) } : null;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
