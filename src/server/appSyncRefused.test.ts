/**
 * A connection the server refuses says why in words an officer can act on: the token expired
 * (also when it expires during the session and the next reconnection is refused), or the
 * account has no right to the document; never Hocuspocus's `permission-denied`.
 */
import 'fake-indexeddb/auto';
import WebSocket from 'crossws/websocket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookSession } from '../app/session';
import { fetchShared, WorkbookSync } from '../app/sync';
import { appPeople, plan } from './appSyncKit';
import { type RunningServer, startServer } from './server';
import { ACCOUNTS, SECRET, token, until } from './testkit';

const A = 'y2011_dtpt';
let srv: RunningServer;
const { person, syncs, closeAll } = appPeople(() => srv);

beforeAll(async () => {
  srv = await startServer({ port: 0, accounts: () => ACCOUNTS, secret: SECRET, quiet: true });
});
afterAll(async () => {
  await closeAll();
  await srv.close();
});

const cell = (s: WorkbookSession, rowId: string) =>
  s.workbook.sheets[0].rows.find((r) => r.id === rowId)?.cells[A];
const expiredToken = (account: string) => token(account, -1);
const settingsOf = (doc: string, tok: string) => ({ url: srv.url, document: doc, token: tok });

describe('refused connections', () => {
  it('an expired token and a document without the right are told apart', async () => {
    const doc = 'plan/refused1/submission/gtvt';
    await person('lan', doc, 'share', plan('wr1'));
    const opts = { WebSocketPolyfill: WebSocket };
    expect(await fetchShared(settingsOf(doc, expiredToken('lan')), opts)).toEqual({
      problem: 'expired',
      detail: doc,
    });
    // tuan is of another department: no right to gtvt's submission (was detail 'permission-denied')
    expect(await fetchShared(settingsOf(doc, token('tuan')), opts)).toEqual({
      problem: 'refused',
      detail: doc,
    });
  });

  it('a token expiring during the session: the refusal is said, the edit kept and sent with a new token', async () => {
    const doc = 'plan/refused2/submission/gtvt';
    const b = await person('lan', doc, 'share', plan('wr2'));
    const a = await person('lan', doc, 'join', plan('wr2a'), true);
    // a's connection is now made with a token that has expired (as after a night, on reconnection)
    await a.sync.close();
    const stale = new WorkbookSync(a.s, settingsOf(doc, expiredToken('lan')), {
      local: true,
      WebSocketPolyfill: WebSocket,
    });
    syncs.push(stale);
    // the local copy lets it start; the server's refusal comes after
    await stale.start();
    a.s.dispatch(
      { type: 'setCells', sheetId: 's1', changes: [{ rowId: 'r2', colId: A, value: 150 }] },
      'e',
    );
    await until(() => stale.snapshot.status === 'refused', 'the refusal');
    expect([stale.snapshot.problem, stale.snapshot.detail]).toEqual(['expired', doc]); // was null
    expect(cell(b.s, 'r2')).toBe(100);

    await stale.close(); // disconnect, then connect again with a new token
    const fresh = new WorkbookSync(a.s, settingsOf(doc, token('lan')), {
      local: true,
      WebSocketPolyfill: WebSocket,
    });
    syncs.push(fresh);
    expect(await fresh.start()).toBeNull();
    await until(() => cell(b.s, 'r2') === 150, 'the edit made while refused, on the other side');
  });
});
