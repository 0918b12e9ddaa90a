/**
 * The server's HTTP side: `GET /health` (memory, CPU, documents, connections), and
 * `GET /audit?doc=…[&sheet=&row=&col=&kind=&limit=][&format=csv]` with `Authorization: Bearer <token>`: the audit trail of a document the token's
 * account may read (per workbook, or per cell), as JSON or CSV; `/submissions` (`submissions.ts`). Open to pages of any origin (the
 * token, not a cookie, is the credential).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { accessOf, type Account } from './accounts';
import type { AuditRow, DocStore } from './store';
import type { StatedUnitReader } from './statedUnit';
import { handleSubmissions } from './submissions';
import { verifyToken } from './tokens';

export interface HttpDeps {
  store: DocStore;
  secret: () => string;
  account: (id: string) => Account | undefined;
  /** Every account (a sent file's stated unit is checked against the plan's units). */
  accounts?: () => Account[];
  /** Reads a sent file's stated unit (default: in this thread). */
  statedUnit?: StatedUnitReader;
  /** Figures for `/health` (documents and connections open). */
  stats?: () => Record<string, number>;
  /** Queues audit lines (submissions sent, fetched or refused). */
  audit?: (rows: AuditRow[]) => void;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
};

function send(
  res: ServerResponse,
  code: number,
  body: string | Uint8Array,
  type = 'application/json',
) {
  const ct = typeof body === 'string' ? `${type}; charset=utf-8` : type;
  res.writeHead(code, { 'Content-Type': ct, ...CORS });
  res.end(body);
}

const csvField = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** An audit row with its account's display name as the accounts give it now (null: unknown). */
export type NamedAuditRow = AuditRow & { name: string | null };

/** The rows with each account's name (an account whose name is its id names no one: null). */
export function namedRows(
  rows: AuditRow[],
  account: (id: string) => Account | undefined,
): NamedAuditRow[] {
  return rows.map((r) => {
    const name = account(r.account)?.name;
    return { ...r, name: name && name !== r.account ? name : null };
  });
}

/** The audit rows as CSV (UTF-8, a header line, ISO times; the account's name after its id). */
export function auditCsv(rows: NamedAuditRow[]): string {
  const cols = [
    'at',
    'account',
    'name',
    'unit',
    'kind',
    'doc',
    'sheet',
    'row',
    'col',
    'before',
    'after',
    'detail',
  ] as const;
  const lines = rows.map((r) =>
    cols.map((c) => csvField(c === 'at' ? new Date(r.at).toISOString() : r[c])).join(','),
  );
  return '\ufeff' + [cols.join(','), ...lines].join('\r\n') + '\r\n';
}

/** Answers a request it knows (true), or leaves it to Hocuspocus (false). */
export async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: HttpDeps,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://x');
  if (req.method === 'OPTIONS') {
    send(res, 204, '');
    return true;
  }
  if (url.pathname === '/health') {
    const m = process.memoryUsage();
    const cpu = process.cpuUsage();
    const figures = { rss: m.rss, heapUsed: m.heapUsed, cpuMs: (cpu.user + cpu.system) / 1000 };
    send(res, 200, JSON.stringify({ ok: true, ...figures, ...deps.stats?.() }));
    return true;
  }
  if (url.pathname.startsWith('/submissions'))
    return handleSubmissions(req, res, url, { ...deps, audit: deps.audit ?? (() => {}), send });
  if (url.pathname !== '/audit') return false;
  const auth = req.headers.authorization ?? '';
  const token = auth.startsWith('Bearer ') ? auth.slice(7) : (url.searchParams.get('token') ?? '');
  const v = verifyToken(deps.secret(), token);
  const account = v.ok ? deps.account(v.claims.sub) : undefined;
  if (!account) {
    send(res, 401, JSON.stringify({ error: v.ok ? 'unknown account' : v.error }));
    return true;
  }
  const doc = url.searchParams.get('doc') ?? '';
  if (accessOf(account, doc) === 'none') {
    send(res, 403, JSON.stringify({ error: `${account.id} may not read ${doc}` }));
    return true;
  }
  const q = (k: string) => url.searchParams.get(k) ?? undefined;
  const rows = await deps.store.audit({
    doc,
    sheet: q('sheet'),
    row: q('row'),
    col: q('col'),
    kind: q('kind'),
    limit: Number(q('limit')) || undefined,
  });
  const named = namedRows(rows, deps.account);
  if (q('format') === 'csv') send(res, 200, auditCsv(named), 'text/csv');
  else send(res, 200, JSON.stringify(named));
  return true;
}
