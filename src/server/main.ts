/**
 * `planbook serve | token | account | audit`: the collaboration server's command line. A data
 * folder (`--data`, default `./planbook-server`) holds the SQLite store, the token secret
 * (created on first start, readable by its owner only) and `accounts.json`.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Account, parseAccounts, type Role } from './accounts';
import { auditCsv, namedRows } from './http';
import { PgStore } from './pgStore';
import { startServer } from './server';
import { SqliteStore } from './sqliteStore';
import type { StatedUnitReader } from './statedUnit';
import { newSecret, signToken } from './tokens';

export const SERVER_USAGE = `  planbook serve [--host 127.0.0.1] [--port 1234] [--data <dir>] [--accounts <file>]
                 [--postgres <url> --redis <url>] [--name <instance>]
      runs the collaboration server (SQLite in <dir>; with --postgres and --redis several
      instances share the documents)
  planbook account add <id> --unit <code> --role department|consolidator|reviewer [--name <name>]
                       [--unit-name "<the unit's name, e.g. Sở Giao thông vận tải>"]
      adds or changes an account in <dir>/accounts.json (the unit name is what a submission
      sent through the server is certified to come from)
  planbook token <account> [--hours 12] [--data <dir>]
      prints a token for an account (signed with the server's secret)
  planbook audit --doc <name> [--sheet <id> --row <id> --col <id>] [--csv] [--data <dir> | --postgres <url>]
      prints the audit trail of a document (or of one cell)`;

function opt(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

interface Paths {
  data: string;
  accounts: string;
  secret: string;
  sqlite: string;
}

function paths(args: string[]): Paths {
  const data = opt(args, '--data') ?? 'planbook-server';
  return {
    data,
    accounts: opt(args, '--accounts') ?? join(data, 'accounts.json'),
    secret: opt(args, '--secret-file') ?? join(data, 'secret'),
    sqlite: join(data, 'planbook.sqlite'),
  };
}

/** The secret: PLANBOOK_SECRET, or the secret file (created when missing). */
function secretOf(p: Paths, create: boolean): string {
  if (process.env.PLANBOOK_SECRET) return process.env.PLANBOOK_SECRET;
  if (!existsSync(p.secret)) {
    if (!create)
      throw new Error(`no secret at ${p.secret}: start the server once, or set PLANBOOK_SECRET`);
    mkdirSync(p.data, { recursive: true });
    writeFileSync(p.secret, newSecret() + '\n', { mode: 0o600 });
    chmodSync(p.secret, 0o600);
  }
  return readFileSync(p.secret, 'utf8').trim();
}

function readAccounts(file: string): Account[] {
  if (!existsSync(file)) return [];
  return parseAccounts(readFileSync(file, 'utf8'));
}

/** Accounts re-read when their file changes. */
function liveAccounts(file: string): () => Account[] {
  let stamp = -1;
  let list: Account[] = [];
  return () => {
    const m = existsSync(file) ? statSync(file).mtimeMs : 0;
    if (m !== stamp) {
      try {
        list = readAccounts(file);
        stamp = m;
      } catch (e) {
        console.error(
          `planbook: ${file}: ${(e as Error).message} (keeping the accounts read before)`,
        );
      }
    }
    return list;
  };
}

async function serve(args: string[], deps: ServerDeps): Promise<number> {
  const p = paths(args);
  const postgres = opt(args, '--postgres');
  const redis = opt(args, '--redis');
  if (!!postgres !== !!redis) {
    console.error('planbook: several instances need both --postgres and --redis');
    return 2;
  }
  mkdirSync(p.data, { recursive: true });
  const accounts = liveAccounts(p.accounts);
  if (!accounts().length)
    console.warn(
      `planbook: no accounts yet in ${p.accounts}: add some with 'planbook account add'`,
    );
  const unnamed = accounts()
    .filter((a) => a.role === 'department' && !a.unitName)
    .map((a) => a.id);
  if (unnamed.length)
    console.warn(
      `planbook: department accounts without a unit name: ${unnamed.join(', ')}; their sends are ` +
        `matched to a consolidation's units by unit code and account name only, and a file naming ` +
        `another unit is refused. Give one: planbook account add <id> --unit <code> --role ` +
        `department --unit-name "Sở …"`,
    );
  const running = await startServer({
    host: opt(args, '--host') ?? '127.0.0.1',
    port: Number(opt(args, '--port') ?? 1234),
    sqlite: p.sqlite,
    postgres,
    redis,
    accounts,
    secret: secretOf(p, true),
    name: opt(args, '--name'),
    statedUnit: deps.statedUnit,
  });
  console.log(`planbook: audit trail at ${running.httpUrl}/audit?doc=<name>`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      console.log('planbook: stopping (storing open documents)…');
      void running.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

function account(args: string[]): number {
  const [sub, id] = args;
  const role = opt(args, '--role') as Role | undefined;
  const unit = opt(args, '--unit');
  if (sub !== 'add' || !id || !role || !unit) {
    console.error(`planbook: usage:\n${SERVER_USAGE}`);
    return 2;
  }
  const p = paths(args);
  const all = readAccounts(p.accounts);
  const was = all.find((a) => a.id === id);
  const list = all.filter((a) => a.id !== id);
  // the unit's name is kept when the account is changed without one, for the same unit
  const unitName = opt(args, '--unit-name') ?? (was?.unit === unit ? was.unitName : undefined);
  const entry = {
    id,
    name: opt(args, '--name') ?? id,
    unit,
    ...(unitName ? { unitName } : {}),
    role,
  };
  parseAccounts(JSON.stringify({ accounts: [...list, entry] })); // validates
  mkdirSync(p.data, { recursive: true });
  writeFileSync(p.accounts, JSON.stringify({ accounts: [...list, entry] }, null, 2) + '\n');
  console.log(`${p.accounts}: ${id} (${role}, ${unitName ? `${unit}: ${unitName}` : unit})`);
  return 0;
}

function token(args: string[]): number {
  const id = args.find((a, i) => !a.startsWith('-') && !args[i - 1]?.startsWith('--'));
  const p = paths(args);
  if (!id) {
    console.error(`planbook: token needs an account id\n${SERVER_USAGE}`);
    return 2;
  }
  if (!readAccounts(p.accounts).some((a) => a.id === id)) {
    console.error(`planbook: no account '${id}' in ${p.accounts}`);
    return 2;
  }
  const hours = Number(opt(args, '--hours') ?? 12);
  console.log(signToken(secretOf(p, true), id, hours > 0 ? hours : 12));
  return 0;
}

async function audit(args: string[]): Promise<number> {
  const doc = opt(args, '--doc');
  if (!doc) {
    console.error(`planbook: audit needs --doc <name>\n${SERVER_USAGE}`);
    return 2;
  }
  const pg = opt(args, '--postgres');
  const store = pg ? await PgStore.open(pg) : await SqliteStore.open(paths(args).sqlite);
  try {
    const rows = await store.audit({
      doc,
      sheet: opt(args, '--sheet'),
      row: opt(args, '--row'),
      col: opt(args, '--col'),
      limit: Number(opt(args, '--limit')) || 10_000,
    });
    const accounts = readAccounts(paths(args).accounts);
    const named = namedRows(rows, (id) => accounts.find((a) => a.id === id));
    process.stdout.write(
      args.includes('--csv') ? auditCsv(named) : JSON.stringify(named, null, 1) + '\n',
    );
  } finally {
    await store.close();
  }
  return 0;
}

/** What the command line gives the server: how it reads a sent file (its bounded reader process). */
export interface ServerDeps {
  statedUnit?: StatedUnitReader;
}

/** Runs a server command (`serve`, `token`, `account`, `audit`); the exit code. */
export async function serverMain(argv: string[], deps: ServerDeps = {}): Promise<number> {
  const [cmd, ...args] = argv;
  if (args.includes('--help') || args.includes('-h')) {
    console.log(SERVER_USAGE);
    return 0;
  }
  try {
    if (cmd === 'serve') return await serve(args, deps);
    if (cmd === 'token') return token(args);
    if (cmd === 'account') return account(args);
    if (cmd === 'audit') return await audit(args);
  } catch (e) {
    console.error(`planbook: ${(e as Error).message}`);
    return 2;
  }
  console.error(`planbook: unknown command '${cmd}'\n${SERVER_USAGE}`);
  return 2;
}
