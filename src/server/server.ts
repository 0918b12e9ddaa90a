/**
 * The Planbook collaboration server: Hocuspocus with the write gate and durable log
 * (`persistence.ts`), the audit trail (`audit.ts`), token authentication with per-unit rights
 * (`accounts.ts`, `tokens.ts`) and the HTTP side (`http.ts`). One process on an SQLite file by
 * default; with PostgreSQL and Redis, several instances serve the same documents.
 */
import { Redis } from '@hocuspocus/extension-redis';
import {
  Server,
  type beforeHandleAwarenessPayload,
  type connectedPayload,
  type onAuthenticatePayload,
  type onRequestPayload,
} from '@hocuspocus/server';
import { accessOf, type Account } from './accounts';
import { Audit, type PlanbookContext } from './audit';
import { handleRequest } from './http';
import { Persistence } from './persistence';
import { PgStore } from './pgStore';
import { SqliteStore } from './sqliteStore';
import type { StatedUnitReader } from './statedUnit';
import type { DocStore } from './store';
import { verifyToken } from './tokens';
import { formatRefusal, statedFormat } from '../domain/syncFormat';
import { type CertifiedPeople, peopleMessage } from '../domain/syncPeople';

export interface ServeOptions {
  /** Interface to listen on (default 127.0.0.1: this machine only). */
  host?: string;
  /** Port (0: any free one). */
  port?: number;
  /** SQLite file of the embedded store (ignored with `postgres`). */
  sqlite?: string;
  /** PostgreSQL connection URL: the store shared by several instances. */
  postgres?: string;
  /** Redis URL: how several instances pass changes to each other. */
  redis?: string;
  /** The accounts, read at every connection (so a changed file takes effect). */
  accounts: () => Account[];
  /** The secret that signs tokens. */
  secret: string;
  /** A name for this instance (logs, Redis). */
  name?: string;
  /** How long after a change the snapshot is folded (ms; the log keeps every change anyway). */
  debounce?: number;
  /** With PostgreSQL: how often (ms) to apply what other instances logged (default 1000). */
  catchUpMs?: number;
  quiet?: boolean;
  /**
   * Reads a sent submission's stated unit; `planbook serve` passes the CLI's bounded reader process
   * (default: in this thread, which blocks syncing while it reads: tests and embedding only).
   */
  statedUnit?: StatedUnitReader;
  /** The document format clients must state (default `SYNC_FORMAT`; tests set another). */
  format?: number;
  /** The clock tokens' expiry is judged by (ms since 1970; default `Date.now`; tests move it). */
  now?: () => number;
}

export interface RunningServer {
  /** `ws://host:port` for providers. */
  url: string;
  /** `http://host:port` for the audit trail. */
  httpUrl: string;
  port: number;
  store: DocStore;
  audit: Audit;
  server: Server;
  close(): Promise<void>;
}

/** Why a connection was refused, logged and recorded (`reason` is what the client is told). */
export class AccessDenied extends Error {
  constructor(
    why: string,
    readonly reason: string,
  ) {
    super(why);
  }
}

function redisOptions(url: string): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port) || 6379 };
}

/** This person's account and the names of every account that may open the document. */
export function certifiedPeople(accounts: Account[], self: Account, doc: string): CertifiedPeople {
  const people = accounts.filter((a) => a.id === self.id || accessOf(a, doc) !== 'none');
  return {
    self: { id: self.id, name: self.name, unit: self.unit, role: self.role },
    people: people.map((a) => ({ id: a.id, name: a.name })),
  };
}

/** Starts a server; resolves once it listens. */
export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const store: DocStore = o.postgres
    ? await PgStore.open(o.postgres)
    : await SqliteStore.open(o.sqlite ?? ':memory:');
  const audit = new Audit(store);
  const account = (id: string) => o.accounts().find((a) => a.id === id);
  const log = (msg: string) => {
    if (!o.quiet) console.log(`planbook${o.name ? ` [${o.name}]` : ''}: ${msg}`);
  };
  const extensions = [
    ...(o.redis
      ? [
          new Redis({
            ...redisOptions(o.redis),
            identifier: o.name ?? undefined,
            prefix: 'planbook',
          }),
        ]
      : []),
    new Persistence(store, audit, {
      catchUpMs: o.postgres ? (o.catchUpMs ?? 1000) : 0,
      keepMs: o.postgres ? 60_000 : 0,
    }),
    audit,
  ];
  const server = new Server<PlanbookContext>({
    name: o.name ?? null,
    address: o.host ?? '127.0.0.1',
    port: o.port ?? 1234,
    quiet: true,
    stopOnSignals: false,
    debounce: o.debounce ?? 2000,
    maxDebounce: 10_000,
    extensions,
    async onAuthenticate(p: onAuthenticatePayload) {
      const { token, documentName, connectionConfig } = p;
      const v = verifyToken(o.secret, token ?? '', (o.now ?? Date.now)());
      const who = v.ok ? account(v.claims.sub) : undefined;
      const access = who ? accessOf(who, documentName) : 'none';
      // a client of another document format would corrupt the document: refused, whoever it is
      const format = formatRefusal(statedFormat(p.requestParameters), o.format);
      if (!who || access === 'none' || format) {
        const why =
          format ?? (!v.ok ? `token ${v.error}` : !who ? `no account ${v.claims.sub}` : 'no right');
        audit.add([
          {
            doc: documentName,
            at: Date.now(),
            account: v.ok ? v.claims.sub : '?',
            unit: who?.unit ?? '?',
            kind: 'denied',
            detail: why,
          },
        ]);
        log(`denied ${v.ok ? v.claims.sub : 'a connection'} to ${documentName}: ${why}`);
        // the client is told only why its format is refused (else as Hocuspocus says it)
        throw new AccessDenied(why, format ?? 'permission-denied');
      }
      if (access === 'read') connectionConfig.readOnly = true;
      return { account: who, access } satisfies PlanbookContext;
    },
    async connected({ context, documentName, connection }: connectedPayload<PlanbookContext>) {
      // names the writers who are not online, and this person, as the accounts name them
      connection.sendStateless(
        peopleMessage(certifiedPeople(o.accounts(), context.account, documentName)),
      );
    },
    async beforeHandleAwareness({
      states,
      context,
    }: beforeHandleAwarenessPayload<PlanbookContext>) {
      const a = context?.account;
      if (!a) return;
      // presence says who someone is as the server knows them, whatever the client claims
      for (const s of states.values())
        s.user = { ...(s.user as object), id: a.id, name: a.name, unit: a.unit, role: a.role };
    },
    async onRequest({ request, response }: onRequestPayload) {
      const stats = () => ({
        documents: server.hocuspocus.getDocumentsCount(),
        connections: server.hocuspocus.getConnectionsCount(),
      });
      if (
        await handleRequest(request, response, {
          store,
          secret: () => o.secret,
          account,
          accounts: o.accounts,
          statedUnit: o.statedUnit,
          stats,
          audit: (rows) => audit.add(rows),
        })
      )
        throw null; // answered: no further hooks, no default page
    },
  });
  await server.listen();
  const port = server.address.port;
  const host = o.host ?? '127.0.0.1';
  log(
    `listening on ws://${host}:${port} (${o.postgres ? 'PostgreSQL' : 'SQLite'}${o.redis ? ' + Redis' : ''})`,
  );
  return {
    url: `ws://${host}:${port}`,
    httpUrl: `http://${host}:${port}`,
    port,
    store,
    audit,
    server,
    async close() {
      await server.destroy();
      o.statedUnit?.close?.();
      await audit.flush();
      await store.close();
    },
  };
}
