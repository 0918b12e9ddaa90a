/**
 * PostgreSQL and Redis for tests and benchmarks: a throw-away cluster and a throw-away Redis,
 * started from Debian's binaries on 127.0.0.1 only, on free ports, in a temporary folder, and
 * stopped afterwards. (`scripts/ensure-system-deps.mjs` installs the packages when missing.)
 * As root, PostgreSQL runs as the `postgres` user (it refuses to run as root).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface Service {
  url: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The folder of Debian's PostgreSQL server binaries (null: not installed). */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const v = readdirSync(root)
    .filter((d) => existsSync(join(root, d, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return v ? join(root, v, 'bin') : null;
}

export const redisBin = (): string | null =>
  existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : null;

const asRoot = () => process.getuid?.() === 0;

function uidOf(user: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', user]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', user]).toString().trim());
  return { uid, gid };
}

function stopChild(p: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) return resolve();
    p.once('exit', () => resolve());
    p.kill(signal);
  });
}

async function waitFor(f: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    if (await f().catch(() => false)) return;
    if (Date.now() - t0 > ms) throw new Error(`${what} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A fresh PostgreSQL cluster on 127.0.0.1 (trust authentication, database `planbook`). */
export async function startPostgres(): Promise<Service> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'planbook-pg-'));
  const ids = asRoot() ? uidOf('postgres') : null;
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const opts = ids ? { uid: ids.uid, gid: ids.gid } : {};
  const data = join(dir, 'data');
  execFileSync(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'planbook', '--no-sync'], {
    ...opts,
    stdio: 'ignore',
  });
  const port = await freePort();
  const p = spawn(
    join(bin, 'postgres'),
    ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir, '-c', 'fsync=on'],
    { ...opts, stdio: 'ignore' },
  );
  const url = `postgres://planbook@127.0.0.1:${port}/postgres`;
  await waitFor(async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.end();
    return true;
  }, 'PostgreSQL');
  return {
    url,
    async stop() {
      await stopChild(p, 'SIGINT'); // fast shutdown
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh Redis on 127.0.0.1, persisting nothing. */
export async function startRedis(): Promise<Service> {
  const bin = redisBin();
  if (!bin) throw new Error('Redis is not installed (apt-get install redis-server)');
  const port = await freePort();
  const p = spawn(
    bin,
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await waitFor(
    () =>
      new Promise<boolean>((resolve) => {
        const s = createServer();
        s.once('error', () => resolve(true)); // the port is taken: Redis listens
        s.listen(port, '127.0.0.1', () => s.close(() => resolve(false)));
      }),
    'Redis',
  );
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopChild(p) };
}
