/** Test helpers: accounts of every role, tokens, clients on loopback, edits, waiting. */
import WebSocket from 'crossws/websocket';
import { setCells } from '../domain/ops';
import type { CellInput, Workbook } from '../domain/types';
import { SyncClient } from '../storage/sync/client';
import type { Account } from './accounts';
import { signToken } from './tokens';

export const SECRET = 'a test secret';

export const ACCOUNTS: Account[] = [
  { id: 'lan', name: 'Nguyễn Thị Lan', unit: 'gtvt', role: 'department' },
  { id: 'tuan', name: 'Trần Văn Tuấn', unit: 'yte', role: 'department' },
  { id: 'minh', name: 'Lê Minh', unit: 'tttt', role: 'consolidator' },
  { id: 'hoa', name: 'Phạm Hoa', unit: 'khdt', role: 'reviewer' },
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
