/** Test helpers: accounts of every role, tokens, clients on loopback, edits, waiting. */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'crossws/websocket';
import { setCells } from '../domain/ops';
import type { CellInput, Workbook } from '../domain/types';
import { SyncClient } from '../storage/sync/client';
import type { Account } from './accounts';
import { signToken } from './tokens';

export const SECRET = 'a test secret';

export const ACCOUNTS: Account[] = [
  {
    id: 'lan',
    name: 'Nguyễn Thị Lan',
    unit: 'gtvt',
    unitName: 'Sở Giao thông vận tải',
    role: 'department',
  },
  { id: 'tuan', name: 'Trần Văn Tuấn', unit: 'yte', unitName: 'Sở Y tế', role: 'department' },
  {
    id: 'minh',
    name: 'Lê Minh',
    unit: 'tttt',
    unitName: 'Sở Thông tin và Truyền thông',
    role: 'consolidator',
  },
  {
    id: 'hoa',
    name: 'Phạm Hoa',
    unit: 'khdt',
    unitName: 'Sở Kế hoạch và Đầu tư',
    role: 'reviewer',
  },
];

export const token = (account: string, hours = 1) => signToken(SECRET, account, hours);

/** A Node client of a server, as one person's browser. */
export function client(url: string, document: string, account: string, tok = token(account)) {
  return new SyncClient(
    { url, document, token: tok },
    { base: { id: `local-${account}`, createdAt: 1, updatedAt: 1 }, WebSocketPolyfill: WebSocket },
  );
}

/** Resolves once `cond` holds (polled), or rejects with `what` after `ms`. */
export async function until(cond: () => boolean, what: string, ms = 10_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** One cell edit through the shared workbook, as a step of the app would write it. */
export function setCell(c: SyncClient, rowId: string, colId: string, value: CellInput): Workbook {
  const before = c.shared.workbook!;
  const sheet = setCells(before.sheets[0], [{ rowId, colId, value }]);
  const after = { ...before, sheets: [sheet, ...before.sheets.slice(1)] };
  c.shared.commit(before, after);
  return after;
}

/** A cell's value as a client shows it. */
export function cellOf(c: SyncClient, rowId: string, colId: string): CellInput | undefined {
  return c.shared.workbook?.sheets[0].rows.find((r) => r.id === rowId)?.cells[colId];
}

/** A server in a child process (`npm run server`), to be killed like a real one. */
export interface ServerProcess {
  url: string;
  httpUrl: string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `planbook serve` from source with the test accounts in `data`; resolves once listening. */
export async function spawnServer(data: string, extra: string[] = []): Promise<ServerProcess> {
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, 'accounts.json'), JSON.stringify({ accounts: ACCOUNTS }));
  const p = spawn(
    process.execPath,
    [
      ...(process.env.PLANBOOK_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      fileURLToPath(new URL('../cli/serverBin.ts', import.meta.url)),
      'serve',
      '--port',
      '0',
      '--data',
      data,
      ...extra,
    ],
    { env: { ...process.env, PLANBOOK_SECRET: SECRET }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  p.stderr.on('data', (b: Buffer) => {
    err += b.toString();
    if (process.env.PLANBOOK_DEBUG) process.stderr.write(b);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    p.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /listening on (ws:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    p.once('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
  return {
    url,
    httpUrl: url.replace('ws:', 'http:'),
    kill: (signal = 'SIGKILL') =>
      new Promise((resolve) => {
        if (p.exitCode !== null || p.signalCode !== null) return resolve();
        p.once('exit', () => resolve());
        p.kill(signal);
      }),
  };
}
