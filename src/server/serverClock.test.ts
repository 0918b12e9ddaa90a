import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncClient } from '../storage/sync/client';
import { type RunningServer, startServer } from './server';
import { ACCOUNTS, SECRET, client, until } from './testkit';
import { signToken } from './tokens';

const DOC = 'plan/p-clock/submission/gtvt';
const HOUR = 3600_000;

let srv: RunningServer;
let ahead = 0;
const clients: SyncClient[] = [];
function open(tok: string) {
  const c = client(srv.url, DOC, 'lan', tok);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  srv = await startServer({
    port: 0,
    accounts: () => ACCOUNTS,
    secret: SECRET,
    quiet: true,
    now: () => Date.now() + ahead,
  });
});
afterAll(async () => {
  for (const c of clients) await c.destroy();
  await srv.close();
});

describe('the server judges token expiry by its own clock', () => {
  it('accepts a token by its clock, and refuses the same token once its clock passes the expiry', async () => {
    const tok = signToken(SECRET, 'lan', 1);
    const before = open(tok);
    await until(() => before.status === 'online', 'accepted');

    ahead = HOUR + 60_000;
    const after = open(tok);
    await until(() => after.status === 'refused', 'refused');
    await srv.audit.flush();
    const denied = await srv.store.audit({ doc: DOC, kind: 'denied' });
    // the refused provider may try again before it stops: each try refused the same way
    expect(denied.length).toBeGreaterThan(0);
    expect(new Set(denied.map((d) => d.detail))).toEqual(new Set(['token expired']));
  });

  it('accepts a token the real clock says expired while its own clock is before the expiry', async () => {
    ahead = -2 * HOUR;
    const old = open(signToken(SECRET, 'lan', 1, Date.now() - 90 * 60_000));
    await until(() => old.status === 'online', 'accepted');
  });
});
